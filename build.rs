//! Builds the English catalogue the app carries (`src/i18n`): `locales/en.ftl` without its
//! comments and blank lines, which are for translators and cost bytes in every download.

use std::{env, fs, path::Path};

fn main() {
    let source = "locales/en.ftl";
    println!("cargo:rerun-if-changed={source}");
    let text = fs::read_to_string(source).expect("locales/en.ftl is readable");
    let messages: String = text
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| format!("{line}\n"))
        .collect();
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    fs::write(Path::new(&out).join("en.ftl"), messages).expect("OUT_DIR is writable");
}

//! Writes the first forms (`commerce_otp::prerender`) into a folder, two files per shipped
//! language (the app's page, the element): `cargo run --features prerender --bin prerender -- dist/first-forms` (run by
//! `scripts/postbuild.mjs` after every Trunk build). Reads the catalogues from `locales/`.

use std::path::PathBuf;
use std::process::ExitCode;

use commerce_otp::i18n::{Catalogue, SHIPPED};
use commerce_otp::prerender::language_file;

fn main() -> ExitCode {
    let Some(out) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: prerender <folder>");
        return ExitCode::FAILURE;
    };
    let locales = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("locales");
    if let Err(why) = std::fs::create_dir_all(&out) {
        eprintln!("prerender: {}: {why}", out.display());
        return ExitCode::FAILURE;
    }
    for tag in SHIPPED {
        let catalogue = if tag == "en" {
            None
        } else {
            let path = locales.join(format!("{tag}.ftl"));
            match std::fs::read_to_string(&path) {
                Ok(source) => Some(Catalogue::parse(&source).0),
                Err(why) => {
                    eprintln!("prerender: {}: {why}", path.display());
                    return ExitCode::FAILURE;
                }
            }
        };
        for (name, element) in [
            (format!("{tag}.html"), false),
            (format!("element-{tag}.html"), true),
        ] {
            let path = out.join(name);
            if let Err(why) = std::fs::write(&path, language_file(tag, catalogue.clone(), element))
            {
                eprintln!("prerender: {}: {why}", path.display());
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}

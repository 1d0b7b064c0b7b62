//! web/first-form.js, which shows the first forms the app renders at build time
//! (src/prerender.rs), knows what the app knows: the languages it has files for and the
//! placeholders in them.
#![cfg(not(target_arch = "wasm32"))]

use commerce_otp::first_form::{STORE, USERNAME};
use commerce_otp::i18n::SHIPPED;

fn script() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/web/first-form.js");
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// `text` as a single-quoted JavaScript string, non-ASCII as `\uXXXX`.
fn js_string(text: &str) -> String {
    let escaped: String = text
        .chars()
        .map(|c| {
            if c.is_ascii() {
                c.to_string()
            } else {
                format!("\\u{:04X}", c as u32)
            }
        })
        .collect();
    format!("'{escaped}'")
}

#[test]
fn the_script_knows_the_shipped_languages() {
    let list: Vec<String> = SHIPPED.iter().map(|tag| js_string(tag)).collect();
    let line = format!("const SHIPPED = [{}];", list.join(", "));
    assert!(
        script().contains(&line),
        "web/first-form.js should have: {line}"
    );
}

#[test]
fn the_script_knows_the_placeholders() {
    for (name, value) in [("STORE", STORE), ("USERNAME", USERNAME)] {
        let line = format!("const {name} = {};", js_string(value));
        assert!(
            script().contains(&line),
            "web/first-form.js should have: {line}"
        );
    }
}

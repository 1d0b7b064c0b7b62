//! The message catalogues (`locales/*.ftl`): valid Fluent by Project Fluent's own parser, in
//! the subset the app reads (`i18n::fluent`), read by the app exactly as Fluent reads them;
//! every language has every English message, with the same variables; every message is used
//! by the app, and every message the app uses exists.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use commerce_otp::i18n::fluent::{self, Catalogue, Piece};
use commerce_otp::i18n::SHIPPED;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, PatternElement};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn catalogue_source(tag: &str) -> String {
    let path = root().join("locales").join(format!("{tag}.ftl"));
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `(id, pieces)` of every message, as Project Fluent's parser reads the file; fails on
/// anything outside the subset the app reads.
fn read_with_fluent_syntax(tag: &str, source: &str) -> Vec<(String, Vec<Piece>)> {
    let resource = fluent_syntax::parser::parse(source)
        .unwrap_or_else(|(_, errors)| panic!("{tag}.ftl is not valid Fluent: {errors:?}"));
    let mut messages = Vec::new();
    for entry in resource.body {
        match entry {
            Entry::Message(message) => {
                let id = message.id.name.to_owned();
                assert!(
                    message.attributes.is_empty(),
                    "{tag}.ftl {id}: attributes are not read"
                );
                let value = message
                    .value
                    .unwrap_or_else(|| panic!("{tag}.ftl {id}: no value"));
                let mut pieces: Vec<Piece> = Vec::new();
                let push_text = |pieces: &mut Vec<Piece>, text: &str| match pieces.last_mut() {
                    Some(Piece::Text(last)) => last.push_str(text),
                    _ => pieces.push(Piece::Text(text.to_owned())),
                };
                for element in value.elements {
                    match element {
                        PatternElement::TextElement { value } => {
                            assert!(
                                !value.contains('\n'),
                                "{tag}.ftl {id}: one line per message"
                            );
                            push_text(&mut pieces, value);
                        }
                        PatternElement::Placeable {
                            expression:
                                Expression::Inline(InlineExpression::VariableReference { id: var }),
                        } => pieces.push(Piece::Var(var.name.to_owned())),
                        PatternElement::Placeable {
                            expression:
                                Expression::Inline(InlineExpression::StringLiteral { value }),
                        } => push_text(
                            &mut pieces,
                            &fluent_syntax::unicode::unescape_unicode_to_string(value),
                        ),
                        other => panic!(
                            "{tag}.ftl {id}: only text and variables are read, not {other:?}"
                        ),
                    }
                }
                messages.push((id, pieces));
            }
            Entry::Comment(_) | Entry::GroupComment(_) | Entry::ResourceComment(_) => {}
            Entry::Term(term) => panic!("{tag}.ftl: terms are not read (-{})", term.id.name),
            Entry::Junk { content } => panic!("{tag}.ftl: not Fluent: {content}"),
        }
    }
    messages
}

#[test]
fn every_catalogue_is_fluent_and_the_app_reads_it_as_fluent_does() {
    for tag in SHIPPED {
        let source = catalogue_source(tag);
        let expected = read_with_fluent_syntax(tag, &source);
        let (catalogue, problems) = Catalogue::parse(&source);
        assert!(problems.is_empty(), "{tag}.ftl: {problems:?}");
        let ids: BTreeSet<&str> = expected.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids.len(), expected.len(), "{tag}.ftl: an id twice");
        assert_eq!(catalogue.ids().count(), expected.len(), "{tag}.ftl");
        for (id, pieces) in &expected {
            assert_eq!(catalogue.get(id), Some(pieces), "{tag}.ftl {id}");
        }
    }
}

#[test]
fn every_language_has_every_message_with_the_same_variables() {
    let english = Catalogue::parse(&catalogue_source("en")).0;
    let english_ids: Vec<&str> = english.ids().collect();
    for tag in SHIPPED.into_iter().filter(|t| *t != "en") {
        let (catalogue, _) = Catalogue::parse(&catalogue_source(tag));
        let ids: Vec<&str> = catalogue.ids().collect();
        let missing: Vec<_> = english_ids.iter().filter(|id| !ids.contains(id)).collect();
        let extra: Vec<_> = ids.iter().filter(|id| !english_ids.contains(id)).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{tag}.ftl: missing {missing:?}, not in English {extra:?}"
        );
        for id in &english_ids {
            let vars = |c: &Catalogue| -> BTreeSet<String> {
                fluent::variables(c.get(id).unwrap())
                    .map(str::to_owned)
                    .collect()
            };
            assert_eq!(
                vars(&catalogue),
                vars(&english),
                "{tag}.ftl {id}: variables"
            );
            let text: String = catalogue
                .get(id)
                .unwrap()
                .iter()
                .filter_map(|p| match p {
                    Piece::Text(t) => Some(t.as_str()),
                    Piece::Var(_) => None,
                })
                .collect();
            // Direction is the app's business (`<bdi>`, isolates): no marks in the text.
            assert!(
                !text.contains([
                    '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}',
                    '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}'
                ]),
                "{tag}.ftl {id}: a direction mark"
            );
        }
        // No sentence left in English: a message that reads exactly as the English one is
        // a translation forgotten, unless it is the same word in both languages (listed).
        let same_word = [("nl", "account-label")];
        for id in &english_ids {
            let english_text = format!("{:?}", english.get(id));
            if format!("{:?}", catalogue.get(id)) == english_text
                && !same_word.contains(&(tag, *id))
            {
                panic!("{tag}.ftl {id}: the same as the English");
            }
        }
    }
}

/// The Rust sources of the app.
fn sources(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = fs::read_to_string(&path).unwrap();
            out.push((path, text));
        }
    }
}

#[test]
fn every_message_is_used_and_every_message_used_exists() {
    let english = Catalogue::parse(&catalogue_source("en")).0;
    let mut files = Vec::new();
    sources(&root().join("src"), &mut files);
    // Where the app names a message: `tr("…")`, `i18n.text("…")`, `Message::new("…")`,
    // `code_sent("…"`, a page's message props (`title="…"`, `lead="…"`…), and the
    // key tables of `messages.rs`.
    let call = regex::Regex::new(
        r#"(?:\btr|\bi18n\.text|Message::new|code_sent)\(\s*"([^"]+)"|\b(?:title|notice|intro|lead|link_hint|busy_label)="([^"]+)""#,
    )
    .unwrap();
    let table = regex::Regex::new(r#""([a-z][a-z0-9]*(?:-[a-z0-9]+)+)""#).unwrap();
    let mut used = BTreeSet::new();
    for (path, text) in &files {
        for found in call.captures_iter(text) {
            let key = found.get(1).or(found.get(2)).unwrap().as_str();
            used.insert(key.to_owned());
            assert!(
                english.get(key).is_some(),
                "{}: \"{key}\" is not in locales/en.ftl",
                path.display()
            );
        }
        if path.ends_with("messages.rs") {
            for found in table.captures_iter(text) {
                let key = &found[1];
                assert!(
                    english.get(key).is_some(),
                    "messages.rs: \"{key}\" is not in locales/en.ftl"
                );
                used.insert(key.to_owned());
            }
        }
    }
    let unused: Vec<&str> = english.ids().filter(|id| !used.contains(*id)).collect();
    assert!(
        unused.is_empty(),
        "messages in locales/en.ftl that the app never shows: {unused:?}"
    );
}

#[test]
fn every_language_has_its_name_in_the_switcher() {
    let names: BTreeSet<&str> = SHIPPED
        .iter()
        .map(|tag| commerce_otp::i18n::language_name(tag))
        .collect();
    assert_eq!(
        names.len(),
        SHIPPED.len(),
        "a language without its own name"
    );
}

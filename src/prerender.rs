//! The first forms as HTML, rendered at build time by the app's own views (feature
//! `prerender`, native only; `src/bin/prerender.rs` writes them into `dist/first-forms/`).
//!
//! A shopper's browser shows the first form of the page it opened from this HTML as soon as
//! the page, its stylesheet, `config.json` and one of these files have arrived
//! (`web/first-form.js`), and fetches the app's wasm after that. Whatever the shopper does
//! in the meantime is handed over to the app as it starts ([`crate::first_form`]).
//!
//! Two files per language, `<tag>.html` for the app's own page and `element-<tag>.html` for
//! the `<commerce-otp>` element, each holding one `<template>` per entry and variant:
//!
//! * `data-entry`: on the page, `start` (the app's folder), `reset-link` (`change_password`
//!   with the e-mail link's `username` and `token`), `passwordless-link` (`passwordless`, the
//!   same); in the element, its first step ([`ELEMENT_ENTRIES`]);
//! * `data-variant`: the `config.json` values the form depends on, `<flows>/<username_format>`:
//!   the offered flows in [`Purpose`] order joined by `+` (`reset_password+passwordless_authentication`)
//!   and `email` or `any`;
//! * `data-dir`: the language's writing direction;
//! * `data-title`: the page's title without the store's name; `data-store`: the header's text
//!   when `config.json` names no store; `data-failed-title` and `data-failed`: what the form
//!   says when the rest of the page cannot be loaded.
//!
//! The store-specific and link-specific values are placeholders that `web/first-form.js` fills in:
//! [`STORE`] and [`USERNAME`] (text), links' paths relative to the app's folder
//! (`/forgot_password`, the element's `/#/forgot_password`), which web/first-form.js puts
//! under the folder. The language switcher, which depends on `config.json` `locales`, comes
//! with the app: the forms are rendered for a store that offers their language alone.

use leptos::prelude::*;
use leptos_router::location::RequestUrl;

use crate::app::{build, Launch};
use crate::commerce::Purpose;
use crate::config::parse_config;
use crate::embed::{Embedding, Host};
use crate::flows::link::LinkParams;
use crate::handoff::Channel;
use crate::i18n::Catalogue;
use crate::routes;

use crate::first_form::{STORE, USERNAME};
/// Stands for the e-mail link's `token` (six letters, as Commerce's codes are), which the
/// forms do not show.
const CODE: &str = "zqzqzq";

/// The entries with a prerendered first form on the app's own page: `(data-entry, page,
/// whether it opens from the e-mail link)`.
pub const PAGE_ENTRIES: [(&str, &str, bool); 3] = [
    ("start", routes::START, false),
    ("reset-link", routes::CHANGE_PASSWORD, true),
    ("passwordless-link", routes::PASSWORDLESS, true),
];

/// The first steps of a `<commerce-otp>` element (`embed::first_step`: its `flow`, and
/// whether it read a link's code), the same way.
pub const ELEMENT_ENTRIES: [(&str, &str, bool); 5] = [
    ("sign-in", routes::SIGN_IN, false),
    ("reset", routes::FORGOT_PASSWORD, false),
    ("passwordless", routes::SIGN_IN_WITH_CODE, false),
    ("reset-link", routes::CHANGE_PASSWORD, true),
    ("passwordless-link", routes::PASSWORDLESS, true),
];

/// The flows a shop may offer, each set as `config.json` `flows` lists it.
const FLOW_SETS: [&[Purpose]; 3] = [
    &[Purpose::ResetPassword, Purpose::PasswordlessAuthentication],
    &[Purpose::ResetPassword],
    &[Purpose::PasswordlessAuthentication],
];

/// Runs every effect and task nowhere: rendering to HTML needs none of them (they move focus,
/// set the document's title, fetch the split parts).
struct Idle;

impl any_spawner::CustomExecutor for Idle {
    fn spawn(&self, _: any_spawner::PinnedFuture<()>) {}
    fn spawn_local(&self, _: any_spawner::PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}

/// The file of language `tag` for the app's own page (`element`: for the element): every
/// entry's first form in every variant, as `<template>`s. `catalogue` is the language's
/// (`None` for English).
pub fn language_file(tag: &str, catalogue: Option<Catalogue>, element: bool) -> String {
    // Set once per process; a second call finds it set, which is as good.
    let _ = any_spawner::Executor::init_custom_executor(Idle);
    let mut file = String::new();
    for flows in FLOW_SETS {
        for email in [false, true] {
            let entries: &[_] = if element {
                &ELEMENT_ENTRIES
            } else {
                &PAGE_ENTRIES
            };
            for &(entry, page, from_link) in entries {
                let needs = match page {
                    routes::CHANGE_PASSWORD | routes::FORGOT_PASSWORD => {
                        Some(Purpose::ResetPassword)
                    }
                    routes::PASSWORDLESS | routes::SIGN_IN_WITH_CODE => {
                        Some(Purpose::PasswordlessAuthentication)
                    }
                    _ => None,
                };
                if needs.is_some_and(|purpose| !flows.contains(&purpose)) {
                    continue;
                }
                let variant = format!(
                    "{}/{}",
                    flows
                        .iter()
                        .map(|p| p.as_str())
                        .collect::<Vec<_>>()
                        .join("+"),
                    if email { "email" } else { "any" }
                );
                let rendered = render(
                    tag,
                    catalogue.clone(),
                    flows,
                    email,
                    page,
                    from_link,
                    element,
                );
                file.push_str(&format!(
                    "<template data-entry=\"{entry}\" data-variant=\"{variant}\" data-dir=\"{}\" data-title=\"{}\" data-store=\"{}\" data-failed-title=\"{}\" data-failed=\"{}\">{}</template>\n",
                    crate::i18n::direction(tag),
                    escape(&rendered.title),
                    escape(&rendered.store),
                    escape(&rendered.failed_title),
                    escape(&rendered.failed),
                    rendered.html,
                ));
            }
        }
    }
    file
}

/// One first form and the texts web/first-form.js may need around it.
struct Rendered {
    html: String,
    /// The page's title (without the store's name).
    title: String,
    /// The header's text for a store without a name.
    store: String,
    /// What the form says when the rest of the page cannot be loaded: a heading and a sentence.
    failed_title: String,
    failed: String,
}

/// The app's page at `page` (the element's step, with `element`) for a store offering
/// `flows`, as HTML, and the texts around it.
fn render(
    tag: &str,
    catalogue: Option<Catalogue>,
    flows: &[Purpose],
    email: bool,
    page: &'static str,
    from_link: bool,
    element: bool,
) -> Rendered {
    let flows: Vec<String> = flows
        .iter()
        .map(|p| format!("\"{}\"", p.as_str()))
        .collect();
    let config = parse_config(&format!(
        r#"{{"client_id":"first-form","api_base":"https://first-form.invalid","authentication_realm_id":"first-form","password_profile_id":"first-form","flows":[{}],"username_format":"{}","store_name":"{STORE}","locales":["{tag}"]}}"#,
        flows.join(","),
        if email { "email" } else { "any" },
    ));
    let link = if from_link {
        LinkParams {
            username: Some(USERNAME.into()),
            token: Some(CODE.into()),
            ..LinkParams::default()
        }
    } else {
        LinkParams::default()
    };
    let owner = Owner::new();
    // Untracked: the views' reactive reads happen here once, with nothing to follow them.
    owner.with(|| {
        untrack(|| {
            provide_context(RequestUrl::new(page));
            let language = catalogue.map(|catalogue| (tag.to_owned(), catalogue));
            let launch = Launch {
                config,
                language,
                host: Host {
                    embedding: if element {
                        Embedding::Element
                    } else {
                        Embedding::Page
                    },
                    channel: Channel::Window,
                    root: None,
                    app_url: "/".into(),
                    first: page,
                    // The element's "Cancel" is in its forms; web/first-form.js takes it out for
                    // an element with `no-cancel`.
                    cancel: true,
                },
                link,
                return_to: None,
                base: String::new(),
            };
            let (view, _) = build(launch);
            let html = view.to_html();
            let i18n = crate::i18n::use_i18n();
            Rendered {
                title: heading(&html),
                html,
                store: i18n.text("store-fallback"),
                failed_title: i18n.text("error-network-title"),
                failed: i18n.text("app-load-failed"),
            }
        })
    })
}

/// The text of the page's `<h1>` (what `Page` makes the document's title).
fn heading(html: &str) -> String {
    let start = html
        .find("<h1")
        .and_then(|at| html[at..].find('>').map(|end| at + end + 1));
    let text = start.and_then(|start| {
        html[start..]
            .find("</h1>")
            .map(|end| &html[start..start + end])
    });
    text.unwrap_or_default().replace("<!>", "")
}

/// `text` for a double-quoted HTML attribute.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(data-entry, data-variant, template)` of each template in `file`.
    fn templates(file: &str) -> Vec<(String, String, String)> {
        file.lines()
            .map(|line| {
                let attribute = |name: &str| {
                    let start = line.find(&format!(" {name}=\"")).expect(name) + name.len() + 3;
                    line[start..start + line[start..].find('"').expect("quote")].to_owned()
                };
                (
                    attribute("data-entry"),
                    attribute("data-variant"),
                    line.to_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn every_entry_in_every_variant_a_store_can_have() {
        for (element, entries) in [(false, 3 * 2 + 2 * 2 * 2), (true, 5 * 2 + 3 * 2 * 2)] {
            let file = language_file("en", None, element);
            let found = templates(&file);
            // Both flows: every entry; one flow: the entries of that flow; two username formats.
            assert_eq!(found.len(), entries, "element: {element}");
            for (entry, variant, template) in &found {
                assert!(template.contains("<form novalidate>"), "{entry} {variant}");
                assert!(
                    template.contains(" data-busy=\""),
                    "{entry} {variant}: the busy label"
                );
                assert!(
                    !template.contains("otp-language"),
                    "{entry}: no language switcher"
                );
                assert_eq!(
                    entry.ends_with("-link"),
                    template.contains(USERNAME),
                    "{entry}"
                );
                assert_eq!(
                    template.contains(STORE),
                    !element,
                    "{entry}: the store's name"
                );
            }
        }
    }

    #[test]
    fn the_forms_are_the_apps_in_each_language() {
        let english = language_file("en", None, false);
        let (_, _, start) = &templates(&english)[0];
        assert!(start.contains(
            r#"data-entry="start" data-variant="reset_password+passwordless_authentication/any""#
        ));
        assert!(start.contains(r#"class="title">Sign in<"#));
        assert!(
            start.contains(r#"<input id="username""#) && start.contains(r#"<input id="password""#)
        );
        assert!(start.contains(r#"<a href="/forgot_password""#));

        let source = include_str!("../locales/de.ftl");
        let german = language_file("de", Some(Catalogue::parse(source).0), true);
        let (_, _, sign_in) = &templates(&german)[0];
        assert!(sign_in.contains(r#"<div lang="de" dir="ltr" class="embedded">"#));
        assert!(sign_in.contains(r#"<a href="/#/forgot_password""#));
        assert!(sign_in.contains("Passwort"));
    }
}

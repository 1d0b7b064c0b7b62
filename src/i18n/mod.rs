//! The shopper's language: every sentence comes from a message catalogue (`locales/<tag>.ftl`,
//! [`fluent`]). English is built in; another language's catalogue is fetched from the app's
//! folder only when it is chosen, so the bytes before the first form do not grow with the
//! number of languages. A message missing from a catalogue falls back to English.
//!
//! The language is the element's `locale` attribute, else `config.json` `locale`, else the
//! first of the browser's `navigator.languages` the shop offers (`config.json` `locales`),
//! else English; the shopper can switch among the offered ones ([`LanguageSwitcher`]).
//! A shop overrides any message per language in `config.json` `messages`.

pub mod fluent;

use std::sync::Arc;

use leptos::prelude::*;

pub use fluent::Catalogue;
use fluent::Piece;

use crate::platform;

/// The languages with a catalogue in `locales/`, as BCP 47 tags; English first (the fallback).
pub const SHIPPED: [&str; 12] = [
    "en", "de", "fr", "es", "it", "nl", "pt-BR", "pl", "sv", "ja", "ar", "he",
];

/// [`SHIPPED`] as a sentence lists them (for the shop's developers).
pub const SHIPPED_LIST: &str = "en, de, fr, es, it, nl, pt-BR, pl, sv, ja, ar, he";

/// A shipped language's name in that language, as language menus write it: "Deutsch",
/// "Português (Brasil)", "日本語" (a table rather than `Intl.DisplayNames`, whose data costs
/// about 25 ms to load for twelve languages on the way to the first form).
pub fn language_name(tag: &str) -> &'static str {
    match tag {
        "de" => "Deutsch",
        "fr" => "Français",
        "es" => "Español",
        "it" => "Italiano",
        "nl" => "Nederlands",
        "pt-BR" => "Português (Brasil)",
        "pl" => "Polski",
        "sv" => "Svenska",
        "ja" => "日本語",
        "ar" => "العربية",
        "he" => "עברית",
        _ => "English",
    }
}

/// The English catalogue, built into the app: `locales/en.ftl` without its comments and
/// blank lines (`build.rs`), which only translators read.
pub const ENGLISH_SOURCE: &str = include_str!(concat!(env!("OUT_DIR"), "/en.ftl"));

/// The English catalogue, read.
pub fn english() -> Catalogue {
    Catalogue::parse(ENGLISH_SOURCE).0
}

/// The best of `offered` for the languages a shopper asked for, in order of preference:
/// the same tag (any case), else the same language (`de-CH` → `de`, `pt` → `pt-BR`); `None`
/// when nothing matches.
pub fn negotiate<'a>(requested: &[String], offered: &'a [String]) -> Option<&'a str> {
    requested.iter().find_map(|wanted| {
        let wanted = wanted.trim();
        let language = wanted.split('-').next().unwrap_or_default();
        offered
            .iter()
            .find(|tag| tag.eq_ignore_ascii_case(wanted))
            .or_else(|| {
                offered.iter().find(|tag| {
                    tag.split('-')
                        .next()
                        .is_some_and(|l| l.eq_ignore_ascii_case(language))
                })
            })
            .map(String::as_str)
    })
}

/// The writing direction of a language: `rtl` for Arabic, Hebrew, Persian, Urdu and the
/// other right-to-left scripts' main languages, else `ltr`.
pub fn direction(tag: &str) -> &'static str {
    match tag.split('-').next().unwrap_or_default() {
        "ar" | "he" | "fa" | "ur" | "ps" | "yi" | "dv" | "ckb" | "sd" | "ug" => "rtl",
        _ => "ltr",
    }
}

/// The language the app opens in, worked out before it shows anything (no flash of English):
/// `requested` (an element's `locale`), else `config.json` `locale`, else the browser's
/// languages, matched against the offered ones; else English, or the first offered. Returns
/// the tag and, for a language other than English, its catalogue, fetched from `app_url`
/// (`None` for English, and when the catalogue cannot be fetched: English then).
pub async fn first_language(
    requested: Option<String>,
    config: Option<&crate::config::Config>,
    app_url: &str,
) -> Option<(String, Catalogue)> {
    let offered = match config {
        Some(config) => config.locales.clone(),
        None => SHIPPED.map(str::to_owned).to_vec(),
    };
    // In order; the shop's `locale` is always offered, so the browser's come last.
    let mut preferences: Vec<String> = requested.into_iter().collect();
    preferences.extend(config.and_then(|c| c.locale.clone()));
    preferences.extend(platform::navigator_languages());
    let tag = negotiate(&preferences, &offered)
        .or_else(|| offered.iter().find(|t| *t == "en").map(String::as_str))
        .or(offered.first().map(String::as_str))?
        .to_owned();
    if tag == "en" {
        return None;
    }
    let catalogue = fetch_catalogue(app_url, &tag).await?;
    Some((tag, catalogue))
}

/// Fetches and reads the catalogue of `tag`, `locales/<tag>.ftl` in the app's folder. What
/// cannot be read is left out (English shows for it); that, and a failed fetch (`None`: the
/// language stays as it was), are reported in the console.
async fn fetch_catalogue(app_url: &str, tag: &str) -> Option<Catalogue> {
    let url = format!("{app_url}locales/{tag}.ftl");
    let source = match platform::fetch_text(&url).await {
        Ok(source) => source,
        Err(why) => {
            platform::warn(&format!(
                "commerce-otp: {url} could not be loaded ({why}); the language stays as it was"
            ));
            return None;
        }
    };
    let (catalogue, problems) = Catalogue::parse(&source);
    for problem in problems {
        platform::warn(&format!(
            "commerce-otp: {url} line {}: {}",
            problem.line, problem.what
        ));
    }
    Some(catalogue)
}

/// A value to put into a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    /// As it is (a username, an account's name).
    Text(String),
    /// A wait, written out in the shopper's language: "45 seconds", "2 Minuten" (minutes,
    /// rounded up, past 90 seconds).
    Seconds(u32),
}

/// A message and what goes into it: kept in state as it is, so that its words follow the
/// shopper's language when it changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub key: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Message {
    pub fn new(key: &'static str) -> Self {
        Self {
            key,
            args: Vec::new(),
        }
    }

    /// With variable `name` set to `arg`.
    pub fn with(mut self, name: &'static str, arg: Arg) -> Self {
        self.args.push((name, arg));
        self
    }
}

/// The shop's own wording (`config.json` `messages`): per language tag, a catalogue of the
/// messages it replaces.
pub type Overrides = Vec<(String, Catalogue)>;

/// The language now spoken, and its messages (the shop's overrides laid over the catalogue).
#[derive(Clone, Debug)]
struct Speaking {
    tag: String,
    messages: Arc<Catalogue>,
}

/// What does not change while the app runs.
struct Settings {
    /// English with the shop's English overrides: the fallback of every message.
    english: Catalogue,
    /// The languages the shopper may switch to, as tags.
    offered: Vec<String>,
    overrides: Overrides,
    /// The app's folder, ending in `/`: catalogues are at `locales/<tag>.ftl` there.
    app_url: String,
    /// Whether `lang` and `dir` go on the document (the app's own page, a frame); in an
    /// element the shell puts them on its container.
    sets_document: bool,
}

impl Settings {
    /// `catalogue` with the shop's overrides for `tag` laid over it.
    fn with_own(&self, tag: &str, catalogue: Catalogue) -> Catalogue {
        match self.overrides.iter().find(|(t, _)| t == tag) {
            Some((_, own)) => catalogue.overlaid(own),
            None => catalogue,
        }
    }
}

/// What pages translate with; `Copy`, from context ([`use_i18n`]).
#[derive(Clone, Copy)]
pub struct I18n {
    speaking: RwSignal<Speaking>,
    settings: StoredValue<Settings>,
}

impl I18n {
    /// Speaking `first` (from [`first_language`]; English when `None`), with the shop's
    /// overrides; [`I18n::speak`] then switches. `sets_document`: `lang` and `dir` go on the
    /// document (the app's own page, a frame), else the shell puts them on its container.
    pub fn new(
        first: Option<(String, Catalogue)>,
        offered: Vec<String>,
        overrides: Overrides,
        app_url: String,
        sets_document: bool,
    ) -> Self {
        let mut settings = Settings {
            english: Catalogue::default(),
            offered,
            overrides,
            app_url,
            sets_document,
        };
        settings.english = settings.with_own("en", english());
        let (tag, catalogue) = first.unwrap_or_else(|| ("en".into(), settings.english.clone()));
        let speaking = Speaking {
            messages: Arc::new(settings.with_own(&tag, catalogue)),
            tag: tag.clone(),
        };
        let i18n = Self {
            speaking: RwSignal::new(speaking),
            settings: StoredValue::new(settings),
        };
        i18n.mark_document(&tag);
        i18n
    }

    /// The tag of the language spoken (tracked).
    pub fn tag(&self) -> String {
        self.speaking.with(|s| s.tag.clone())
    }

    /// The languages offered.
    pub fn offered(&self) -> Vec<String> {
        self.settings.with_value(|s| s.offered.clone())
    }

    /// Switches to `tag`, fetching its catalogue first (`locales/<tag>.ftl` beside the app;
    /// the browser's cache serves it again). Until it arrives the language stays; if it
    /// cannot be fetched the language stays, and a console warning says why.
    pub async fn speak(self, tag: String) {
        let catalogue = if tag == "en" {
            english()
        } else {
            let app_url = self.settings.with_value(|s| s.app_url.clone());
            match fetch_catalogue(&app_url, &tag).await {
                Some(catalogue) => catalogue,
                None => return,
            }
        };
        let Some(messages) = self
            .settings
            .try_with_value(|s| s.with_own(&tag, catalogue))
        else {
            return;
        };
        self.mark_document(&tag);
        self.speaking.try_set(Speaking {
            tag,
            messages: Arc::new(messages),
        });
    }

    fn mark_document(&self, tag: &str) {
        if self.settings.with_value(|s| s.sets_document) {
            platform::set_root_attribute("lang", Some(tag));
            platform::set_root_attribute("dir", Some(direction(tag)));
        }
    }

    /// Message `key` in the language spoken (tracked): its pieces, each with whether it is a
    /// variable's value (pages isolate those, `<bdi>`: a right-to-left address does not
    /// reorder the sentence around it). Falls back to English, then to the key itself.
    pub fn pieces(&self, message: &Message) -> Vec<(String, bool)> {
        self.speaking.with(|speaking| {
            self.settings.with_value(|settings| {
                let Some(pattern) = speaking
                    .messages
                    .get(message.key)
                    .or_else(|| settings.english.get(message.key))
                else {
                    return vec![(message.key.to_owned(), false)];
                };
                pattern
                    .iter()
                    .map(|piece| match piece {
                        Piece::Text(text) => (text.clone(), false),
                        Piece::Var(name) => {
                            let value = message
                                .args
                                .iter()
                                .find(|(n, _)| n == name)
                                .map(|(_, arg)| arg);
                            match value {
                                Some(Arg::Text(text)) => (text.clone(), true),
                                Some(Arg::Seconds(secs)) => {
                                    (platform::duration(&speaking.tag, *secs), true)
                                }
                                None => (format!("{{${name}}}"), true),
                            }
                        }
                    })
                    .collect()
            })
        })
    }

    /// Message `key`, which has no variables (tracked). A message with variables is shown
    /// with [`Sentence`], which isolates their values.
    pub fn text(&self, key: &'static str) -> String {
        self.pieces(&Message::new(key))
            .into_iter()
            .map(|(text, _)| text)
            .collect()
    }
}

/// The translations, provided by the app shell.
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// Message `key` (no variables) as a signal that follows the language: for a view's text
/// or a component's label.
pub fn tr(key: &'static str) -> Signal<String> {
    let i18n = use_i18n();
    Signal::derive(move || i18n.text(key))
}

/// A message, its variables' values isolated (`<bdi>`), e.g. "If <bdi>john@…</bdi> has an
/// account with us…": how every message with variables is shown.
#[component]
pub fn Sentence(#[prop(into)] message: Signal<Message>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        i18n.pieces(&message.get())
            .into_iter()
            .map(|(text, is_value)| {
                if is_value {
                    view! { <bdi>{text}</bdi> }.into_any()
                } else {
                    text.into_any()
                }
            })
            .collect_view()
    }
}

/// The language switcher: the offered languages, each in its own words ([`language_name`]);
/// nothing when only one is offered.
#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let i18n = use_i18n();
    let offered = i18n.offered();
    (offered.len() > 1).then(|| {
        let options = offered
            .into_iter()
            .map(|tag| {
                let name = language_name(&tag);
                view! {
                    <option value=tag.clone() lang=tag.clone() selected=move || i18n.tag() == tag>{name}</option>
                }
            })
            .collect_view();
        view! {
            <p class="language">
                <label for="otp-language">{tr("language")}</label>
                <select
                    id="otp-language"
                    on:change=move |ev| {
                        let tag = event_target_value(&ev);
                        leptos::task::spawn_local(i18n.speak(tag));
                    }
                >
                    {options}
                </select>
            </p>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn negotiation_by_tag_then_language() {
        let offered = tags(&SHIPPED);
        assert_eq!(negotiate(&tags(&["de-CH", "en"]), &offered), Some("de"));
        assert_eq!(negotiate(&tags(&["pt-PT"]), &offered), Some("pt-BR"));
        assert_eq!(negotiate(&tags(&["PT-br"]), &offered), Some("pt-BR"));
        assert_eq!(
            negotiate(&tags(&["zh", "fi", "sv-FI"]), &offered),
            Some("sv")
        );
        assert_eq!(negotiate(&tags(&["zh"]), &offered), None);
        assert_eq!(negotiate(&tags(&["de"]), &tags(&["en", "fr"])), None);
    }

    #[test]
    fn the_list_is_the_languages() {
        assert_eq!(SHIPPED_LIST, SHIPPED.join(", "));
    }

    #[test]
    fn directions() {
        assert_eq!(direction("ar"), "rtl");
        assert_eq!(direction("he-IL"), "rtl");
        assert_eq!(direction("pt-BR"), "ltr");
    }

    #[test]
    fn english_reads_whole() {
        let (catalogue, problems) = Catalogue::parse(ENGLISH_SOURCE);
        assert!(problems.is_empty(), "{problems:?}");
        assert!(catalogue.get("sign-in-title").is_some());
    }
}

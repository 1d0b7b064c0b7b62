//! Configuration: read once at start-up from `config.json` beside `index.html`, so one build
//! serves many stores, then provided to every page by context.

use crate::commerce::ids::is_valid_id;
use crate::commerce::{PasswordProfileId, Purpose, RealmId};
use crate::flows::validate::{self, FieldError};
use crate::i18n::{self, fluent, Catalogue, Overrides};

/// Where the app talks to when `config.json` names no `api_base`: the local emulator's
/// default address (see `scripts/demo`).
pub const DEFAULT_API_BASE: &str = "http://127.0.0.1:8787";

/// What the shop configures. Small, cloned rarely: pages read it through `use_config()`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    pub client_id: String,
    /// Without a trailing slash, e.g. `https://useast.api.elasticpath.com`.
    pub api_base: String,
    pub realm_id: RealmId,
    pub password_profile_id: PasswordProfileId,
    /// The flows offered, at least one, each once, in the order `config.json` gives.
    pub flows: Vec<Purpose>,
    /// Shown in headings and the page title; optional.
    pub store_name: Option<String>,
    /// The shop origins (`https://shop.example`, no path) whose pages may show the app in an
    /// `<iframe>`; the app talks to its parent only when the parent's origin is one of them.
    /// The host must send the same list as CSP `frame-ancestors` (README, iframe mode).
    pub embed_origins: Vec<String>,
    /// The origins a `return_to` address may lead to after a sign-in or a reset; any other is
    /// refused (no open redirect).
    pub allowed_return_origins: Vec<String>,
    /// After a reset: sign the shopper in with the new password (`true`), or show the sign-in
    /// form with the username filled in (`false`, the default).
    pub sign_in_after_reset: bool,
    /// Light or dark colours, or the shopper's choice (`prefers-color-scheme`).
    pub theme: Theme,
    /// The store's logo, shown beside its name on the app's own page: an `https://` address,
    /// or one relative to `index.html` (the page's CSP must allow its origin in `img-src`).
    pub logo_url: Option<String>,
    /// The language to speak whatever the browser prefers (a tag of `locales`); `None`: the
    /// shopper's browser languages decide (`i18n`).
    pub locale: Option<String>,
    /// The languages offered (BCP 47 tags of `i18n::SHIPPED`), in the switcher's order; all
    /// of them unless `config.json` lists some.
    pub locales: Vec<String>,
    /// The shop's own wording of any message, per language tag (`"messages": {"en":
    /// {"sign-in-title": "Sign in to Acme"}}`), in the catalogues' syntax (`i18n::fluent`).
    pub messages: Overrides,
    /// Whether the last username typed is kept on this device (localStorage) and filled in
    /// next time; the username only, never a code or a token. Off unless the shop turns it on.
    pub remember_username: bool,
    /// Whether usernames are e-mail addresses (the password profile's `username_format`
    /// is `email`, as `setup` writes it): what cannot be one is refused before sending.
    pub email_usernames: bool,
}

/// `config.json` `theme`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
    /// The shopper's system setting.
    #[default]
    Auto,
}

impl Theme {
    /// The `data-theme` value the stylesheet reads; `None` for the shopper's setting.
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            Self::Light => Some("light"),
            Self::Dark => Some("dark"),
            Self::Auto => None,
        }
    }
}

/// The file as written by a shop; every field is checked and reported together.
struct RawConfig {
    client_id: Option<String>,
    api_base: Option<String>,
    authentication_realm_id: Option<String>,
    password_profile_id: Option<String>,
    flows: Option<Vec<String>>,
    store_name: Option<String>,
    embed_origins: Option<Vec<String>>,
    allowed_return_origins: Option<Vec<String>>,
    sign_in_after_reset: Option<bool>,
    theme: Option<String>,
    logo_url: Option<String>,
    locale: Option<String>,
    locales: Option<Vec<String>>,
    messages: Option<serde_json::Value>,
    remember_username: Option<bool>,
    username_format: Option<String>,
}

/// Why the app cannot start: each line is one thing to fix in `config.json`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub problems: Vec<String>,
}

impl Config {
    /// Whether the shop offers the flow of `purpose`.
    pub fn offers(&self, purpose: Purpose) -> bool {
        self.flows.contains(&purpose)
    }

    /// Checks a typed username as the password profile wants it (`email_usernames`).
    pub fn check_username(&self, raw: &str) -> Result<String, FieldError> {
        validate::username_as(raw, self.email_usernames)
    }
}

/// Checks a list of origins (`scheme://host[:port]`, https or loopback http, no path, no
/// wildcard) and returns them without a trailing `/`; each bad entry adds a problem.
fn origins(name: &str, list: Option<Vec<String>>, problems: &mut Vec<String>) -> Vec<String> {
    let mut good = Vec::new();
    for entry in list.unwrap_or_default() {
        let origin = entry.trim().trim_end_matches('/').to_owned();
        let host = origin
            .strip_prefix("https://")
            .or_else(|| is_loopback(&origin).then(|| origin.split_once("//").map_or("", |x| x.1)));
        match host {
            Some(host) if !host.is_empty() && !host.contains(['/', '*', '?', '#', '@', ' ']) => {
                good.push(origin);
            }
            _ => problems.push(format!(
                "`{name}` has \"{entry}\"; write origins like \"https://shop.example.com\" (https, no path)."
            )),
        }
    }
    good
}

fn is_loopback(url: &str) -> bool {
    ["http://127.0.0.1", "http://localhost", "http://[::1]"]
        .iter()
        .any(|p| {
            url.strip_prefix(p).is_some_and(|rest| {
                rest.is_empty() || rest.starts_with(':') || rest.starts_with('/')
            })
        })
}

/// The keys of `config.json`, taken one by one from the JSON object (read with the decoder
/// the app has anyway, not one derived for this file): a value of the wrong type is a problem,
/// and so is each key left over (a typo), all reported together.
struct Keys {
    fields: Vec<(String, serde_json::Value)>,
    problems: Vec<String>,
}

impl Keys {
    fn take(&mut self, name: &str) -> Option<serde_json::Value> {
        let at = self.fields.iter().position(|(key, _)| key == name)?;
        Some(self.fields.swap_remove(at).1).filter(|value| !value.is_null())
    }

    fn wrong(&mut self, name: &str, what: &str) {
        self.problems.push(format!("`{name}` is {what}."));
    }

    fn text(&mut self, name: &str) -> Option<String> {
        match self.take(name)? {
            serde_json::Value::String(text) => Some(text),
            _ => {
                self.wrong(name, "a string");
                None
            }
        }
    }

    fn list(&mut self, name: &str) -> Option<Vec<String>> {
        let strings = match self.take(name)? {
            serde_json::Value::Array(items) => items
                .into_iter()
                .map(|item| match item {
                    serde_json::Value::String(text) => Some(text),
                    _ => None,
                })
                .collect(),
            _ => None,
        };
        if strings.is_none() {
            self.wrong(name, "a list of strings");
        }
        strings
    }

    fn flag(&mut self, name: &str) -> Option<bool> {
        match self.take(name)? {
            serde_json::Value::Bool(flag) => Some(flag),
            _ => {
                self.wrong(name, "true or false");
                None
            }
        }
    }
}

fn read_raw(text: &str) -> Result<(RawConfig, Vec<String>), ConfigError> {
    let not_valid = |detail: String| ConfigError {
        problems: vec![format!("config.json is not valid: {detail}.")],
    };
    let fields = match serde_json::from_str(text).map_err(|e| not_valid(e.to_string()))? {
        serde_json::Value::Object(fields) => fields,
        _ => {
            return Err(not_valid(
                "it is one JSON object, { \"client_id\": … }".into(),
            ))
        }
    };
    let mut keys = Keys {
        fields: fields.into_iter().collect(),
        problems: Vec::new(),
    };
    let raw = RawConfig {
        client_id: keys.text("client_id"),
        api_base: keys.text("api_base"),
        authentication_realm_id: keys.text("authentication_realm_id"),
        password_profile_id: keys.text("password_profile_id"),
        flows: keys.list("flows"),
        store_name: keys.text("store_name"),
        embed_origins: keys.list("embed_origins"),
        allowed_return_origins: keys.list("allowed_return_origins"),
        sign_in_after_reset: keys.flag("sign_in_after_reset"),
        theme: keys.text("theme"),
        logo_url: keys.text("logo_url"),
        locale: keys.text("locale"),
        locales: keys.list("locales"),
        messages: keys.take("messages"),
        remember_username: keys.flag("remember_username"),
        username_format: keys.text("username_format"),
    };
    let Keys {
        fields,
        mut problems,
    } = keys;
    for (key, _) in fields {
        problems.push(format!(
            "`{key}` is not a setting of the app (a typo? README, Configuration)."
        ));
    }
    Ok((raw, problems))
}

pub fn parse_config(text: &str) -> Result<Config, ConfigError> {
    let (raw, mut problems) = read_raw(text)?;
    let mut required = |name: &str, value: Option<String>, is_id: bool| {
        let value = value.map(|v| v.trim().to_owned()).unwrap_or_default();
        if value.is_empty() {
            problems.push(format!("`{name}` is missing."));
        } else if is_id && !is_valid_id(&value) {
            problems.push(format!("`{name}` is not a Commerce id."));
        }
        value
    };
    let client_id = required("client_id", raw.client_id, false);
    let realm_id = required("authentication_realm_id", raw.authentication_realm_id, true);
    let password_profile_id = required("password_profile_id", raw.password_profile_id, true);

    let api_base = raw
        .api_base
        .unwrap_or_else(|| DEFAULT_API_BASE.to_owned())
        .trim()
        .trim_end_matches('/')
        .to_owned();
    if !(api_base.starts_with("https://") || is_loopback(&api_base)) {
        problems.push(
            "`api_base` must be an https:// address (plain http only for 127.0.0.1 or localhost)."
                .into(),
        );
    }

    let names = raw.flows.unwrap_or_else(|| {
        Purpose::ALL
            .iter()
            .map(|purpose| purpose.as_str().to_owned())
            .collect()
    });
    let mut flows = Vec::new();
    for name in &names {
        match Purpose::ALL.into_iter().find(|p| p.as_str() == name) {
            Some(purpose) if !flows.contains(&purpose) => flows.push(purpose),
            Some(_) => {}
            None => problems.push(format!(
                "`flows` has \"{name}\"; use \"reset_password\" and/or \"passwordless_authentication\"."
            )),
        }
    }
    if names.is_empty() {
        problems.push(
            "`flows` is empty: offer at least one of reset_password, passwordless_authentication."
                .into(),
        );
    }

    let embed_origins = origins("embed_origins", raw.embed_origins, &mut problems);
    let allowed_return_origins = origins(
        "allowed_return_origins",
        raw.allowed_return_origins,
        &mut problems,
    );

    let theme = match raw.theme.as_deref().map(str::trim) {
        None | Some("auto") => Theme::Auto,
        Some("light") => Theme::Light,
        Some("dark") => Theme::Dark,
        Some(other) => {
            problems.push(format!(
                "`theme` is \"{other}\"; use \"light\", \"dark\" or \"auto\"."
            ));
            Theme::Auto
        }
    };
    let logo_url = raw
        .logo_url
        .map(|url| url.trim().to_owned())
        .filter(|url| !url.is_empty());
    if let Some(url) = &logo_url {
        // An absolute https address, a loopback one, or a path relative to the app's page.
        let relative = !url.contains(':') && !url.starts_with("//");
        if !(url.starts_with("https://") || is_loopback(url) || relative) {
            problems
                .push("`logo_url` must be an https:// address or a path beside index.html.".into());
        }
    }

    let email_usernames = match raw.username_format.as_deref().map(str::trim) {
        None | Some("any") => false,
        Some("email") => true,
        Some(other) => {
            problems.push(format!(
                "`username_format` is \"{other}\"; use \"email\" or \"any\" (the password profile's)."
            ));
            false
        }
    };
    let (locale, locales) = languages(raw.locale, raw.locales, &mut problems);
    let messages = overrides(raw.messages, &locales, &mut problems);

    if !problems.is_empty() {
        return Err(ConfigError { problems });
    }
    Ok(Config {
        client_id,
        api_base,
        realm_id: RealmId::new(realm_id),
        password_profile_id: PasswordProfileId::new(password_profile_id),
        flows,
        store_name: raw
            .store_name
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty()),
        embed_origins,
        allowed_return_origins,
        sign_in_after_reset: raw.sign_in_after_reset.unwrap_or(false),
        theme,
        logo_url,
        locale,
        locales,
        messages,
        remember_username: raw.remember_username.unwrap_or(false),
        email_usernames,
    })
}

/// `locale` and `locales`: tags the app has catalogues for, `locale` among those offered.
fn languages(
    locale: Option<String>,
    locales: Option<Vec<String>>,
    problems: &mut Vec<String>,
) -> (Option<String>, Vec<String>) {
    let shipped = |tag: &str| {
        i18n::SHIPPED
            .into_iter()
            .find(|known| known.eq_ignore_ascii_case(tag.trim()))
            .map(str::to_owned)
    };
    let mut offered = Vec::new();
    for tag in locales.unwrap_or_else(|| i18n::SHIPPED.map(str::to_owned).to_vec()) {
        match shipped(&tag) {
            Some(known) if !offered.contains(&known) => offered.push(known),
            Some(_) => {}
            None => problems.push(format!(
                "`locales` has \"{tag}\"; the app speaks {}.",
                i18n::SHIPPED_LIST
            )),
        }
    }
    if offered.is_empty() {
        problems.push("`locales` is empty: offer at least one language.".into());
    }
    let locale = locale.map(|tag| match shipped(&tag).filter(|t| offered.contains(t)) {
        Some(known) => known,
        None => {
            problems.push(format!("`locale` is \"{tag}\"; use one of `locales`."));
            tag
        }
    });
    (locale, offered)
}

/// `messages`: per offered language (or `en`), an object of messages of the English
/// catalogue, each a string in the catalogues' syntax with no variable the English message
/// lacks.
fn overrides(
    raw: Option<serde_json::Value>,
    offered: &[String],
    problems: &mut Vec<String>,
) -> Overrides {
    use serde_json::Value;
    let english = i18n::english();
    let mut all = Overrides::new();
    let languages = match raw {
        None => return all,
        Some(Value::Object(languages)) => languages,
        Some(_) => {
            problems.push(MESSAGES_SHAPE.into());
            return all;
        }
    };
    for (tag, messages) in languages {
        if tag != "en" && !offered.contains(&tag) {
            problems.push(format!(
                "`messages` has \"{tag}\", which is not in `locales`."
            ));
            continue;
        }
        let Value::Object(messages) = messages else {
            problems.push(MESSAGES_SHAPE.into());
            continue;
        };
        let mut catalogue = Catalogue::default();
        for (key, text) in messages {
            let checked = match (text, english.get(&key)) {
                (Value::String(text), Some(original)) => own_message(original, &text),
                (Value::String(_), None) => {
                    Err("no message of the app has this id (locales/en.ftl)")
                }
                _ => Err("the text is a string"),
            };
            match checked {
                Ok(pattern) => catalogue.insert(&key, pattern),
                Err(why) => problems.push(format!("`messages.{tag}.{key}`: {why}.")),
            }
        }
        all.push((tag, catalogue));
    }
    all
}

/// A shop's text for a message whose English pattern is `original`: the catalogues' syntax,
/// and only variables `original` has.
fn own_message(original: &fluent::Pattern, text: &str) -> Result<fluent::Pattern, &'static str> {
    let pattern = fluent::parse_pattern(text)?;
    let known: Vec<&str> = fluent::variables(original).collect();
    if fluent::variables(&pattern).all(|v| known.contains(&v)) {
        Ok(pattern)
    } else {
        Err("it uses a variable that the message does not have")
    }
}

const MESSAGES_SHAPE: &str =
    "`messages` is like {\"de\": {\"sign-in-title\": \"Bei Acme anmelden\"}}: per language, message ids and their text.";

/// Fetches and parses the configuration at `url`: `config.json` beside `index.html` for the
/// app's own page, the element's `config` address for `<commerce-otp>`.
pub async fn load(url: &str) -> Result<Config, ConfigError> {
    // Matches the `<link rel="preload">` in index.html; the README asks for `no-cache`.
    let text = crate::platform::fetch_text(url)
        .await
        .map_err(|detail| ConfigError {
            problems: vec![format!("config.json could not be loaded: {detail}.")],
        })?;
    parse_config(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"{"client_id":"abc","api_base":"https://useast.api.elasticpath.com/",
        "authentication_realm_id":"3418c54e-d768-42c1-a9db-d7afd2a18452",
        "password_profile_id":"9a44bb7e-e377-4382-b36e-c8030aad1c2d","flows":["reset_password"]}"#;

    #[test]
    fn a_complete_config() {
        let c = parse_config(GOOD).unwrap();
        assert_eq!(c.api_base, "https://useast.api.elasticpath.com");
        assert!(c.offers(Purpose::ResetPassword) && !c.offers(Purpose::PasswordlessAuthentication));
        assert_eq!(c.store_name, None);
    }

    #[test]
    fn defaults_to_the_emulator_and_both_flows() {
        let c = parse_config(
            r#"{"client_id":"x","authentication_realm_id":"r-1","password_profile_id":"p-1"}"#,
        )
        .unwrap();
        assert_eq!(c.api_base, DEFAULT_API_BASE);
        assert!(c.offers(Purpose::ResetPassword) && c.offers(Purpose::PasswordlessAuthentication));
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let e = parse_config(r#"{"api_base":"http://api.example.com","authentication_realm_id":"../x","flows":["sso"]}"#)
            .unwrap_err();
        assert_eq!(e.problems.len(), 5, "{:?}", e.problems);
    }

    #[test]
    fn typos_and_bad_json_are_explained() {
        let typo =
            parse_config(r#"{"clientid":"x","flows":"reset_password","theme":3}"#).unwrap_err();
        assert!(
            typo.problems.iter().any(|p| p.contains("`clientid`")),
            "{typo:?}"
        );
        assert!(
            typo.problems
                .iter()
                .any(|p| p.contains("`flows` is a list")),
            "{typo:?}"
        );
        assert!(
            typo.problems
                .iter()
                .any(|p| p.contains("`theme` is a string")),
            "{typo:?}"
        );
        assert!(parse_config("[1]").is_err());
        assert!(parse_config("<html>").is_err());
    }

    #[test]
    fn embedding_and_return_origins() {
        let c = parse_config(
            r#"{"client_id":"x","authentication_realm_id":"r-1","password_profile_id":"p-1",
            "embed_origins":["https://shop.example/"," http://127.0.0.1:8081"],
            "allowed_return_origins":["https://shop.example"],"sign_in_after_reset":true}"#,
        )
        .unwrap();
        assert_eq!(
            c.embed_origins,
            ["https://shop.example", "http://127.0.0.1:8081"]
        );
        assert_eq!(c.allowed_return_origins, ["https://shop.example"]);
        assert!(c.sign_in_after_reset);
        let bad = parse_config(
            r#"{"client_id":"x","authentication_realm_id":"r-1","password_profile_id":"p-1",
            "embed_origins":["*","http://shop.example","https://shop.example/checkout"],
            "allowed_return_origins":["https://"]}"#,
        )
        .unwrap_err();
        assert_eq!(bad.problems.len(), 4, "{:?}", bad.problems);
    }

    #[test]
    fn themes_and_logos() {
        let base = r#""client_id":"x","authentication_realm_id":"r-1","password_profile_id":"p-1""#;
        let with = |extra: &str| parse_config(&format!("{{{base},{extra}}}"));
        assert_eq!(with(r#""theme":"dark""#).unwrap().theme, Theme::Dark);
        assert_eq!(with(r#""theme":"auto""#).unwrap().theme.attribute(), None);
        assert!(with(r#""theme":"purple""#).is_err());
        assert_eq!(
            with(r#""logo_url":"logo.svg""#)
                .unwrap()
                .logo_url
                .as_deref(),
            Some("logo.svg")
        );
        assert!(with(r#""logo_url":"https://cdn.example/logo.png""#).is_ok());
        assert!(with(r#""logo_url":"javascript:alert(1)""#).is_err());
        assert!(with(r#""logo_url":"//evil.example/x.png""#).is_err());
        assert!(with(r#""logo_url":"http://cdn.example/logo.png""#).is_err());
    }

    #[test]
    fn languages_and_messages() {
        let base = r#""client_id":"x","authentication_realm_id":"r-1","password_profile_id":"p-1""#;
        let with = |extra: &str| parse_config(&format!("{{{base},{extra}}}"));
        assert!(
            with(r#""username_format":"email""#)
                .unwrap()
                .email_usernames
        );
        assert!(with(r#""username_format":"phone""#).is_err());
        let all = with(r#""remember_username":true"#).unwrap();
        assert_eq!(all.locales.len(), i18n::SHIPPED.len());
        assert!(all.remember_username && all.locale.is_none());
        let some = with(r#""locale":"pt-br","locales":["en","pt-BR","en"]"#).unwrap();
        assert_eq!(some.locales, ["en", "pt-BR"]);
        assert_eq!(some.locale.as_deref(), Some("pt-BR"));
        assert_eq!(
            with(r#""locales":["en","xx"],"locale":"de""#)
                .unwrap_err()
                .problems
                .len(),
            2
        );
        let own = with(r#""messages":{"de":{"sign-in-title":"Bei Acme anmelden"},"en":{"continue-as":"Go on as { $username }"}}"#)
            .unwrap();
        assert!(own
            .messages
            .iter()
            .any(|(tag, c)| tag == "de" && c.get("sign-in-title").is_some()));
        assert!(with(r#""messages":{"de":["x"]}"#).is_err());
        let bad = with(r#""locales":["en"],"messages":{"de":{"sign-in-title":"x"},"en":{"nope":"x","continue-as":"{ $user }","cancel":"{ $n -> }"}}"#)
            .unwrap_err();
        assert_eq!(bad.problems.len(), 4, "{:?}", bad.problems);
    }

    #[test]
    fn loopback_http_only() {
        assert!(is_loopback("http://127.0.0.1:8787"));
        assert!(is_loopback("http://localhost"));
        assert!(!is_loopback("http://localhost.evil.com"));
    }
}

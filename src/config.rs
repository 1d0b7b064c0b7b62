//! Configuration: read once at start-up from `config.json` beside `index.html`, so one build
//! serves many stores, then provided to every page by context.

use serde::Deserialize;

use crate::commerce::ids::is_valid_id;
use crate::commerce::{PasswordProfileId, Purpose, RealmId};

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
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
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

pub fn parse_config(text: &str) -> Result<Config, ConfigError> {
    let raw: RawConfig = serde_json::from_str(text).map_err(|e| ConfigError {
        problems: vec![format!("config.json is not valid: {e}.")],
    })?;
    let mut problems = Vec::new();
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
    })
}

/// Fetches and parses the configuration at `url`: `config.json` beside `index.html` for the
/// app's own page, the element's `config` address for `<commerce-otp>`.
pub async fn load(url: &str) -> Result<Config, ConfigError> {
    let unreachable = |detail: String| ConfigError {
        problems: vec![format!("config.json could not be loaded: {detail}.")],
    };
    // A plain GET, so it matches the `<link rel="preload">` in index.html; freshness is the
    // host's `Cache-Control` (the README asks for `no-cache`).
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|_| unreachable("the network request failed".into()))?;
    if !response.ok() {
        return Err(unreachable(format!(
            "the server answered {}",
            response.status()
        )));
    }
    let text = response
        .text()
        .await
        .map_err(|_| unreachable("the body could not be read".into()))?;
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
        assert!(parse_config(r#"{"clientid":"x"}"#).unwrap_err().problems[0].contains("clientid"));
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
    fn loopback_http_only() {
        assert!(is_loopback("http://127.0.0.1:8787"));
        assert!(is_loopback("http://localhost"));
        assert!(!is_loopback("http://localhost.evil.com"));
    }
}

//! Settings: environment variables `NOTIFIER_*`, and optionally a TOML file named by
//! `NOTIFIER_CONFIG` for the non-secret ones (the environment wins). Secrets (the webhook
//! secret, the SMTP password, the Redis URL, which may hold a password) come from the
//! environment only. notifier/README.md lists every setting.

use lettre::message::Mailbox;
use std::collections::HashMap;
use std::fmt;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;
use url::{Host, Url};

/// Settings a TOML file may hold, by key; the environment variable is `NOTIFIER_` + the
/// key in capitals (`listen` → `NOTIFIER_LISTEN`).
pub const FILE_KEYS: [&str; 17] = [
    "listen",
    "app_url",
    "store_name",
    "from",
    "smtp_url",
    "smtp_user",
    "smtp_timeout_secs",
    "locale",
    "templates",
    "redis_prefix",
    "seen_ttl_secs",
    "queue_capacity",
    "send_concurrency",
    "retry_initial_ms",
    "retry_max_ms",
    "log",
    "log_format",
];

/// Settings that only the environment may hold.
pub const SECRET_KEYS: [&str; 4] = ["secret", "secret_previous", "smtp_password", "redis_url"];

/// A value that must never be printed: `Debug` shows `[redacted]`.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The value itself, for the one place that needs it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

/// How the SMTP connection is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Security {
    /// `smtp://`: plain connect, then STARTTLS, required (default port 587).
    StartTls,
    /// `smtps://`: TLS from the first byte (default port 465).
    Tls,
    /// `smtp+plain://`: no TLS at all; loopback servers only (tests, demos, a local relay).
    Plain,
}

/// Where e-mails go (`NOTIFIER_SMTP_URL`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Smtp {
    /// `log:`: nothing is sent; each e-mail is logged as "would send" with the recipient's
    /// domain only.
    Log,
    /// An SMTP server.
    Server {
        /// Host name (checked against the certificate with TLS) or address.
        host: String,
        /// TCP port.
        port: u16,
        /// TLS mode.
        security: Security,
        /// `NOTIFIER_SMTP_USER`, with `NOTIFIER_SMTP_PASSWORD`: both or neither.
        credentials: Option<(String, Secret)>,
    },
}

/// Every setting, parsed and checked. Build it with [`Config::from_env`] (the binary) or
/// [`Config::from_lookup`] (tests, or another source of variables).
#[derive(Debug, Clone)]
pub struct Config {
    /// `NOTIFIER_LISTEN`, default `127.0.0.1:8788`; port 0 picks a free port.
    pub listen: SocketAddr,
    /// `NOTIFIER_SECRET` (required) then `NOTIFIER_SECRET_PREVIOUS` (optional, while the
    /// integration's `secret_key` is being changed): the values `X-MOLTIN-SECRET-KEY` may
    /// have (docs/commerce-api.md §7.1, §7.2).
    pub secrets: Vec<Secret>,
    /// `NOTIFIER_APP_URL`: the app's base URL, e.g. `https://shop.example/account/otp/`.
    pub app_url: Url,
    /// `NOTIFIER_STORE_NAME`: shown in every e-mail.
    pub store_name: String,
    /// `NOTIFIER_FROM`: the sender, e.g. `Shop <no-reply@shop.example>`.
    pub from: Mailbox,
    /// `NOTIFIER_SMTP_URL` with `NOTIFIER_SMTP_USER` and `NOTIFIER_SMTP_PASSWORD`.
    pub smtp: Smtp,
    /// `NOTIFIER_SMTP_TIMEOUT_SECS`, default 30: the limit on each SMTP command.
    pub smtp_timeout: Duration,
    /// `NOTIFIER_LOCALE`, default `en`: the templates' language; falls back to the
    /// language without region (`de-CH` → `de`), then to `en`.
    pub locale: String,
    /// `NOTIFIER_TEMPLATES`: a folder of templates overriding the built-in ones.
    pub templates: Option<PathBuf>,
    /// `NOTIFIER_REDIS_URL` (`redis://…` or `rediss://…`): when set, the seen event ids are
    /// kept in Redis and shared by every copy; else in memory.
    pub redis_url: Option<Secret>,
    /// `NOTIFIER_REDIS_PREFIX`, default `commerce-otp-notifier:`: the Redis keys' prefix.
    pub redis_prefix: String,
    /// `NOTIFIER_SEEN_TTL_SECS`, default 86400 (24 h), at least 600 (a code's lifetime):
    /// how long an event id is remembered.
    pub seen_ttl: Duration,
    /// `NOTIFIER_QUEUE_CAPACITY`, default 1000: e-mails waiting to be sent; when full,
    /// deliveries are answered 503 so that Commerce retries them.
    pub queue_capacity: usize,
    /// `NOTIFIER_SEND_CONCURRENCY`, default 4: e-mails sent at the same time.
    pub send_concurrency: usize,
    /// `NOTIFIER_RETRY_INITIAL_MS`, default 1000: the first wait after a failed send;
    /// doubled after each failure.
    pub retry_initial: Duration,
    /// `NOTIFIER_RETRY_MAX_MS`, default 60000: the longest wait between two tries.
    pub retry_max: Duration,
    /// `NOTIFIER_LOG`, default `info`: a `tracing` filter (`warn`, `info,commerce_otp_notifier=debug`).
    pub log_filter: String,
    /// `NOTIFIER_LOG_FORMAT`: `text` (default) or `json`, one object a line.
    pub log_json: bool,
}

/// A setting that is missing or wrong. The text names the setting and never repeats a
/// secret.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// A required setting is not set.
    #[error("{name} is not set: {hint}")]
    Missing {
        /// The environment variable.
        name: String,
        /// What to put there.
        hint: &'static str,
    },
    /// A setting's value cannot be used.
    #[error("{name}: {why}")]
    Invalid {
        /// The environment variable.
        name: String,
        /// What is wrong.
        why: String,
    },
    /// The `NOTIFIER_CONFIG` file cannot be read or holds something it must not.
    #[error("NOTIFIER_CONFIG {path}: {why}")]
    File {
        /// The file.
        path: String,
        /// What is wrong.
        why: String,
    },
}

fn env_name(key: &str) -> String {
    format!("NOTIFIER_{}", key.to_uppercase())
}

fn invalid(key: &str, why: impl Into<String>) -> ConfigError {
    ConfigError::Invalid {
        name: env_name(key),
        why: why.into(),
    }
}

impl Config {
    /// Reads the process environment (and the `NOTIFIER_CONFIG` file, if named).
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads the settings through `env` (a variable's value by name; an empty value counts
    /// as unset), plus the `NOTIFIER_CONFIG` file it names.
    ///
    /// Errors: a required setting missing (`NOTIFIER_SECRET`, `NOTIFIER_APP_URL`,
    /// `NOTIFIER_STORE_NAME`, `NOTIFIER_FROM`, `NOTIFIER_SMTP_URL`), a value that does not
    /// parse, or a file that is unreadable, not TOML, or holds an unknown or secret key.
    pub fn from_lookup(env: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let env = |name: &str| env(name).filter(|v| !v.is_empty());
        let file = match env("NOTIFIER_CONFIG") {
            Some(path) => read_file(&path)?,
            None => HashMap::new(),
        };
        let get = |key: &str| env(&env_name(key)).or_else(|| file.get(key).cloned());
        let required = |key: &str, hint: &'static str| {
            get(key).ok_or_else(|| ConfigError::Missing {
                name: env_name(key),
                hint,
            })
        };
        let number = |key: &str, default: u64, min: u64| -> Result<u64, ConfigError> {
            match get(key) {
                None => Ok(default),
                Some(text) => match text.trim().parse::<u64>() {
                    Ok(n) if n >= min => Ok(n),
                    _ => Err(invalid(
                        key,
                        format!("not a whole number of at least {min}"),
                    )),
                },
            }
        };

        let listen = match get("listen") {
            None => SocketAddr::from(([127, 0, 0, 1], 8788)),
            Some(text) => text
                .parse()
                .map_err(|_| invalid("listen", "not an address and port (127.0.0.1:8788)"))?,
        };

        let mut secrets =
            vec![env("NOTIFIER_SECRET")
                .map(Secret::new)
                .ok_or_else(|| ConfigError::Missing {
                    name: "NOTIFIER_SECRET".into(),
                    hint:
                        "the integration's secret_key, which Commerce sends as X-MOLTIN-SECRET-KEY",
                })?];
        if let Some(previous) = env("NOTIFIER_SECRET_PREVIOUS") {
            secrets.push(Secret::new(previous));
        }

        let app_url = parse_app_url(&required(
            "app_url",
            "the app's address, e.g. https://shop.example/account/otp/",
        )?)?;
        let store_name = required("store_name", "the store's name, shown in the e-mails")?;
        let from: Mailbox = required("from", "the sender, e.g. Shop <no-reply@shop.example>")?
            .parse()
            .map_err(|_| invalid("from", "not a mailbox (Name <address@example.com>)"))?;

        let credentials = match (get("smtp_user"), env("NOTIFIER_SMTP_PASSWORD")) {
            (Some(user), Some(password)) => Some((user, Secret::new(password))),
            (None, None) => None,
            (Some(_), None) => {
                return Err(ConfigError::Missing {
                    name: "NOTIFIER_SMTP_PASSWORD".into(),
                    hint: "NOTIFIER_SMTP_USER is set; set both or neither",
                })
            }
            (None, Some(_)) => {
                return Err(ConfigError::Missing {
                    name: "NOTIFIER_SMTP_USER".into(),
                    hint: "NOTIFIER_SMTP_PASSWORD is set; set both or neither",
                })
            }
        };
        let smtp = parse_smtp_url(
            &required(
                "smtp_url",
                "smtp://host (STARTTLS), smtps://host (TLS), smtp+plain://127.0.0.1:port, or log:",
            )?,
            credentials,
        )?;

        let locale = get("locale").unwrap_or_else(|| "en".into());
        if !valid_locale(&locale) {
            return Err(invalid(
                "locale",
                "not a language tag such as en, de or de-CH",
            ));
        }

        let redis_url = env("NOTIFIER_REDIS_URL").map(Secret::new);
        if let Some(url) = &redis_url {
            let scheme = url.expose().split(':').next().unwrap_or_default();
            if !matches!(scheme, "redis" | "rediss" | "redis+unix" | "unix") {
                return Err(invalid(
                    "redis_url",
                    "not a Redis URL (redis://host:6379 or rediss://host:6380)",
                ));
            }
        }

        let retry_initial = Duration::from_millis(number("retry_initial_ms", 1000, 1)?);
        let retry_max = Duration::from_millis(number("retry_max_ms", 60_000, 1)?);
        if retry_max < retry_initial {
            return Err(invalid(
                "retry_max_ms",
                "smaller than NOTIFIER_RETRY_INITIAL_MS",
            ));
        }
        let log_json = match get("log_format").as_deref() {
            None | Some("text") => false,
            Some("json") => true,
            Some(_) => return Err(invalid("log_format", "neither text nor json")),
        };

        Ok(Self {
            listen,
            secrets,
            app_url,
            store_name,
            from,
            smtp,
            smtp_timeout: Duration::from_secs(number("smtp_timeout_secs", 30, 1)?),
            locale,
            templates: get("templates").map(PathBuf::from),
            redis_url,
            redis_prefix: get("redis_prefix").unwrap_or_else(|| "commerce-otp-notifier:".into()),
            // Never shorter than a code lives, or a late duplicate would be sent again.
            seen_ttl: Duration::from_secs(number("seen_ttl_secs", 86_400, 600)?),
            queue_capacity: usize::try_from(number("queue_capacity", 1000, 1)?)
                .map_err(|_| invalid("queue_capacity", "too large"))?,
            send_concurrency: usize::try_from(number("send_concurrency", 4, 1)?)
                .map_err(|_| invalid("send_concurrency", "too large"))?,
            retry_initial,
            retry_max,
            log_filter: get("log").unwrap_or_else(|| "info".into()),
            log_json,
        })
    }

    /// Where e-mails go, for the start-up log line: `log`, or `smtp://host:port` with the
    /// TLS mode. No user, no password.
    pub fn smtp_summary(&self) -> String {
        match &self.smtp {
            Smtp::Log => "log".into(),
            Smtp::Server {
                host,
                port,
                security,
                credentials,
            } => format!(
                "{host}:{port} ({}{})",
                match security {
                    Security::StartTls => "STARTTLS",
                    Security::Tls => "TLS",
                    Security::Plain => "no TLS",
                },
                if credentials.is_some() {
                    ", authenticated"
                } else {
                    ""
                }
            ),
        }
    }
}

/// The file's settings by key, each as text (numbers too).
fn read_file(path: &str) -> Result<HashMap<String, String>, ConfigError> {
    let fail = |why: String| ConfigError::File {
        path: path.to_string(),
        why,
    };
    let text = std::fs::read_to_string(path).map_err(|e| fail(e.to_string()))?;
    // Only the message and the line: toml's own rendering quotes the file's text.
    let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
        let line = e
            .span()
            .map(|span| text[..span.start.min(text.len())].lines().count().max(1))
            .unwrap_or(1);
        fail(format!("line {line}: {}", e.message().trim()))
    })?;
    let mut settings = HashMap::new();
    for (key, value) in table {
        if SECRET_KEYS.contains(&key.as_str()) {
            return Err(fail(format!(
                "{key} is a secret: set {} in the environment instead",
                env_name(&key)
            )));
        }
        if !FILE_KEYS.contains(&key.as_str()) {
            return Err(fail(format!("unknown setting {key}")));
        }
        let text = match value {
            toml::Value::String(s) => s,
            toml::Value::Integer(n) => n.to_string(),
            _ => return Err(fail(format!("{key} must be a string or a whole number"))),
        };
        settings.insert(key, text);
    }
    Ok(settings)
}

fn parse_app_url(text: &str) -> Result<Url, ConfigError> {
    let url = Url::parse(text).map_err(|_| invalid("app_url", "not an absolute URL"))?;
    if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
        return Err(invalid("app_url", "not an http:// or https:// address"));
    }
    if url.query().is_some() || url.fragment().is_some() || !url.username().is_empty() {
        return Err(invalid(
            "app_url",
            "must not have a query, a fragment or a user: the link's query is the notifier's",
        ));
    }
    Ok(url)
}

fn parse_smtp_url(text: &str, credentials: Option<(String, Secret)>) -> Result<Smtp, ConfigError> {
    if text == "log:" {
        return Ok(Smtp::Log);
    }
    let url = Url::parse(text).map_err(|_| {
        invalid(
            "smtp_url",
            "not a URL (smtp://host, smtps://host, smtp+plain://127.0.0.1:port, log:)",
        )
    })?;
    let (security, default_port) = match url.scheme() {
        "smtp" => (Security::StartTls, 587),
        "smtps" => (Security::Tls, 465),
        "smtp+plain" => (Security::Plain, 25),
        _ => {
            return Err(invalid(
                "smtp_url",
                "the scheme must be smtp (STARTTLS), smtps (TLS), smtp+plain or log",
            ))
        }
    };
    if !url.username().is_empty() || url.password().is_some() {
        return Err(invalid(
            "smtp_url",
            "no user or password in the URL: use NOTIFIER_SMTP_USER and NOTIFIER_SMTP_PASSWORD",
        ));
    }
    if url.query().is_some() || url.fragment().is_some() || !matches!(url.path(), "" | "/") {
        return Err(invalid("smtp_url", "only scheme, host and port are read"));
    }
    let host = url.host().ok_or_else(|| invalid("smtp_url", "no host"))?;
    let loopback = match &host {
        // smtp: is not a "special" URL scheme, so its host stays text even when an address.
        Host::Domain(name) => {
            name.eq_ignore_ascii_case("localhost")
                || name
                    .trim_start_matches('[')
                    .trim_end_matches(']')
                    .parse::<IpAddr>()
                    .is_ok_and(|ip| ip.is_loopback())
        }
        Host::Ipv4(ip) => IpAddr::V4(*ip).is_loopback(),
        Host::Ipv6(ip) => IpAddr::V6(*ip).is_loopback(),
    };
    if security == Security::Plain && !loopback {
        return Err(invalid(
            "smtp_url",
            "smtp+plain (no TLS) is for a server on this machine (127.0.0.1, ::1, localhost) only",
        ));
    }
    let host = match host {
        Host::Ipv6(ip) => ip.to_string(),
        other => other.to_string(),
    };
    Ok(Smtp::Server {
        host,
        port: url.port().unwrap_or(default_port),
        security,
        credentials,
    })
}

/// `en`, `de`, `de-CH`, `zh-Hant-TW`: letters, then subtags of letters and digits.
fn valid_locale(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let first_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()));
    first_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(extra: &[(&str, &str)]) -> HashMap<String, String> {
        let mut map: HashMap<String, String> = [
            ("NOTIFIER_SECRET", "s3cret"),
            ("NOTIFIER_APP_URL", "https://shop.example/account/otp/"),
            ("NOTIFIER_STORE_NAME", "Shop"),
            ("NOTIFIER_FROM", "Shop <no-reply@shop.example>"),
            ("NOTIFIER_SMTP_URL", "smtp://mail.example"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        for (k, v) in extra {
            map.insert(k.to_string(), v.to_string());
        }
        map
    }

    fn load(extra: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map = vars(extra);
        Config::from_lookup(|name| map.get(name).cloned())
    }

    #[test]
    fn defaults() {
        let config = load(&[]).expect("valid");
        assert_eq!(config.listen.to_string(), "127.0.0.1:8788");
        assert_eq!(config.locale, "en");
        assert_eq!(
            config.smtp,
            Smtp::Server {
                host: "mail.example".into(),
                port: 587,
                security: Security::StartTls,
                credentials: None
            }
        );
        assert_eq!(config.seen_ttl, Duration::from_secs(86_400));
        assert!(!format!("{config:?}").contains("s3cret"));
    }

    #[test]
    fn smtp_urls() {
        let smtps = load(&[
            ("NOTIFIER_SMTP_URL", "smtps://mail.example"),
            ("NOTIFIER_SMTP_USER", "u"),
            ("NOTIFIER_SMTP_PASSWORD", "pw"),
        ])
        .expect("valid");
        assert!(matches!(
            smtps.smtp,
            Smtp::Server {
                port: 465,
                security: Security::Tls,
                credentials: Some(_),
                ..
            }
        ));
        assert!(!format!("{smtps:?}").contains("pw"));
        assert!(load(&[("NOTIFIER_SMTP_URL", "smtp+plain://127.0.0.1:2525")]).is_ok());
        assert!(load(&[("NOTIFIER_SMTP_URL", "smtp+plain://mail.example:25")]).is_err());
        assert!(load(&[("NOTIFIER_SMTP_URL", "smtp://u:pw@mail.example")]).is_err());
        assert!(load(&[("NOTIFIER_SMTP_USER", "u")]).is_err());
        assert_eq!(
            load(&[("NOTIFIER_SMTP_URL", "log:")]).expect("valid").smtp,
            Smtp::Log
        );
    }

    #[test]
    fn required_settings_and_bad_values_are_named() {
        let map = vars(&[]);
        let without = |gone: &str| {
            Config::from_lookup(|name| (name != gone).then(|| map.get(name).cloned()).flatten())
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default()
        };
        assert!(without("NOTIFIER_SECRET").starts_with("NOTIFIER_SECRET is not set"));
        assert!(without("NOTIFIER_APP_URL").starts_with("NOTIFIER_APP_URL is not set"));
        let bad = load(&[("NOTIFIER_APP_URL", "https://a.example/?x=1")]).err();
        assert!(bad.is_some_and(|e| e.to_string().starts_with("NOTIFIER_APP_URL:")));
        assert!(load(&[("NOTIFIER_LOCALE", "../x")]).is_err());
        assert!(load(&[("NOTIFIER_LOCALE", "de-CH")]).is_ok());
    }

    #[test]
    fn the_file_holds_no_secret() {
        let dir = std::env::temp_dir().join(format!("notifier-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let good = dir.join("good.toml");
        std::fs::write(
            &good,
            "listen = \"127.0.0.1:0\"\nqueue_capacity = 5\nlocale = \"de\"\n",
        )
        .expect("write");
        let path = good.display().to_string();
        let config = load(&[("NOTIFIER_CONFIG", &path), ("NOTIFIER_LOCALE", "en")]).expect("valid");
        assert_eq!(config.queue_capacity, 5);
        assert_eq!(config.locale, "en", "the environment wins");
        let bad = dir.join("bad.toml");
        std::fs::write(&bad, "secret = \"hunter2\"\n").expect("write");
        let err = load(&[("NOTIFIER_CONFIG", &bad.display().to_string())])
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("secret is a secret"), "{err}");
        assert!(!err.contains("hunter2"));
        let _ = std::fs::remove_dir_all(&dir);
    }
}

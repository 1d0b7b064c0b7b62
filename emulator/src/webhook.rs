//! Delivery of `one-time-password-token-request.created` events to webhook
//! integrations, as Commerce does it (docs/commerce-api.md §7.1; the delivery rules of
//! `contract/specs/integrations.yaml`): a `POST` of the event JSON to the integration's
//! `configuration.url`, with `Content-Type: application/json` and the integration's
//! `configuration.secret_key` in the `X-MOLTIN-SECRET-KEY` header.
//!
//! Which integrations get an event: the seed's own (when it has a `url`, from the seed or
//! `--webhook-url`), and every integration created through `/v2/integrations` that is
//! `enabled`, of type `webhook`, observes the event, and whose `configuration.url` is an
//! http(s) URL that is not the emulator's own outbox. The outbox entry is added whatever
//! happens here.
//!
//! What the spec says, and the emulator does: an answer other than 2xx, or none within
//! 10 seconds, is a failed delivery; each event carries `attempt` (1 for the first try);
//! delivery is at least once (a receiver must accept duplicates).
//!
//! Unconfirmed (no public source states it), and the emulator's choices:
//! * Commerce's retry schedule: the spec says only that it aims to deliver within 30
//!   minutes. The emulator makes at most [`MAX_ATTEMPTS`] attempts, waiting
//!   [`RETRY_DELAYS`] (1 s, 2 s, 4 s) between them, so a demo or a test sees the
//!   retries in seconds;
//! * the same event `id` on every attempt and for every integration;
//! * no `X-MOLTIN-SECRET-KEY` header when the integration has no secret (the event's
//!   `configuration.secret_key` is then `""`, as in the OTP guide's example);
//! * redirects are not followed (a 3xx is a failure, like any answer but 2xx);
//! * an integration created without a `description` is named with `""`;
//! * the envelope's deprecated `resources` and `org_id` are not sent (the OTP guide's
//!   example has neither).
//!
//! Each delivery runs in its own task: the code request's answer never waits for it. A
//! `/__emulator/reset` stops the retries of deliveries started before it.

use crate::clock;
use crate::seed::Integration;
use crate::state::{DeliveryAttempt, Emulator, Shared, World};
use reqwest::header::{HeaderValue, CONTENT_TYPE};
use reqwest::{redirect, Url};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// The event this module delivers.
pub const OTP_EVENT: &str = "one-time-password-token-request.created";

/// A webhook that takes longer than this to answer has failed (the spec's 10 seconds).
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// The first attempt and up to three retries.
pub const MAX_ATTEMPTS: u32 = 4;

/// The wait before the 2nd, 3rd and 4th attempts.
pub const RETRY_DELAYS: [Duration; 3] = [
    Duration::from_secs(1),
    Duration::from_secs(2),
    Duration::from_secs(4),
];

/// The header that carries the integration's secret.
pub const SECRET_HEADER: &str = "x-moltin-secret-key";

/// Where one event goes: the integration it names, its URL and secret.
#[derive(Debug, Clone)]
pub struct Target {
    pub integration: Integration,
    pub url: String,
    /// `""` when the integration has none.
    pub secret_key: String,
}

/// Why `url` cannot receive events: not an http(s) URL, or the emulator's own outbox.
pub fn unusable(url: &str, api_url: &str) -> Option<String> {
    let parsed = match Url::parse(url) {
        Ok(parsed) => parsed,
        Err(e) => return Some(format!("{url} is not a URL ({e})")),
    };
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
        return Some(format!("{url} is not an http(s) URL"));
    }
    // The outbox on the emulator's own port, however its host is spelt.
    let api_port = Url::parse(api_url)
        .ok()
        .and_then(|a| a.port_or_known_default());
    if parsed.path().starts_with("/__emulator/outbox") && parsed.port_or_known_default() == api_port
    {
        return Some(format!("{url} is the emulator's own outbox"));
    }
    None
}

/// The integrations that get this store's one-time password events now.
pub fn targets(emu: &Emulator, world: &World) -> Vec<Target> {
    let api_url = &emu.config.api_url;
    let seeded = &emu.store.integration;
    let mut targets: Vec<Target> = seeded
        .url
        .iter()
        .filter(|url| unusable(url, api_url).is_none())
        .map(|url| Target {
            integration: seeded.clone(),
            url: url.clone(),
            secret_key: seeded.secret_key.clone().unwrap_or_default(),
        })
        .collect();
    for record in &world.integrations {
        let Some(Value::String(url)) = record.configuration.get("url") else {
            continue;
        };
        if !record.enabled
            || record.integration_type != "webhook"
            || !record.observes.iter().any(|o| o == OTP_EVENT)
            || unusable(url, api_url).is_some()
        {
            continue;
        }
        let secret_key = match record.configuration.get("secret_key") {
            Some(Value::String(secret)) => secret.clone(),
            _ => String::new(),
        };
        targets.push(Target {
            integration: Integration {
                id: record.id.clone(),
                name: record.name.clone(),
                description: record.description.clone().unwrap_or_default(),
                url: None,
                secret_key: None,
            },
            url: url.clone(),
            secret_key,
        });
    }
    targets
}

/// The event as `target` receives it on `attempt`: `event` (built for that integration)
/// with the integration's URL and secret in `configuration`, and `attempt`.
pub fn body(event: &Value, target: &Target, attempt: u32) -> Value {
    let mut body = event.clone();
    body["configuration"] = json!({ "url": target.url, "secret_key": target.secret_key });
    body["attempt"] = json!(attempt);
    body
}

/// Deliver `event` (as built for `target.integration`) in the background: up to
/// [`MAX_ATTEMPTS`] attempts, each recorded in `World::deliveries`.
pub fn spawn(emu: Shared, target: Target, event: Value) {
    let generation = emu.generation();
    tokio::spawn(async move {
        let client = match client(&target.url) {
            Ok(client) => client,
            Err(e) => {
                eprintln!("webhook: no HTTP client: {e}");
                return;
            }
        };
        for attempt in 1..=MAX_ATTEMPTS {
            if attempt > 1 {
                let index = usize::try_from(attempt - 2).unwrap_or(usize::MAX);
                let delay = RETRY_DELAYS.get(index).copied().unwrap_or(TIMEOUT);
                tokio::time::sleep(delay).await;
            }
            if emu.generation() != generation {
                return;
            }
            let succeeded = post(&emu, generation, &client, &target, &event, attempt).await;
            if succeeded {
                return;
            }
        }
    });
}

fn client(url: &str) -> reqwest::Result<reqwest::Client> {
    let mut builder = reqwest::Client::builder()
        .user_agent(concat!("commerce-emulator/", env!("CARGO_PKG_VERSION")))
        .timeout(TIMEOUT)
        .redirect(redirect::Policy::none());
    // A receiver on this machine is reached directly, whatever proxy the environment names.
    let local = Url::parse(url).ok().is_some_and(|u| {
        matches!(
            u.host_str(),
            Some("127.0.0.1" | "localhost" | "[::1]" | "::1")
        )
    });
    if local {
        builder = builder.no_proxy();
    }
    builder.build()
}

/// One attempt; records it (unless the emulator was reset meanwhile) and says whether
/// it succeeded. The log line has the URL without its query, never the body or secret.
async fn post(
    emu: &Emulator,
    generation: u64,
    client: &reqwest::Client,
    target: &Target,
    event: &Value,
    attempt: u32,
) -> bool {
    let at = clock::iso_z(emu.now_ms());
    let started = Instant::now();
    let mut request = client
        .post(&target.url)
        .header(CONTENT_TYPE, HeaderValue::from_static("application/json"))
        .body(body(event, target, attempt).to_string());
    if !target.secret_key.is_empty() {
        request = request.header(SECRET_HEADER, &target.secret_key);
    }
    let (status, error) = match request.send().await {
        Ok(response) => {
            let status = response.status().as_u16();
            // Read (and drop) the answer, so that a slow body counts against the timeout.
            match response.bytes().await {
                Ok(_) => (Some(status), None),
                Err(e) => (Some(status), Some(describe(&e))),
            }
        }
        Err(e) => (None, Some(describe(&e))),
    };
    let succeeded = error.is_none() && status.is_some_and(|s| (200..300).contains(&s));
    let duration_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    let shown = shown_url(&target.url);
    let outcome = match (status, &error) {
        (_, Some(error)) => error.clone(),
        (Some(status), None) => status.to_string(),
        (None, None) => "no answer".into(),
    };
    eprintln!("webhook: POST {shown} (attempt {attempt}) -> {outcome} ({duration_ms} ms)");
    let mut world = emu.world();
    if emu.generation() == generation {
        world.deliveries.push(DeliveryAttempt {
            event_id: event["id"].as_str().unwrap_or_default().to_owned(),
            integration_id: target.integration.id.clone(),
            url: target.url.clone(),
            attempt,
            status,
            error,
            succeeded,
            at,
            duration_ms,
        });
    }
    succeeded
}

/// `url` without its query and fragment, for the log.
fn shown_url(url: &str) -> String {
    match Url::parse(url) {
        Ok(mut parsed) => {
            parsed.set_query(None);
            parsed.set_fragment(None);
            parsed.to_string()
        }
        Err(_) => url.to_owned(),
    }
}

/// A failed attempt in words: timeout, connection, or the error and its causes.
fn describe(error: &reqwest::Error) -> String {
    if error.is_timeout() {
        return format!("timed out after {} s", TIMEOUT.as_secs());
    }
    let mut text = if error.is_connect() {
        "could not connect".to_owned()
    } else {
        error.to_string()
    };
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usable_urls() {
        let api = "http://127.0.0.1:4010";
        assert_eq!(unusable("https://hooks.example.com/otp", api), None);
        assert_eq!(unusable("http://127.0.0.1:9000/hook", api), None);
        assert_eq!(unusable("http://127.0.0.1:4010/elsewhere", api), None);
        assert_eq!(
            unusable("http://127.0.0.1:4011/__emulator/outbox", api),
            None
        );
        for bad in [
            "http://127.0.0.1:4010/__emulator/outbox",
            "http://127.0.0.1:4010/__emulator/outbox.html",
            "http://localhost:4010/__emulator/outbox",
            "ftp://example.com/hook",
            "example.com/hook",
            "http://",
        ] {
            assert!(unusable(bad, api).is_some(), "{bad}");
        }
    }

    #[test]
    fn the_body_carries_the_url_secret_and_attempt() {
        let target = Target {
            integration: Integration {
                id: "i".into(),
                name: "n".into(),
                description: "d".into(),
                url: None,
                secret_key: None,
            },
            url: "http://127.0.0.1:9/hook".into(),
            secret_key: "s3".into(),
        };
        let event = json!({"id": "e", "configuration": {"url": "x", "secret_key": ""}});
        let sent = body(&event, &target, 2);
        assert_eq!(
            sent,
            json!({"id": "e", "attempt": 2,
                   "configuration": {"url": "http://127.0.0.1:9/hook", "secret_key": "s3"}})
        );
    }

    #[test]
    fn logged_urls_have_no_query() {
        assert_eq!(
            shown_url("https://hooks.example.com/otp?token=abc#x"),
            "https://hooks.example.com/otp"
        );
    }

    #[test]
    fn the_schedule_is_bounded() {
        assert_eq!(
            RETRY_DELAYS.len(),
            usize::try_from(MAX_ATTEMPTS - 1).unwrap()
        );
        assert_eq!(TIMEOUT, Duration::from_secs(10));
    }
}

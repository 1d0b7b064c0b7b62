//! The e-mails a webhook integration would have sent: each one-time password
//! token request becomes a `one-time-password-token-request.created` event
//! (docs/commerce-api.md §7.1) and an e-mail with a one-click link into the app.

use crate::clock;
use crate::seed::Integration;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde::Serialize;
use serde_json::{json, Value};

/// Everything but RFC 3986 unreserved characters is encoded (so `@` becomes `%40`).
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    ResetPassword,
    PasswordlessAuthentication,
}

impl Purpose {
    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "reset_password" => Some(Self::ResetPassword),
            "passwordless_authentication" => Some(Self::PasswordlessAuthentication),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::ResetPassword => "reset_password",
            Self::PasswordlessAuthentication => "passwordless_authentication",
        }
    }

    fn subject(self) -> &'static str {
        match self {
            Self::ResetPassword => "Reset your password",
            Self::PasswordlessAuthentication => "Your sign-in code",
        }
    }
}

/// One "sent" e-mail, as `GET /__emulator/outbox` lists it.
#[derive(Debug, Clone, Serialize)]
pub struct OutboxEntry {
    pub to: String,
    pub subject: String,
    pub sent_at: String,
    pub link: String,
    pub event: Value,
}

/// What a code request produced, with the ids the event carries.
pub struct CodeRequest<'a> {
    pub store_id: &'a str,
    pub realm_id: &'a str,
    pub password_profile_id: &'a str,
    pub purpose: Purpose,
    pub code: &'a str,
    pub user_id: &'a str,
    pub user_name: &'a str,
    pub email: &'a str,
    pub info_id: &'a str,
    pub username: &'a str,
    pub now_ms: i64,
}

impl CodeRequest<'_> {
    /// The webhook event, field for field as docs/commerce-api.md §7.1 shows it.
    /// `delivered_to` is the integration's `configuration.url`: the emulator's own
    /// outbox, or a webhook's URL (`crate::webhook` then adds its secret and `attempt`).
    pub fn event(&self, event_id: &str, integration: &Integration, delivered_to: &str) -> Value {
        let at = clock::iso_offset(self.now_ms);
        json!({
            "id": event_id,
            "store_id": self.store_id,
            "triggered_by": "one-time-password-token-request.created",
            "integration": {
                "id": integration.id,
                "integration_type": "webhook",
                "name": integration.name,
                "description": integration.description,
            },
            "payload": {
                "authentication_realm_id": self.realm_id,
                "password_profile_id": self.password_profile_id,
                "purpose": self.purpose.as_str(),
                "one_time_password_token": self.code,
                "created_at": at,
                "updated_at": at,
                "user_authentication_info": {
                    "id": self.user_id,
                    "name": self.user_name,
                    "email": self.email,
                },
                "user_authentication_password_profile_info": {
                    "id": self.info_id,
                    "password_profile_id": self.password_profile_id,
                    "username": self.username,
                },
            },
            "configuration": { "url": delivered_to, "secret_key": "" },
        })
    }

    /// The one-click link the e-mail template would build from the event.
    pub fn link(&self, app_url: &str) -> String {
        let app = app_url.trim_end_matches('/');
        let params: &[(&str, &str)] = match self.purpose {
            Purpose::ResetPassword => &[
                ("username", self.username),
                ("token", self.code),
                ("password_profile_id", self.password_profile_id),
                ("user_authentication_password_profile_info_id", self.info_id),
                ("authentication_realm_id", self.realm_id),
            ],
            Purpose::PasswordlessAuthentication => &[
                ("username", self.username),
                ("token", self.code),
                ("password_profile_id", self.password_profile_id),
                ("authentication_realm_id", self.realm_id),
            ],
        };
        let page = match self.purpose {
            Purpose::ResetPassword => "change_password",
            Purpose::PasswordlessAuthentication => "passwordless",
        };
        let query: Vec<String> = params
            .iter()
            .map(|(k, v)| format!("{k}={}", utf8_percent_encode(v, QUERY_VALUE)))
            .collect();
        format!("{app}/{page}?{}", query.join("&"))
    }

    pub fn entry(&self, event: Value, app_url: &str) -> OutboxEntry {
        OutboxEntry {
            to: self.email.to_string(),
            subject: self.purpose.subject().to_string(),
            sent_at: clock::iso_z(self.now_ms),
            link: self.link(app_url),
            event,
        }
    }
}

/// A small page listing the e-mails, newest first.
pub fn render_html(entries: &[OutboxEntry]) -> String {
    let mut rows = entry_rows(entries, 2);
    if rows.is_empty() {
        rows.push_str(NO_ENTRIES);
    }
    page(
        &format!(
            "<h1>Outbox ({count})</h1>\n<p>E-mails the Commerce emulator would have sent, newest first.</p>\n{rows}",
            count = entries.len(),
        ),
        "",
    )
}

/// The page with `--mail-dir`: the e-mails the SMTP server received (in `dir`;
/// `None` when it cannot be read), then the emulator's own outbox, each newest first.
pub fn render_html_with_mail(
    entries: &[OutboxEntry],
    dir: &std::path::Path,
    mails: Option<&[crate::mailbox::Mail]>,
) -> String {
    let mut rows = entry_rows(entries, 3);
    if rows.is_empty() {
        rows.push_str(NO_ENTRIES);
    }
    page(
        &format!(
            "<h1>E-mails</h1>\n<p>Two lists, newest first: the real e-mails the SMTP server received \
             (sent by the notifier), then the emulator's own outbox.</p>\n{smtp}\
             <section class=\"outbox\">\n<h2>Emulator outbox ({count})</h2>\n\
             <p>E-mails the Commerce emulator would have sent, newest first.</p>\n{rows}</section>\n",
            smtp = crate::mailbox::render_section(dir, mails, 3),
            count = entries.len(),
        ),
        "section{margin:2rem 0}\narticle.smtp{border-left:4px solid #2a7}\n\
         pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f6f6f6;padding:.5rem;border-radius:4px}\n",
    )
}

const NO_ENTRIES: &str = "<p>No e-mails yet. Request a code in the app and reload this page.</p>\n";

/// Each entry, newest first, its subject a heading of `level`.
fn entry_rows(entries: &[OutboxEntry], level: u8) -> String {
    let mut rows = String::new();
    for entry in entries.iter().rev() {
        let payload = &entry.event["payload"];
        let text = |v: &Value| escape(v.as_str().unwrap_or(""));
        rows.push_str(&format!(
            "<article>\n<h{level}>{subject}</h{level}>\n<dl>\n<dt>To</dt><dd>{to}</dd>\n<dt>Sent</dt><dd>{sent}</dd>\n\
             <dt>Purpose</dt><dd>{purpose}</dd>\n<dt>Code</dt><dd><code>{code}</code></dd>\n</dl>\n\
             <p><a href=\"{link}\">{link}</a></p>\n</article>\n",
            subject = escape(&entry.subject),
            to = escape(&entry.to),
            sent = escape(&entry.sent_at),
            purpose = text(&payload["purpose"]),
            code = text(&payload["one_time_password_token"]),
            link = escape(&entry.link),
        ));
    }
    rows
}

/// The page around `body`, in the outbox's style plus `extra_style`.
fn page(body: &str, extra_style: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>Emulator outbox</title>\n<style>\n\
         body{{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;line-height:1.4}}\n\
         article{{border:1px solid #ccc;border-radius:6px;padding:0 1rem;margin:1rem 0}}\n\
         dl{{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}}dd{{margin:0}}\n\
         a{{word-break:break-all}}\n{extra_style}</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )
}

/// Text for HTML: element content or a double- or single-quoted attribute value.
pub(crate) fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(purpose: Purpose) -> CodeRequest<'static> {
        CodeRequest {
            store_id: "s",
            realm_id: "r",
            password_profile_id: "pp",
            purpose,
            code: "lprvj4",
            user_id: "u",
            user_name: "John <Doe>",
            email: "john.doe@banks.com",
            info_id: "i",
            username: "john.doe+x@banks.com",
            now_ms: 0,
        }
    }

    #[test]
    fn links_are_encoded() {
        assert_eq!(
            request(Purpose::ResetPassword).link("http://localhost:8080/"),
            "http://localhost:8080/change_password?username=john.doe%2Bx%40banks.com&token=lprvj4\
             &password_profile_id=pp&user_authentication_password_profile_info_id=i&authentication_realm_id=r"
        );
        assert_eq!(
            request(Purpose::PasswordlessAuthentication).link("http://a"),
            "http://a/passwordless?username=john.doe%2Bx%40banks.com&token=lprvj4&password_profile_id=pp&authentication_realm_id=r"
        );
    }

    #[test]
    fn html_escapes() {
        let req = request(Purpose::ResetPassword);
        let integration = Integration {
            id: "x".into(),
            name: "n".into(),
            description: "d".into(),
            url: None,
            secret_key: None,
        };
        let mut entry = req.entry(
            req.event("e", &integration, "http://api/__emulator/outbox"),
            "http://a",
        );
        entry.subject = "<script>".into();
        let html = render_html(&[entry]);
        assert!(html.contains("&lt;script&gt;"));
        assert!(!html.contains("<script>"));
        assert!(html.contains("<a href=\"http://a/change_password?"));
    }
}

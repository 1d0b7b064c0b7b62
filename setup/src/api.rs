//! The Commerce calls the set-up makes, typed: one method per call, JSON:API bodies
//! (`{"data": …}`), errors as [`ApiError`] values that never carry a secret.

use crate::secret::Secret;
use reqwest::blocking::{Client as Http, RequestBuilder};
use reqwest::{Method, StatusCode};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{json, Value};
use std::fmt;
use std::time::{Duration, Instant};

/// The event the app's e-mails are sent from (`docs/commerce-api.md` §7).
pub const OTP_EVENT: &str = "one-time-password-token-request.created";

/// 429 is retried, as the JS SDK does (`docs/commerce-api.md` §0.5): up to 4 attempts, waiting
/// 1 s, 2 s, 3 s.
const MAX_ATTEMPTS: u32 = 4;
const PAGE_LIMIT: usize = 100;
/// A guard against a server whose paging never ends.
const MAX_PAGES: usize = 100;

/// A call that failed. Its text names the call (method and URL) and what came back;
/// any secret the client knows is scrubbed out of it.
#[derive(Debug)]
pub struct ApiError {
    pub call: String,
    pub kind: ErrorKind,
}

#[derive(Debug)]
pub enum ErrorKind {
    /// No answer: name resolution, connection, TLS or timeout.
    Transport(String),
    /// An answer outside 2xx, with the error body's title and detail.
    Status { status: u16, detail: String },
    /// A 2xx answer whose body is not what the call returns.
    Body(String),
}

impl ApiError {
    pub fn status(&self) -> Option<u16> {
        match self.kind {
            ErrorKind::Status { status, .. } => Some(status),
            _ => None,
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::Transport(cause) => write!(f, "{}: no answer ({cause})", self.call),
            ErrorKind::Status { status, detail } => {
                let reason = StatusCode::from_u16(*status)
                    .ok()
                    .and_then(|s| s.canonical_reason())
                    .unwrap_or("");
                if detail.is_empty() {
                    write!(f, "{} answered {status} {reason}", self.call)
                } else {
                    write!(f, "{} answered {status}: {detail}", self.call)
                }
            }
            ErrorKind::Body(cause) => write!(f, "{}: unexpected answer ({cause})", self.call),
        }
    }
}

impl std::error::Error for ApiError {}

#[derive(Debug, Deserialize)]
struct Envelope<T> {
    data: T,
}

/// `/v2/settings/account-authentication`, the parts the set-up reads.
#[derive(Debug, Deserialize)]
pub struct Settings {
    #[serde(default)]
    pub account_member_self_management: Option<String>,
    pub relationships: SettingsRelationships,
}

#[derive(Debug, Deserialize)]
pub struct SettingsRelationships {
    pub authentication_realm: Relationship,
}

#[derive(Debug, Deserialize)]
pub struct Relationship {
    pub data: RelatedId,
}

#[derive(Debug, Deserialize)]
pub struct RelatedId {
    pub id: String,
}

impl Settings {
    pub fn realm_id(&self) -> &str {
        &self.relationships.authentication_realm.data.id
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct PasswordProfile {
    pub id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub username_format: Option<String>,
    /// Off when absent: the documented default.
    #[serde(default)]
    pub enable_one_time_password_token: bool,
}

/// A user-authentication-info (the account member with the same id).
#[derive(Debug, Clone, Deserialize)]
pub struct UserInfo {
    pub id: String,
    #[serde(default)]
    pub email: Option<String>,
}

/// A user-authentication-password-profile-info: a user's login in one profile.
#[derive(Debug, Clone, Deserialize)]
pub struct Login {
    pub id: String,
    #[serde(default)]
    pub username: String,
    #[serde(default)]
    pub password_profile_id: String,
}

/// An integration. `configuration.secret_key` is read into a [`Secret`], only to be
/// compared with the one set-up would set; it is never shown.
#[derive(Debug, Clone, Deserialize)]
pub struct Integration {
    pub id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub enabled: bool,
    #[serde(default)]
    pub integration_type: String,
    #[serde(default)]
    pub observes: Vec<String>,
    #[serde(default)]
    pub configuration: IntegrationConfiguration,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct IntegrationConfiguration {
    #[serde(default)]
    pub url: Option<String>,
    /// `None` when Commerce does not show it (absent or `null`).
    #[serde(default)]
    pub secret_key: Option<Secret>,
}

/// What the set-up writes into an integration.
#[derive(Debug)]
pub struct IntegrationWrite<'a> {
    pub name: &'a str,
    pub description: &'a str,
    pub observes: &'a [String],
    pub url: &'a str,
    pub secret_key: Option<&'a Secret>,
}

/// What `/oauth/access_token` said about the token (the token itself stays in the client).
#[derive(Debug)]
pub struct Grant {
    pub expires_in: Option<u64>,
}

type Trace = Box<dyn Fn(&str)>;

pub struct Client {
    http: Http,
    base: String,
    token: Option<Secret>,
    /// Values scrubbed from any text an error carries.
    secrets: Vec<Secret>,
    trace: Trace,
}

impl Client {
    /// `base` without a trailing slash; `trace` receives one line per request
    /// (method, URL, status, time: never a header or a body).
    pub fn new(base: &str, trace: Trace) -> anyhow::Result<Self> {
        let http = Http::builder()
            .user_agent(concat!("commerce-otp-setup/", env!("CARGO_PKG_VERSION")))
            .connect_timeout(Duration::from_secs(10))
            .timeout(Duration::from_secs(30))
            .build()?;
        Ok(Self {
            http,
            base: base.trim_end_matches('/').to_owned(),
            token: None,
            secrets: Vec::new(),
            trace,
        })
    }

    /// Also scrub this value from error texts.
    pub fn keep_secret(&mut self, secret: &Secret) {
        self.secrets.push(secret.clone());
    }

    fn scrub(&self, text: &str) -> String {
        self.secrets
            .iter()
            .chain(&self.token)
            .fold(text.to_owned(), |text, secret| secret.scrub(&text))
    }

    fn error(&self, call: &str, kind: ErrorKind) -> ApiError {
        let kind = match kind {
            ErrorKind::Transport(cause) => ErrorKind::Transport(self.scrub(&cause)),
            ErrorKind::Status { status, detail } => ErrorKind::Status {
                status,
                detail: self.scrub(&detail),
            },
            ErrorKind::Body(cause) => ErrorKind::Body(self.scrub(&cause)),
        };
        ApiError {
            call: self.scrub(call),
            kind,
        }
    }

    /// Send (again on 429), trace, and return the JSON body (`Null` when empty).
    fn send(&self, call: &str, build: impl Fn() -> RequestBuilder) -> Result<Value, ApiError> {
        let mut attempt = 1;
        loop {
            let started = Instant::now();
            let response = build()
                .send()
                .map_err(|e| self.error(call, ErrorKind::Transport(error_chain(&e))))?;
            let status = response.status();
            (self.trace)(&format!(
                "{call} -> {} ({} ms)",
                status.as_u16(),
                started.elapsed().as_millis()
            ));
            let text = response
                .text()
                .map_err(|e| self.error(call, ErrorKind::Transport(error_chain(&e))))?;
            if status == StatusCode::TOO_MANY_REQUESTS && attempt < MAX_ATTEMPTS {
                std::thread::sleep(Duration::from_secs(u64::from(attempt)));
                attempt += 1;
                continue;
            }
            if !status.is_success() {
                let detail = error_detail(&text);
                return Err(self.error(
                    call,
                    ErrorKind::Status {
                        status: status.as_u16(),
                        detail,
                    },
                ));
            }
            if text.trim().is_empty() {
                return Ok(Value::Null);
            }
            return serde_json::from_str(&text)
                .map_err(|e| self.error(call, ErrorKind::Body(format!("not JSON: {e}"))));
        }
    }

    /// A `/v2` call with the bearer token and, when given, a JSON body.
    fn call(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, String)],
        body: Option<&Value>,
    ) -> Result<Value, ApiError> {
        let url = format!("{}{path}", self.base);
        let call = format!("{method} {url}");
        self.send(&call, || {
            let mut request = self.http.request(method.clone(), &url).query(query);
            if let Some(token) = &self.token {
                request = request.bearer_auth(token.expose());
            }
            if let Some(body) = body {
                request = request.json(body);
            }
            request
        })
    }

    fn data<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: Option<&Value>,
    ) -> Result<T, ApiError> {
        let call = format!("{method} {}{path}", self.base);
        let value = self.call(method, path, &[], body)?;
        serde_json::from_value::<Envelope<T>>(value)
            .map(|envelope| envelope.data)
            .map_err(|e| self.error(&call, ErrorKind::Body(e.to_string())))
    }

    /// Every item of a paged list (`page[limit]`, `page[offset]`).
    fn list<T: DeserializeOwned>(&self, path: &str) -> Result<Vec<T>, ApiError> {
        let call = format!("GET {}{path}", self.base);
        let mut items = Vec::new();
        for page in 0..MAX_PAGES {
            let offset = page * PAGE_LIMIT;
            let query = [
                ("page[limit]", PAGE_LIMIT.to_string()),
                ("page[offset]", offset.to_string()),
            ];
            let value = self.call(Method::GET, path, &query, None)?;
            let total = value["meta"]["results"]["total"].as_u64();
            let batch: Vec<T> = serde_json::from_value::<Envelope<Vec<T>>>(value)
                .map(|envelope| envelope.data)
                .map_err(|e| self.error(&call, ErrorKind::Body(e.to_string())))?;
            let count = batch.len();
            items.extend(batch);
            let seen = u64::try_from(items.len()).unwrap_or(u64::MAX);
            if count < PAGE_LIMIT || total.is_some_and(|total| seen >= total) {
                break;
            }
        }
        Ok(items)
    }

    /// `grant_type=client_credentials`; the token is kept for the calls that follow.
    pub fn authenticate(&mut self, client_id: &str, secret: &Secret) -> Result<Grant, ApiError> {
        self.keep_secret(secret);
        let url = format!("{}/oauth/access_token", self.base);
        let call = format!("POST {url}");
        let body = self.send(&call, || {
            self.http.post(&url).form(&[
                ("grant_type", "client_credentials"),
                ("client_id", client_id),
                ("client_secret", secret.expose()),
            ])
        })?;
        // Top-level fields (the docs and SDK); a `data` wrapper is accepted too
        // (`docs/commerce-api.md` §11 #7).
        let fields = if body.get("access_token").is_some() {
            &body
        } else {
            &body["data"]
        };
        let token = fields["access_token"]
            .as_str()
            .filter(|t| !t.is_empty())
            .ok_or_else(|| self.error(&call, ErrorKind::Body("no access_token".into())))?;
        self.token = Some(Secret::new(token));
        Ok(Grant {
            expires_in: fields["expires_in"].as_u64(),
        })
    }

    pub fn settings(&self) -> Result<Settings, ApiError> {
        self.data(Method::GET, "/v2/settings/account-authentication", None)
    }

    pub fn set_self_management(&self, mode: &str) -> Result<Settings, ApiError> {
        let body = json!({"data": {
            "type": "account_authentication_settings",
            "account_member_self_management": mode,
        }});
        self.data(
            Method::PUT,
            "/v2/settings/account-authentication",
            Some(&body),
        )
    }

    pub fn password_profiles(&self, realm: &str) -> Result<Vec<PasswordProfile>, ApiError> {
        self.list(&format!(
            "/v2/authentication-realms/{realm}/password-profiles"
        ))
    }

    pub fn password_profile(&self, realm: &str, id: &str) -> Result<PasswordProfile, ApiError> {
        self.data(
            Method::GET,
            &format!("/v2/authentication-realms/{realm}/password-profiles/{id}"),
            None,
        )
    }

    /// A profile whose usernames are e-mail addresses, with one-time password tokens on.
    pub fn create_password_profile(
        &self,
        realm: &str,
        name: &str,
    ) -> Result<PasswordProfile, ApiError> {
        let body = json!({"data": {
            "type": "password_profile",
            "name": name,
            "username_format": "email",
            "enable_one_time_password_token": true,
        }});
        self.data(
            Method::POST,
            &format!("/v2/authentication-realms/{realm}/password-profiles"),
            Some(&body),
        )
    }

    /// Turn one-time password tokens on. The body carries what either source requires
    /// (spec: `id`, `name`; docs: `name`, `username_format`), unchanged.
    pub fn enable_one_time_passwords(
        &self,
        realm: &str,
        profile: &PasswordProfile,
    ) -> Result<PasswordProfile, ApiError> {
        let mut data = json!({
            "type": "password_profile",
            "id": profile.id,
            "name": profile.name,
            "enable_one_time_password_token": true,
        });
        if let Some(format) = &profile.username_format {
            data["username_format"] = json!(format);
        }
        self.data(
            Method::PUT,
            &format!(
                "/v2/authentication-realms/{realm}/password-profiles/{}",
                profile.id
            ),
            Some(&json!({ "data": data })),
        )
    }

    pub fn users(&self, realm: &str) -> Result<Vec<UserInfo>, ApiError> {
        self.list(&format!(
            "/v2/authentication-realms/{realm}/user-authentication-info"
        ))
    }

    pub fn create_user(&self, realm: &str, name: &str, email: &str) -> Result<UserInfo, ApiError> {
        let body =
            json!({"data": {"type": "user_authentication_info", "name": name, "email": email}});
        self.data(
            Method::POST,
            &format!("/v2/authentication-realms/{realm}/user-authentication-info"),
            Some(&body),
        )
    }

    pub fn logins(&self, realm: &str, user_id: &str) -> Result<Vec<Login>, ApiError> {
        self.list(&format!(
            "/v2/authentication-realms/{realm}/user-authentication-info/{user_id}/user-authentication-password-profile-info"
        ))
    }

    pub fn create_login(
        &self,
        realm: &str,
        user_id: &str,
        username: &str,
        password: &Secret,
        profile_id: &str,
    ) -> Result<Login, ApiError> {
        let body = json!({"data": {
            "type": "user_authentication_password_profile_info",
            "username": username,
            "password": password.expose(),
            "password_profile_id": profile_id,
        }});
        self.data(
            Method::POST,
            &format!(
                "/v2/authentication-realms/{realm}/user-authentication-info/{user_id}/user-authentication-password-profile-info"
            ),
            Some(&body),
        )
    }

    pub fn integrations(&self) -> Result<Vec<Integration>, ApiError> {
        self.list("/v2/integrations")
    }

    fn integration_body(write: &IntegrationWrite<'_>) -> Value {
        let mut configuration = json!({ "url": write.url });
        if let Some(secret) = write.secret_key {
            configuration["secret_key"] = json!(secret.expose());
        }
        json!({"data": {
            "type": "integration",
            "name": write.name,
            "description": write.description,
            "enabled": true,
            "integration_type": "webhook",
            "observes": write.observes,
            "configuration": configuration,
        }})
    }

    pub fn create_integration(
        &self,
        write: &IntegrationWrite<'_>,
    ) -> Result<Integration, ApiError> {
        let body = Self::integration_body(write);
        self.data(Method::POST, "/v2/integrations", Some(&body))
    }

    /// Enable it as a webhook with these `observes`; `configuration` is sent only when
    /// `with_configuration` (the URL differs, or a secret is given), so that a secret
    /// set earlier is not touched otherwise. Name and description are left as they are.
    pub fn update_integration(
        &self,
        id: &str,
        write: &IntegrationWrite<'_>,
        with_configuration: bool,
    ) -> Result<Integration, ApiError> {
        let mut body = Self::integration_body(write);
        let data = &mut body["data"];
        data["id"] = json!(id);
        if let Some(fields) = data.as_object_mut() {
            fields.remove("name");
            fields.remove("description");
            if !with_configuration {
                fields.remove("configuration");
            }
        }
        self.data(Method::PUT, &format!("/v2/integrations/{id}"), Some(&body))
    }
}

/// `title: detail` of the first JSON:API error, or the start of a body that is not one.
fn error_detail(text: &str) -> String {
    let Ok(body) = serde_json::from_str::<Value>(text) else {
        return text.chars().take(200).collect::<String>().trim().to_owned();
    };
    let first = &body["errors"][0];
    let title = first["title"].as_str().unwrap_or("");
    match first["detail"].as_str() {
        Some(detail) if !title.is_empty() => format!("{title}: {detail}"),
        Some(detail) => detail.to_owned(),
        None => title.to_owned(),
    }
}

/// An error and its causes on one line ("error sending request …: connection refused").
fn error_chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
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
    fn error_details_read_json_api_bodies() {
        assert_eq!(
            error_detail(r#"{"errors":[{"status":"401","title":"Unauthorized","detail":"bad"}]}"#),
            "Unauthorized: bad"
        );
        assert_eq!(
            error_detail(r#"{"errors":[{"status":403,"title":"Forbidden"}]}"#),
            "Forbidden"
        );
        assert_eq!(error_detail("<html>oops</html>"), "<html>oops</html>");
    }

    #[test]
    fn errors_read_plainly() {
        let error = ApiError {
            call: "GET https://x/v2/integrations".into(),
            kind: ErrorKind::Status {
                status: 404,
                detail: "Not Found: gone".into(),
            },
        };
        assert_eq!(
            error.to_string(),
            "GET https://x/v2/integrations answered 404: Not Found: gone"
        );
        assert_eq!(error.status(), Some(404));
    }
}

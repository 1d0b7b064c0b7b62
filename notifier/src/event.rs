//! The webhook event `one-time-password-token-request.created`, read and checked field by
//! field (docs/commerce-api.md §7.1; the OTP guide,
//! <https://elasticpath.dev/guides/How-To/Authentication/how-to-utilize-one-time-password-tokens>).
//!
//! Nothing here echoes a field's content: a rejection names the field and what is wrong with
//! it, never its value, so that neither the code nor an address reaches a log line or an
//! answer.

use lettre::Address;
use serde_json::Value;
use std::fmt;
use std::time::{Duration, SystemTime};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// The event key Commerce sends in `triggered_by` (docs/commerce-api.md §7.1; the
/// integrations spec's table of observable events, `contract/specs/integrations.yaml`).
pub const EVENT_KEY: &str = "one-time-password-token-request.created";

/// How long a code lives after its `created_at`: 10 minutes (the OTP guide, see
/// docs/commerce-api.md §4). An e-mail is never sent after this.
pub const CODE_LIFETIME: Duration = Duration::from_secs(600);

/// The longest event id, code, id or username accepted, in characters. Commerce's ids are
/// UUIDs (36) and its codes six characters; the limits only keep junk out of logs and keys.
const MAX_ID: usize = 128;
const MAX_TEXT: usize = 320;

/// What the code is for (`payload.purpose`, docs/commerce-api.md §4): it picks the e-mail
/// templates and the app's page the one-click link opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Purpose {
    /// `reset_password`: the link opens the app's `change_password` page.
    ResetPassword,
    /// `passwordless_authentication`: the link opens the app's `passwordless` page.
    PasswordlessAuthentication,
}

impl Purpose {
    /// Both purposes, in a fixed order.
    pub const ALL: [Purpose; 2] = [Purpose::ResetPassword, Purpose::PasswordlessAuthentication];

    /// Reads Commerce's spelling; `None` for anything else.
    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "reset_password" => Some(Self::ResetPassword),
            "passwordless_authentication" => Some(Self::PasswordlessAuthentication),
            _ => None,
        }
    }

    /// Commerce's spelling, which is also the templates' file name stem.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ResetPassword => "reset_password",
            Self::PasswordlessAuthentication => "passwordless_authentication",
        }
    }

    /// The app's page for this purpose, relative to the app's URL (the emulator's
    /// `emulator/src/outbox.rs` builds the same links).
    pub fn page(self) -> &'static str {
        match self {
            Self::ResetPassword => "change_password",
            Self::PasswordlessAuthentication => "passwordless",
        }
    }
}

impl fmt::Display for Purpose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A one-time password token (the code): a working credential for 10 minutes. `Debug`
/// never shows it; [`Code::expose`] is the one way to read it.
#[derive(Clone, PartialEq, Eq)]
pub struct Code(String);

impl Code {
    /// The code itself, for the e-mail and the link only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Code([redacted])")
    }
}

/// An event that passed every check: what the e-mail needs, nothing else. `Debug` shows
/// only the event id and purpose.
#[derive(Clone)]
pub struct OtpEvent {
    /// `id`: unique per event, the key of the seen-ids store (at-least-once delivery).
    pub id: String,
    /// `attempt`, the delivery attempt, when Commerce sends it (integrations spec).
    pub attempt: Option<u64>,
    /// `payload.purpose`.
    pub purpose: Purpose,
    /// `payload.one_time_password_token`.
    pub code: Code,
    /// `payload.created_at` (RFC 3339, e.g. `2023-09-05T14:53:01.584+00:00`).
    pub created_at: OffsetDateTime,
    /// `payload.authentication_realm_id`.
    pub realm_id: String,
    /// `payload.password_profile_id`.
    pub password_profile_id: String,
    /// `payload.user_authentication_info.email`: the recipient.
    pub email: Address,
    /// `payload.user_authentication_info.name`; empty when absent.
    pub name: String,
    /// `payload.user_authentication_password_profile_info.username`: the username the
    /// app signs in with (not always the e-mail address).
    pub username: String,
    /// `payload.user_authentication_password_profile_info.id`; required for a reset, whose
    /// link carries it (docs/commerce-api.md §6.5).
    pub info_id: Option<String>,
}

impl fmt::Debug for OtpEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OtpEvent")
            .field("id", &self.id)
            .field("purpose", &self.purpose)
            .finish_non_exhaustive()
    }
}

impl OtpEvent {
    /// When the code stops working: `created_at` + [`CODE_LIFETIME`]. A `created_at` in the
    /// future (clock skew) is trusted only up to `received + CODE_LIFETIME`, so no mail can
    /// wait longer than a code lives.
    pub fn expires_at(&self, received: SystemTime) -> SystemTime {
        let created: SystemTime = self.created_at.into();
        let by_payload = created.checked_add(CODE_LIFETIME).unwrap_or(received);
        let by_receipt = received.checked_add(CODE_LIFETIME).unwrap_or(received);
        by_payload.min(by_receipt)
    }
}

/// Why a body is not the event this service handles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejection {
    /// The body is not JSON (answered 400).
    NotJson,
    /// JSON, but another event (`triggered_by` names another key; answered 422).
    OtherEvent,
    /// The event lacks a field or a field is malformed (answered 422). The text names the
    /// field and the fault, never the value.
    Invalid(String),
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotJson => f.write_str("the body is not JSON"),
            Self::OtherEvent => write!(f, "not a {EVENT_KEY} event"),
            Self::Invalid(why) => f.write_str(why),
        }
    }
}

/// Reads a webhook body (docs/commerce-api.md §7.1). Extra fields (`store_id`, `org_id`,
/// `integration`, `configuration`, the deprecated `resources`) are ignored.
///
/// Errors: [`Rejection::NotJson`], [`Rejection::OtherEvent`], or [`Rejection::Invalid`]
/// naming the first field that is missing or malformed.
pub fn parse(body: &[u8]) -> Result<OtpEvent, Rejection> {
    let value: Value = serde_json::from_slice(body).map_err(|_| Rejection::NotJson)?;
    if !value.is_object() {
        return Err(invalid("the body is not a JSON object"));
    }
    match value.get("triggered_by") {
        None | Some(Value::Null) => return Err(invalid("triggered_by is missing")),
        Some(Value::String(key)) if key == EVENT_KEY => {}
        Some(Value::String(_)) => return Err(Rejection::OtherEvent),
        Some(_) => return Err(invalid("triggered_by is not a string")),
    }
    let id = token(&value, "id", MAX_ID)?;
    let attempt = match value.get("attempt") {
        None | Some(Value::Null) => None,
        Some(v) => Some(
            v.as_u64()
                .ok_or_else(|| invalid("attempt is not a whole number"))?,
        ),
    };
    let payload = value
        .get("payload")
        .filter(|p| p.is_object())
        .ok_or_else(|| invalid("payload is missing or not an object"))?;
    let purpose_text = string(payload, "payload.purpose")?;
    let purpose = Purpose::parse(purpose_text).ok_or_else(|| {
        invalid("payload.purpose is neither reset_password nor passwordless_authentication")
    })?;
    let code = Code(token(payload, "payload.one_time_password_token", 64)?);
    let created_text = string(payload, "payload.created_at")?;
    let created_at = OffsetDateTime::parse(created_text, &Rfc3339)
        .map_err(|_| invalid("payload.created_at is not an RFC 3339 date-time"))?;
    let realm_id = token(payload, "payload.authentication_realm_id", MAX_ID)?;
    let password_profile_id = token(payload, "payload.password_profile_id", MAX_ID)?;
    let email_text = text(payload, "payload.user_authentication_info.email", MAX_TEXT)?;
    let email: Address = email_text
        .parse()
        .map_err(|_| invalid("payload.user_authentication_info.email is not an e-mail address"))?;
    let name =
        match lookup(payload, "payload.user_authentication_info.name") {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) if s.chars().count() <= MAX_TEXT => {
                // A name is shown, never parsed: control characters become spaces.
                s.chars()
                    .map(|c| if c.is_control() { ' ' } else { c })
                    .collect::<String>()
                    .trim()
                    .to_string()
            }
            Some(_) => return Err(invalid(
                "payload.user_authentication_info.name is not a string of at most 320 characters",
            )),
        };
    let username = text(
        payload,
        "payload.user_authentication_password_profile_info.username",
        MAX_TEXT,
    )?;
    let info_id = match purpose {
        Purpose::ResetPassword => Some(token(
            payload,
            "payload.user_authentication_password_profile_info.id",
            MAX_ID,
        )?),
        Purpose::PasswordlessAuthentication => token(
            payload,
            "payload.user_authentication_password_profile_info.id",
            MAX_ID,
        )
        .ok(),
    };
    Ok(OtpEvent {
        id,
        attempt,
        purpose,
        code,
        created_at,
        realm_id,
        password_profile_id,
        email,
        name,
        username,
        info_id,
    })
}

fn invalid(why: &str) -> Rejection {
    Rejection::Invalid(why.to_string())
}

/// The value at a dotted path below `root`; the first segment (`payload`) names `root`
/// itself when `root` is the payload.
fn lookup<'a>(root: &'a Value, path: &str) -> Option<&'a Value> {
    let mut segments = path.split('.');
    let mut at = root;
    if path.starts_with("payload.") {
        segments.next();
    }
    for segment in segments {
        at = at.get(segment)?;
    }
    Some(at)
}

fn string<'a>(root: &'a Value, path: &str) -> Result<&'a str, Rejection> {
    match lookup(root, path) {
        None | Some(Value::Null) => Err(Rejection::Invalid(format!("{path} is missing"))),
        Some(Value::String(s)) => Ok(s),
        Some(_) => Err(Rejection::Invalid(format!("{path} is not a string"))),
    }
}

/// A non-empty string of at most `max` characters without control characters.
fn text(root: &Value, path: &str, max: usize) -> Result<String, Rejection> {
    let s = string(root, path)?;
    if s.is_empty() {
        return Err(Rejection::Invalid(format!("{path} is empty")));
    }
    if s.chars().count() > max || s.chars().any(char::is_control) {
        return Err(Rejection::Invalid(format!(
            "{path} is longer than {max} characters or has control characters"
        )));
    }
    Ok(s.to_string())
}

/// Like [`text`], but printable ASCII without spaces only: ids and codes, which end up in
/// log fields and store keys.
fn token(root: &Value, path: &str, max: usize) -> Result<String, Rejection> {
    let s = text(root, path, max)?;
    if !s.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(Rejection::Invalid(format!(
            "{path} has characters other than printable ASCII"
        )));
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn guide_event() -> Value {
        json!({
            "id": "31ca9869-a6eb-4f06-989c-17900fa12f2d",
            "store_id": "877baaf1-50b7-4cae-afa5-2431fa7b5ee4",
            "triggered_by": "one-time-password-token-request.created",
            "attempt": 1,
            "integration": { "id": "145d7084", "integration_type": "webhook", "name": "n", "description": "d" },
            "payload": {
                "authentication_realm_id": "063623f1-9182-4c8f-bb17-91d326e06e69",
                "password_profile_id": "9a44bb7e-e377-4382-b36e-c8030aad1c2d",
                "purpose": "reset_password",
                "one_time_password_token": "lprvj4",
                "created_at": "2023-09-05T14:53:01.584+00:00",
                "updated_at": "2023-09-05T14:53:01.584+00:00",
                "user_authentication_info": { "id": "459a2d49", "name": "John Doe", "email": "john.doe@banks.com" },
                "user_authentication_password_profile_info": {
                    "id": "d63be373-580d-4e16-818b-15513341e9b6",
                    "password_profile_id": "9a44bb7e-e377-4382-b36e-c8030aad1c2d",
                    "username": "john.doe@banks.com"
                }
            },
            "configuration": { "url": "https://example.com/otp-hook", "secret_key": "" }
        })
    }

    #[test]
    fn reads_the_guides_event() {
        let event = parse(guide_event().to_string().as_bytes()).expect("valid");
        assert_eq!(event.purpose, Purpose::ResetPassword);
        assert_eq!(event.code.expose(), "lprvj4");
        assert_eq!(event.email.to_string(), "john.doe@banks.com");
        assert_eq!(event.attempt, Some(1));
        assert_eq!(
            event.info_id.as_deref(),
            Some("d63be373-580d-4e16-818b-15513341e9b6")
        );
        assert!(!format!("{event:?}").contains("lprvj4"));
    }

    #[test]
    fn rejections_name_the_field_not_the_value() {
        assert_eq!(parse(b"not json").err(), Some(Rejection::NotJson));
        let mut other = guide_event();
        other["triggered_by"] = json!("order.paid");
        assert_eq!(
            parse(other.to_string().as_bytes()).err(),
            Some(Rejection::OtherEvent)
        );
        let mut bad = guide_event();
        bad["payload"]["user_authentication_info"]["email"] = json!("lprvj4-not-an-address");
        let why = parse(bad.to_string().as_bytes())
            .expect_err("rejected")
            .to_string();
        assert!(why.contains("payload.user_authentication_info.email"));
        assert!(!why.contains("lprvj4"));
        let mut missing = guide_event();
        missing["payload"]
            .as_object_mut()
            .expect("object")
            .remove("one_time_password_token");
        assert_eq!(
            parse(missing.to_string().as_bytes()).err(),
            Some(Rejection::Invalid(
                "payload.one_time_password_token is missing".into()
            ))
        );
    }

    #[test]
    fn a_reset_needs_the_profile_info_id_passwordless_does_not() {
        let mut reset = guide_event();
        reset["payload"]["user_authentication_password_profile_info"]
            .as_object_mut()
            .expect("object")
            .remove("id");
        assert!(parse(reset.to_string().as_bytes()).is_err());
        reset["payload"]["purpose"] = json!("passwordless_authentication");
        let event = parse(reset.to_string().as_bytes()).expect("valid");
        assert_eq!(event.info_id, None);
    }

    #[test]
    fn expiry_is_ten_minutes_after_creation_and_never_later_than_after_receipt() {
        let event = parse(guide_event().to_string().as_bytes()).expect("valid");
        let created: SystemTime = event.created_at.into();
        assert_eq!(
            event.expires_at(SystemTime::now()),
            created + Duration::from_secs(600)
        );
        let mut future = guide_event();
        future["payload"]["created_at"] = json!("2999-01-01T00:00:00Z");
        let event = parse(future.to_string().as_bytes()).expect("valid");
        let now = SystemTime::now();
        assert_eq!(event.expires_at(now), now + Duration::from_secs(600));
    }
}

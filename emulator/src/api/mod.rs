//! The Commerce endpoints (`/oauth/access_token` and `/v2/…`) and what they share:
//! bearer-token checks, body parsing into JSON:API errors, list envelopes.

mod integrations;
mod members;
mod oauth;
mod realms;
mod settings;
mod users;

use crate::auth::{verify_am_token, AccessKind, AmClaims};
use crate::errors::ApiError;
use crate::seed::SelfManagement;
use crate::state::{Shared, World};
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Path, Request};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, StatusCode};
use axum::routing::{get, post};
use axum::Router;
use serde::de::DeserializeOwned;
use serde_json::{json, Map, Value};

pub const AM_TOKEN_HEADER: &str = "EP-Account-Management-Authentication-Token";

pub fn routes() -> Router<Shared> {
    const REALM: &str = "/v2/authentication-realms/{realm_id}";
    const USERS: &str = "/v2/authentication-realms/{realm_id}/user-authentication-info";
    const INFOS: &str = "/v2/authentication-realms/{realm_id}/user-authentication-info/{uai_id}/user-authentication-password-profile-info";
    Router::new()
        .route("/oauth/access_token", post(oauth::access_token))
        .route(
            "/v2/settings/account-authentication",
            get(settings::get_settings).put(settings::put_settings),
        )
        .route(REALM, get(realms::get_realm))
        .route(
            &format!("{REALM}/password-profiles"),
            get(realms::list_profiles).post(realms::create_profile),
        )
        .route(
            &format!("{REALM}/password-profiles/{{profile_id}}"),
            get(realms::get_profile).put(realms::update_profile),
        )
        .route(
            &format!("{REALM}/password-profiles/{{profile_id}}/one-time-password-token-request"),
            post(realms::request_code),
        )
        .route(USERS, get(users::list_users).post(users::create_user))
        .route(&format!("{USERS}/{{uai_id}}"), get(users::get_user))
        .route(INFOS, get(realms::list_infos).post(users::create_info))
        .route(
            &format!("{INFOS}/{{info_id}}"),
            get(realms::get_info).put(realms::update_info),
        )
        .route("/v2/account-members/tokens", post(members::create_tokens))
        .route("/v2/account-members/{member_id}", get(members::get_member))
        .route(
            "/v2/integrations",
            get(integrations::list).post(integrations::create),
        )
        .route(
            "/v2/integrations/{integration_id}",
            get(integrations::get)
                .put(integrations::update)
                .delete(integrations::delete),
        )
}

/// The bearer token of a `/v2` call: present, known and unexpired, else 401.
pub struct Caller(pub AccessKind);

impl FromRequestParts<Shared> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, emu: &Shared) -> Result<Self, ApiError> {
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split_once(' '))
            .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
            .map(|(_, token)| token.trim())
            .ok_or_else(ApiError::invalid_access_token)?;
        let world = emu.world();
        let now_secs = world.now_ms() / 1000;
        match world.access_tokens.get(token) {
            Some(t) if now_secs < t.expires_secs => Ok(Self(t.kind)),
            _ => Err(ApiError::invalid_access_token()),
        }
    }
}

/// Store administration (settings, profiles, users, integrations) is for
/// client_credentials tokens only: the permissions table gives implicit tokens no
/// write access there and no access at all to settings and integrations (§0.8), so
/// a valid implicit token is refused with 403.
pub fn require_client_credentials(caller: &Caller, action: &str) -> Result<(), ApiError> {
    if caller.0 == AccessKind::ClientCredentials {
        Ok(())
    } else {
        Err(ApiError::forbidden(format!(
            "An implicit token may not {action}"
        )))
    }
}

/// Path parameters; a path that does not decode is simply not found.
pub struct Ids<T>(pub T);

impl<T, S> FromRequestParts<S> for Ids<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Path::<T>::from_request_parts(parts, state)
            .await
            .map(|Path(ids)| Self(ids))
            .map_err(|_| ApiError::not_found("The requested resource could not be found"))
    }
}

/// The raw request body, read here so that even a failed read answers in JSON:API.
pub struct RawBody(pub Bytes);

const MAX_BODY_BYTES: usize = 64 * 1024;

impl<S: Send + Sync> FromRequest<S> for RawBody {
    type Rejection = ApiError;

    async fn from_request(req: Request, _state: &S) -> Result<Self, ApiError> {
        axum::body::to_bytes(req.into_body(), MAX_BODY_BYTES)
            .await
            .map(Self)
            .map_err(|_| {
                ApiError::status(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "The request body is too large",
                )
            })
    }
}

fn content_type_is(headers: &HeaderMap, expected: &str) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case(expected))
}

/// A JSON body as an object. Commerce takes only `application/json` (§0.2).
pub fn json_object(headers: &HeaderMap, body: &[u8]) -> Result<Map<String, Value>, ApiError> {
    if !content_type_is(headers, "application/json") {
        return Err(ApiError::bad_request(
            "Content-Type must be application/json",
        ));
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(ApiError::bad_request(
            "The request body must be a JSON object",
        )),
        Err(e) => Err(ApiError::bad_request(format!(
            "The request body is not valid JSON: {e}"
        ))),
    }
}

/// The `data` object of a JSON:API request body, its `type` checked.
pub fn json_data(
    headers: &HeaderMap,
    body: &[u8],
    expected_type: &str,
) -> Result<Map<String, Value>, ApiError> {
    let mut body = json_object(headers, body)?;
    let Some(Value::Object(data)) = body.remove("data") else {
        return Err(ApiError::bad_request(
            "Validation failed: field 'data' is required and must be an object",
        ));
    };
    match data.get("type").and_then(Value::as_str) {
        Some(t) if t == expected_type => Ok(data),
        Some(_) => Err(ApiError::bad_request(format!(
            "Validation failed: field 'type' must be '{expected_type}'"
        ))),
        None => Err(ApiError::bad_request(
            "Validation failed: field 'type' is required",
        )),
    }
}

/// An optional string field: absent or `null` is `None`, any other non-string is a 400.
pub fn optional_str<'a>(
    data: &'a Map<String, Value>,
    field: &str,
) -> Result<Option<&'a str>, ApiError> {
    match data.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(ApiError::bad_request(format!(
            "Validation failed: field '{field}' must be a string"
        ))),
    }
}

/// An optional boolean field: absent or `null` is `None`, any other non-boolean is a 400.
pub fn optional_bool(data: &Map<String, Value>, field: &str) -> Result<Option<bool>, ApiError> {
    match data.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(_) => Err(ApiError::bad_request(format!(
            "Validation failed: field '{field}' must be a boolean"
        ))),
    }
}

/// A required, non-empty string field.
pub fn required_str<'a>(data: &'a Map<String, Value>, field: &str) -> Result<&'a str, ApiError> {
    match optional_str(data, field)? {
        Some(s) if !s.is_empty() => Ok(s),
        _ => Err(ApiError::bad_request(format!(
            "Validation failed: field '{field}' is required"
        ))),
    }
}

/// `http://host:port` as the caller addressed us, for `links`.
pub fn base_url(headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("127.0.0.1");
    format!("http://{host}")
}

/// The envelope of a single-page list (§3.1, §5.3, §6.1).
pub fn list_body(data: Vec<Value>, limit: usize, page_url: &str) -> Value {
    let total = data.len();
    let link = format!("{page_url}?page[offset]=0&page[limit]={limit}");
    json!({
        "data": data,
        "meta": {
            "page": { "limit": limit, "offset": 0, "current": 1, "total": 1 },
            "results": { "total": total },
        },
        "links": { "current": link, "first": link, "last": link, "next": null, "prev": null },
    })
}

/// Who may act on member `member_id`'s own resources.
///
/// A client_credentials token may do anything. An implicit token needs the
/// member's account-management token beside it (§6.3, §8). Status choices where
/// the reference only infers (§6.3 "403 (or 401)"): following §0.4, a token that
/// is bad or expired is 401 (it could not be validated); a missing token, another
/// member's token, or `account_member_self_management` not `update_only` (when
/// `needs_self_management`) is 403 (the bearer is valid but lacks permission).
pub fn authorize_member(
    caller: &Caller,
    headers: &HeaderMap,
    emu: &Shared,
    world: &World,
    member_id: &str,
    needs_self_management: bool,
) -> Result<(), ApiError> {
    if caller.0 == AccessKind::ClientCredentials {
        return Ok(());
    }
    let claims = account_management_claims(headers, emu, world)?.ok_or_else(|| {
        ApiError::forbidden(format!(
            "An implicit token needs the {AM_TOKEN_HEADER} header for this call"
        ))
    })?;
    if needs_self_management
        && world.settings.account_member_self_management != SelfManagement::UpdateOnly
    {
        return Err(ApiError::forbidden(
            "Account member self management is disabled for this store",
        ));
    }
    if claims.sub != member_id {
        return Err(ApiError::forbidden(
            "The account management authentication token belongs to another account member",
        ));
    }
    Ok(())
}

/// The claims of the `EP-Account-Management-Authentication-Token` header:
/// `Ok(None)` when absent, 401 when it is not a valid, unexpired token of this store.
pub fn account_management_claims(
    headers: &HeaderMap,
    emu: &Shared,
    world: &World,
) -> Result<Option<AmClaims>, ApiError> {
    let Some(value) = headers.get(AM_TOKEN_HEADER) else {
        return Ok(None);
    };
    value
        .to_str()
        .ok()
        .and_then(|token| verify_am_token(&emu.jwt_key, token.trim(), world.now_ms() / 1000))
        .filter(|claims| claims.store_id == emu.store.store_id)
        .map(Some)
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::UNAUTHORIZED,
                "Unauthorized",
                Some(
                    "The account management authentication token is invalid or has expired".into(),
                ),
            )
        })
}

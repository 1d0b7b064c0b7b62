//! `POST /oauth/access_token` (reference §1).

use super::RawBody;
use crate::auth::{new_access_token, AccessKind};
use crate::errors::{json_response, ApiError};
use crate::state::{AccessToken, Shared};
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::json;

pub async fn access_token(
    State(emu): State<Shared>,
    headers: HeaderMap,
    RawBody(body): RawBody,
) -> Result<Response, ApiError> {
    let form_encoded = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| {
            v.trim()
                .eq_ignore_ascii_case("application/x-www-form-urlencoded")
        });
    if !form_encoded {
        return Err(ApiError::bad_request(
            "Content-Type must be application/x-www-form-urlencoded",
        ));
    }
    let form: Vec<(String, String)> = serde_urlencoded::from_bytes(&body)
        .map_err(|_| ApiError::bad_request("The form body could not be parsed"))?;
    let field = |name: &str| {
        form.iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };

    let kind = match field("grant_type") {
        Some("implicit") => AccessKind::Implicit,
        Some("client_credentials") => AccessKind::ClientCredentials,
        Some(_) => {
            return Err(ApiError::bad_request(
                "Unsupported grant_type: use implicit or client_credentials",
            ))
        }
        None => {
            return Err(ApiError::bad_request(
                "Validation failed: field 'grant_type' is required",
            ))
        }
    };
    let client_id = field("client_id")
        .ok_or_else(|| ApiError::bad_request("Validation failed: field 'client_id' is required"))?;
    if client_id != emu.store.client_id {
        return Err(ApiError::unauthorized());
    }
    if kind == AccessKind::ClientCredentials {
        // Without EMULATOR_CLIENT_SECRET there is no secret that could match.
        let expected = emu.config.client_secret.as_deref();
        if expected.is_none() || field("client_secret") != expected {
            return Err(ApiError::unauthorized());
        }
    }

    let token = new_access_token();
    let ttl = i64::try_from(emu.config.token_ttl_secs).unwrap_or(i64::MAX);
    let mut world = emu.world();
    let now_secs = world.now_ms() / 1000;
    let expires = now_secs.saturating_add(ttl);
    world.access_tokens.retain(|_, t| t.expires_secs > now_secs);
    world.access_tokens.insert(
        token.clone(),
        AccessToken {
            kind,
            expires_secs: expires,
        },
    );
    drop(world);

    // Unwrapped, as the implicit-token page and the JS SDK have it (§1, §11 #7).
    Ok(json_response(
        StatusCode::OK,
        &json!({
            "access_token": token,
            "token_type": "Bearer",
            "expires_in": ttl,
            "expires": expires,
            "identifier": kind.identifier(),
        }),
    ))
}

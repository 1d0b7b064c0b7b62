//! `POST /oauth/access_token` (docs/commerce-api.md §1).

use crate::auth::{new_access_token, AccessKind};
use crate::http::body::content_type_is;
use crate::http::error::ApiError;
use crate::http::extract::RawBody;
use crate::http::response::json_response;
use crate::state::{AccessToken, Shared};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::post;
use axum::Router;
use serde_json::json;

/// `POST /oauth/access_token`.
pub fn routes() -> Router<Shared> {
    Router::new().route("/oauth/access_token", post(access_token))
}

/// A form body (`grant_type`, `client_id`, and `client_secret` for
/// client_credentials), answered with an unwrapped token. The form is read by hand,
/// not into a typed struct: a repeated field is not an error here (the first one
/// counts), where a struct would make it a 400 with serde's wording.
async fn access_token(
    State(emu): State<Shared>,
    headers: HeaderMap,
    RawBody(body): RawBody,
) -> Result<Response, ApiError> {
    if !content_type_is(&headers, "application/x-www-form-urlencoded") {
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

    // Unwrapped, as the implicit-token page and the JS SDK have it
    // (docs/commerce-api.md §1, §11 #7).
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

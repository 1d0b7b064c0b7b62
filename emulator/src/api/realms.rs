//! `GET /v2/authentication-realms/{realmId}`: the account authentication realm.

use super::common::check_realm;
use crate::http::error::ApiError;
use crate::http::extract::{Caller, Ids};
use crate::http::response::{base_url, json_response};
use crate::state::Shared;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use serde_json::json;

/// `GET /v2/authentication-realms/{realm_id}`.
pub fn routes() -> Router<Shared> {
    Router::new().route("/v2/authentication-realms/{realm_id}", get(get_realm))
}

/// The account authentication realm. Readable with an implicit token, as the
/// permissions table gives implicit tokens read access to `/authentication-realms`
/// (docs/commerce-api.md §0.8). The resource's type is `authentication-realm` (the
/// realm docs' examples; docs/commerce-api.md §2 notes the settings' relationship
/// spells it `authentication_realm`, as does the spec's enum).
async fn get_realm(
    _caller: Caller,
    State(emu): State<Shared>,
    Ids(realm_id): Ids<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let settings_id = {
        let world = emu.world();
        check_realm(&world, &realm_id)?;
        world.settings.id.clone()
    };
    let base = base_url(&headers);
    let link = format!("{base}/v2/authentication-realms/{realm_id}");
    Ok(json_response(
        StatusCode::OK,
        &json!({
            "data": {
                "id": realm_id,
                "type": "authentication-realm",
                "name": "Account Management Realm",
                "duplicate_email_policy": "allowed",
                "redirect_uris": [],
                "relationships": {
                    "origin": { "data": { "id": settings_id, "type": "account-authentication-settings" } }
                },
                "meta": { "created_at": emu.store.created_at, "updated_at": emu.store.created_at },
                "links": { "self": link },
            },
            "links": { "self": link },
        }),
    ))
}

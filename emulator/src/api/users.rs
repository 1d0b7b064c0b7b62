//! User authentication infos (`/v2/authentication-realms/{realmId}/user-authentication-info`):
//! the administrator's way to add a shopper (the guides' "Create a User for
//! testing"); [`super::password_profile_infos`] gives them a login.
//!
//! All of it is for client_credentials tokens: an implicit token could otherwise list
//! every shopper's name and e-mail with the store's public client id.

use super::common::{check_realm, looks_like_email};
use crate::clock;
use crate::http::access::require_client_credentials;
use crate::http::body::Field;
use crate::http::error::ApiError;
use crate::http::extract::{Caller, Deferred, Ids, JsonApi, JsonApiData};
use crate::http::response::{base_url, json_response, list_body, single_with};
use crate::state::{Shared, User};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use serde_json::{json, Value};

/// The list (`GET`, `POST`) and one user (`GET`).
pub fn routes() -> Router<Shared> {
    Router::new()
        .route(
            "/v2/authentication-realms/{realm_id}/user-authentication-info",
            get(list_users).post(create_user),
        )
        .route(
            "/v2/authentication-realms/{realm_id}/user-authentication-info/{uai_id}",
            get(get_user),
        )
}

/// The docs' object: `id`, `type`, `name`, `email`, `meta` (with `creation_status`).
/// The published spec has a `username` instead of `name` and `email`; the docs, the
/// guides' event payload (`user_authentication_info.name`/`.email`) and the SDK agree
/// on `name` and `email`, so the emulator follows them.
fn user_json(user: &User, base: &str, realm_id: &str) -> Value {
    json!({
        "id": user.id,
        "type": "user_authentication_info",
        "name": user.name,
        "email": user.email,
        "meta": {
            "created_at": user.created_at,
            "updated_at": user.created_at,
            "creation_status": "COMPLETE",
        },
        "links": { "self": format!("{base}/v2/authentication-realms/{realm_id}/user-authentication-info/{}", user.id) },
    })
}

async fn list_users(
    caller: Caller,
    State(emu): State<Shared>,
    Ids(realm_id): Ids<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    require_client_credentials(&caller, "list user authentication infos")?;
    let users = {
        let world = emu.world();
        check_realm(&world, &realm_id)?;
        world.users.clone()
    };
    let base = base_url(&headers);
    let data = users
        .iter()
        .map(|u| user_json(u, &base, &realm_id))
        .collect();
    let page_url = format!("{base}/v2/authentication-realms/{realm_id}/user-authentication-info");
    Ok(json_response(
        StatusCode::OK,
        &list_body(data, 100, &page_url),
    ))
}

async fn get_user(
    caller: Caller,
    State(emu): State<Shared>,
    Ids((realm_id, uai_id)): Ids<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    require_client_credentials(&caller, "read user authentication infos")?;
    let user = {
        let world = emu.world();
        check_realm(&world, &realm_id)?;
        world
            .user(&uai_id)
            .cloned()
            .ok_or_else(|| ApiError::not_found("User authentication info not found"))?
    };
    Ok(single_with(
        StatusCode::OK,
        user_json(&user, &base_url(&headers), &realm_id),
    ))
}

/// A `user_authentication_info` body.
#[derive(Default, Deserialize)]
#[serde(default)]
struct UserBody {
    name: Field<String>,
    email: Field<String>,
}

impl JsonApiData for UserBody {
    const TYPE: &'static str = "user_authentication_info";
}

/// Create a user (and so an account member with the same id:
/// docs/commerce-api.md §6.4), without any login and without any account: see
/// [`super::members`] for the account that `auto_create_account_for_account_members`
/// adds at the first sign-in. `name` and `email` are required. 201.
async fn create_user(
    caller: Caller,
    State(emu): State<Shared>,
    Ids(realm_id): Ids<String>,
    headers: HeaderMap,
    body: Deferred<JsonApi<UserBody>>,
) -> Result<Response, ApiError> {
    require_client_credentials(&caller, "create user authentication infos")?;
    check_realm(&emu.world(), &realm_id)?;
    let JsonApi(body) = body.into_result()?;
    let name = body.name.required("name")?;
    let email = body.email.required("email")?;
    if !looks_like_email(&email) {
        return Err(ApiError::bad_request(
            "Validation failed: field 'email' must be an e-mail address",
        ));
    }

    let mut world = emu.world();
    let user = User {
        id: uuid::Uuid::new_v4().to_string(),
        name,
        email,
        created_at: clock::iso_z(world.now_ms()),
        accounts: Vec::new(),
        infos: Vec::new(),
    };
    world.users.push(user.clone());
    drop(world);
    Ok(single_with(
        StatusCode::CREATED,
        user_json(&user, &base_url(&headers), &realm_id),
    ))
}

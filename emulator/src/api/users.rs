//! User authentication infos (`/v2/authentication-realms/{realmId}/user-authentication-info`)
//! and creating their password profile infos: the administrator's way to add a
//! shopper who can sign in (the guides' "Create a User for testing").
//!
//! All of it is for client_credentials tokens: an implicit token could otherwise list
//! every shopper's name and e-mail with the store's public client id.

use super::realms::{check_realm, find_profile, info_json, single_with};
use super::require_client_credentials;
use super::{base_url, json_data, list_body, required_str, Caller, Ids, RawBody};
use crate::auth::hash_password;
use crate::clock;
use crate::errors::{json_response, ApiError};
use crate::seed::UsernameFormat;
use crate::state::{ProfileInfo, Shared, User};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};

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

pub async fn list_users(
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

pub async fn get_user(
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

/// Create a user (and so an account member with the same id, §6.4), without any
/// login and without any account: see [`super::members`] for the account that
/// `auto_create_account_for_account_members` adds at the first sign-in. 201.
pub async fn create_user(
    caller: Caller,
    State(emu): State<Shared>,
    Ids(realm_id): Ids<String>,
    headers: HeaderMap,
    RawBody(body): RawBody,
) -> Result<Response, ApiError> {
    require_client_credentials(&caller, "create user authentication infos")?;
    check_realm(&emu.world(), &realm_id)?;
    let data = json_data(&headers, &body, "user_authentication_info")?;
    let name = required_str(&data, "name")?.to_owned();
    let email = required_str(&data, "email")?.to_owned();
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

/// Give a user a login in a password profile: `username`, `password` (at least 8
/// characters, as for the update in §6.3) and `password_profile_id`, all required.
/// 201; 404 for an unknown user or profile; 409 when the username is already taken
/// in that profile (by anyone) or the user already has a login there.
pub async fn create_info(
    caller: Caller,
    State(emu): State<Shared>,
    Ids((realm_id, uai_id)): Ids<(String, String)>,
    headers: HeaderMap,
    RawBody(body): RawBody,
) -> Result<Response, ApiError> {
    require_client_credentials(&caller, "create user authentication password profile infos")?;
    {
        let world = emu.world();
        check_realm(&world, &realm_id)?;
        world
            .user(&uai_id)
            .ok_or_else(|| ApiError::not_found("User authentication info not found"))?;
    }
    let data = json_data(&headers, &body, "user_authentication_password_profile_info")?;
    let username = required_str(&data, "username")?.to_owned();
    let password = required_str(&data, "password")?;
    let profile_id = required_str(&data, "password_profile_id")?.to_owned();
    if password.chars().count() < 8 {
        return Err(ApiError::bad_request(
            "Validation failed: field 'password' must be at least 8 characters long",
        ));
    }
    let profile = find_profile(&emu.world(), &profile_id)?;
    if profile.username_format == UsernameFormat::Email && !looks_like_email(&username) {
        return Err(ApiError::bad_request(
            "Validation failed: field 'username' must be an e-mail address in this password profile",
        ));
    }
    let password_hash = hash_password(password)
        .map_err(|e| ApiError::status(StatusCode::INTERNAL_SERVER_ERROR, e))?;

    let mut world = emu.world();
    if world.find_login(&profile, &username).is_some() {
        return Err(ApiError::status(
            StatusCode::CONFLICT,
            "This username is already in use in this password profile",
        ));
    }
    let now = clock::iso_z(world.now_ms());
    let user = world
        .users
        .iter_mut()
        .find(|u| u.id == uai_id)
        .ok_or_else(|| ApiError::not_found("User authentication info not found"))?;
    if user
        .infos
        .iter()
        .any(|i| i.password_profile_id == profile.id)
    {
        return Err(ApiError::status(
            StatusCode::CONFLICT,
            "This user already has a login in this password profile",
        ));
    }
    let info = ProfileInfo {
        id: uuid::Uuid::new_v4().to_string(),
        password_profile_id: profile.id.clone(),
        username,
        password_hash,
        created_at: now.clone(),
        updated_at: now,
    };
    user.infos.push(info.clone());
    drop(world);
    Ok(single_with(
        StatusCode::CREATED,
        info_json(&info, &base_url(&headers), &realm_id, &uai_id),
    ))
}

/// Something `@` something: enough to catch a name typed into the e-mail field.
fn looks_like_email(value: &str) -> bool {
    value
        .split_once('@')
        .is_some_and(|(local, domain)| !local.is_empty() && !domain.is_empty())
}

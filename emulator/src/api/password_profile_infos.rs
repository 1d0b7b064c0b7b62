//! `/v2/authentication-realms/{realmId}/user-authentication-info/{uaiId}/user-authentication-password-profile-info[/{infoId}]`
//! (docs/commerce-api.md §6): a user's logins, one per password profile. Listing,
//! reading and setting a new password are open to the member themselves (implicit
//! token + their account-management token); creating one is for administrators.

use super::common::{check_realm, find_profile, looks_like_email};
use crate::auth::hash_password;
use crate::clock;
use crate::http::access::{authorize_member, require_client_credentials};
use crate::http::body::Field;
use crate::http::error::ApiError;
use crate::http::extract::{Caller, Deferred, Ids, JsonApi, JsonApiData};
use crate::http::response::{base_url, json_response, list_body, single, single_with};
use crate::seed::UsernameFormat;
use crate::state::{ProfileInfo, Shared, World};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use serde_json::{json, Value};

/// The list (`GET`, `POST`) and one login (`GET`, `PUT`).
pub fn routes() -> Router<Shared> {
    const INFOS: &str = "/v2/authentication-realms/{realm_id}/user-authentication-info/{uai_id}/user-authentication-password-profile-info";
    Router::new()
        .route(INFOS, get(list_infos).post(create_info))
        .route(
            &format!("{INFOS}/{{info_id}}"),
            get(get_info).put(update_info),
        )
}

fn info_json(info: &ProfileInfo, base: &str, realm_id: &str, uai_id: &str) -> Value {
    json!({
        "id": info.id,
        "type": "user_authentication_password_profile_info",
        "username": info.username,
        "password_profile_id": info.password_profile_id,
        "meta": { "created_at": info.created_at, "updated_at": info.updated_at },
        "links": { "self": format!(
            "{base}/v2/authentication-realms/{realm_id}/user-authentication-info/{uai_id}/user-authentication-password-profile-info/{}",
            info.id
        ) },
    })
}

fn user_not_found() -> ApiError {
    ApiError::not_found("User authentication info not found")
}

fn info_not_found() -> ApiError {
    ApiError::not_found("User authentication password profile info not found")
}

fn username_taken() -> ApiError {
    ApiError::status(
        StatusCode::CONFLICT,
        "This username is already in use in this password profile",
    )
}

/// A new password has at least 8 characters (docs/commerce-api.md §6.3).
fn check_password_length(password: &str) -> Result<(), ApiError> {
    if password.chars().count() < 8 {
        return Err(ApiError::bad_request(
            "Validation failed: field 'password' must be at least 8 characters long",
        ));
    }
    Ok(())
}

fn hash(password: &str) -> Result<String, ApiError> {
    hash_password(password).map_err(|e| ApiError::status(StatusCode::INTERNAL_SERVER_ERROR, e))
}

/// A `user_authentication_password_profile_info` body, for a create or an update.
#[derive(Default, Deserialize)]
#[serde(default)]
struct InfoBody {
    id: Field<String>,
    username: Field<String>,
    password: Field<String>,
    password_profile_id: Field<String>,
}

impl JsonApiData for InfoBody {
    const TYPE: &'static str = "user_authentication_password_profile_info";
}

/// Implicit + the member's own account-management token may list their entries
/// while self management is `update_only` (docs/commerce-api.md §6.1, the settings
/// description).
async fn list_infos(
    caller: Caller,
    State(emu): State<Shared>,
    Ids((realm_id, uai_id)): Ids<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let world = emu.world();
    authorize_member(&caller, &headers, &emu, &world, &uai_id, true)?;
    check_realm(&world, &realm_id)?;
    let user = world.user(&uai_id).ok_or_else(user_not_found)?;
    let base = base_url(&headers);
    let data = user
        .infos
        .iter()
        .map(|i| info_json(i, &base, &realm_id, &uai_id))
        .collect();
    let page_url = format!(
        "{base}/v2/authentication-realms/{realm_id}/user-authentication-info/{uai_id}/user-authentication-password-profile-info"
    );
    Ok(json_response(
        StatusCode::OK,
        &list_body(data, 100, &page_url),
    ))
}

fn find_info<'a>(
    world: &'a World,
    realm_id: &str,
    uai_id: &str,
    info_id: &str,
) -> Result<&'a ProfileInfo, ApiError> {
    check_realm(world, realm_id)?;
    world
        .user(uai_id)
        .and_then(|u| u.infos.iter().find(|i| i.id == info_id))
        .ok_or_else(info_not_found)
}

async fn get_info(
    caller: Caller,
    State(emu): State<Shared>,
    Ids((realm_id, uai_id, info_id)): Ids<(String, String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let world = emu.world();
    authorize_member(&caller, &headers, &emu, &world, &uai_id, true)?;
    let info = find_info(&world, &realm_id, &uai_id, &info_id)?;
    Ok(single(info_json(
        info,
        &base_url(&headers),
        &realm_id,
        &uai_id,
    )))
}

/// Set a new password (docs/commerce-api.md §6.3). The body superset of §6.3 is
/// accepted: `id` and `password_profile_id`, when sent, must be this login's;
/// `username` and `password` are optional.
async fn update_info(
    caller: Caller,
    State(emu): State<Shared>,
    Ids((realm_id, uai_id, info_id)): Ids<(String, String, String)>,
    headers: HeaderMap,
    body: Deferred<JsonApi<InfoBody>>,
) -> Result<Response, ApiError> {
    let profile_id = {
        let world = emu.world();
        authorize_member(&caller, &headers, &emu, &world, &uai_id, true)?;
        find_info(&world, &realm_id, &uai_id, &info_id)?
            .password_profile_id
            .clone()
    };

    let JsonApi(body) = body.into_result()?;
    if let Some(id) = body.id.optional("id")? {
        if id != info_id {
            return Err(ApiError::bad_request(
                "Validation failed: field 'id' must match the id in the path",
            ));
        }
    }
    // Not in docs/commerce-api.md: a different profile id would move the login to
    // another profile, which this endpoint cannot do; refusing it catches a client bug.
    if let Some(pp) = body.password_profile_id.optional("password_profile_id")? {
        if pp != profile_id {
            return Err(ApiError::bad_request(
                "Validation failed: field 'password_profile_id' must be this info's password profile",
            ));
        }
    }
    let username = body.username.optional("username")?;
    if username.as_deref() == Some("") {
        return Err(ApiError::bad_request(
            "Validation failed: field 'username' must not be empty",
        ));
    }
    let password_hash = match body.password.optional("password")? {
        Some(p) => {
            check_password_length(&p)?;
            Some(hash(&p)?)
        }
        None => None,
    };

    let mut world = emu.world();
    let now = clock::iso_z(world.now_ms());
    if let Some(name) = &username {
        let profile = find_profile(&world, &profile_id)?;
        let taken = world
            .find_login(&profile, name)
            .is_some_and(|(_, other)| other.id != info_id);
        if taken {
            return Err(username_taken());
        }
    }
    let info = world
        .users
        .iter_mut()
        .filter(|u| u.id == uai_id)
        .flat_map(|u| u.infos.iter_mut())
        .find(|i| i.id == info_id)
        .ok_or_else(info_not_found)?;
    if let Some(name) = username {
        info.username = name;
    }
    if let Some(hash) = password_hash {
        info.password_hash = hash;
    }
    info.updated_at = now;
    let info = info.clone();
    drop(world);
    Ok(single(info_json(
        &info,
        &base_url(&headers),
        &realm_id,
        &uai_id,
    )))
}

/// Give a user a login in a password profile: `username`, `password` (at least 8
/// characters, as for the update in docs/commerce-api.md §6.3) and
/// `password_profile_id`, all required. Administrators only. 201; 404 for an unknown
/// user or profile; 409 when the username is already taken in that profile (by
/// anyone) or the user already has a login there.
async fn create_info(
    caller: Caller,
    State(emu): State<Shared>,
    Ids((realm_id, uai_id)): Ids<(String, String)>,
    headers: HeaderMap,
    body: Deferred<JsonApi<InfoBody>>,
) -> Result<Response, ApiError> {
    require_client_credentials(&caller, "create user authentication password profile infos")?;
    {
        let world = emu.world();
        check_realm(&world, &realm_id)?;
        world.user(&uai_id).ok_or_else(user_not_found)?;
    }
    let JsonApi(body) = body.into_result()?;
    let username = body.username.required("username")?;
    let password = body.password.required("password")?;
    let profile_id = body.password_profile_id.required("password_profile_id")?;
    check_password_length(&password)?;
    let profile = find_profile(&emu.world(), &profile_id)?;
    if profile.username_format == UsernameFormat::Email && !looks_like_email(&username) {
        return Err(ApiError::bad_request(
            "Validation failed: field 'username' must be an e-mail address in this password profile",
        ));
    }
    let password_hash = hash(&password)?;

    let mut world = emu.world();
    if world.find_login(&profile, &username).is_some() {
        return Err(username_taken());
    }
    let now = clock::iso_z(world.now_ms());
    let user = world
        .users
        .iter_mut()
        .find(|u| u.id == uai_id)
        .ok_or_else(user_not_found)?;
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

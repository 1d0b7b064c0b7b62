//! `/v2/authentication-realms/{realmId}/password-profiles[/{profileId}]`
//! (docs/commerce-api.md §3): list and read with any token; create and update for
//! administrators.

use super::common::{check_realm, find_profile};
use crate::clock;
use crate::http::access::require_client_credentials;
use crate::http::body::Field;
use crate::http::error::ApiError;
use crate::http::extract::{Caller, Deferred, Ids, JsonApi, JsonApiData};
use crate::http::response::{base_url, json_response, list_body, single, single_with};
use crate::seed::{PasswordProfile, UsernameFormat};
use crate::state::Shared;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use serde_json::{json, Value};

/// The list (`GET`, `POST`) and one profile (`GET`, `PUT`).
pub fn routes() -> Router<Shared> {
    Router::new()
        .route(
            "/v2/authentication-realms/{realm_id}/password-profiles",
            get(list_profiles).post(create_profile),
        )
        .route(
            "/v2/authentication-realms/{realm_id}/password-profiles/{profile_id}",
            get(get_profile).put(update_profile),
        )
}

fn profile_json(emu: &Shared, profile: &PasswordProfile, base: &str, realm_id: &str) -> Value {
    let created_at = profile.created_at.as_ref().unwrap_or(&emu.store.created_at);
    let updated_at = profile.updated_at.as_ref().unwrap_or(created_at);
    json!({
        "id": profile.id,
        "type": "password_profile",
        "name": profile.name,
        "username_format": profile.username_format,
        "enable_one_time_password_token": profile.enable_one_time_password_token,
        "meta": { "created_at": created_at, "updated_at": updated_at },
        "links": { "self": format!("{base}/v2/authentication-realms/{realm_id}/password-profiles/{}", profile.id) },
    })
}

/// The attributes of a `password_profile` body, for a create or an update.
#[derive(Default, Deserialize)]
#[serde(default)]
struct ProfileBody {
    id: Field<String>,
    name: Field<String>,
    username_format: Field<String>,
    enable_one_time_password_token: Field<bool>,
}

impl JsonApiData for ProfileBody {
    const TYPE: &'static str = "password_profile";
}

fn username_format(field: Field<String>) -> Result<Option<UsernameFormat>, ApiError> {
    field
        .optional("username_format")?
        .map(|value| {
            UsernameFormat::parse(&value).ok_or_else(|| {
                ApiError::bad_request(
                    "Validation failed: field 'username_format' must be 'any' or 'email'",
                )
            })
        })
        .transpose()
}

/// Create a password profile: `name` required, `username_format` (default `any`) and
/// `enable_one_time_password_token` (default false) optional. 201.
async fn create_profile(
    caller: Caller,
    State(emu): State<Shared>,
    Ids(realm_id): Ids<String>,
    headers: HeaderMap,
    body: Deferred<JsonApi<ProfileBody>>,
) -> Result<Response, ApiError> {
    require_client_credentials(&caller, "create password profiles")?;
    check_realm(&emu.world(), &realm_id)?;
    let JsonApi(body) = body.into_result()?;
    let name = body.name.required("name")?;
    let format = username_format(body.username_format)?.unwrap_or(UsernameFormat::Any);
    let otp = body
        .enable_one_time_password_token
        .optional("enable_one_time_password_token")?
        .unwrap_or(false);

    let mut world = emu.world();
    let now = clock::iso_z(world.now_ms());
    let profile = PasswordProfile {
        id: uuid::Uuid::new_v4().to_string(),
        name,
        username_format: format,
        enable_one_time_password_token: otp,
        created_at: Some(now.clone()),
        updated_at: Some(now),
    };
    world.password_profiles.push(profile.clone());
    drop(world);
    let data = profile_json(&emu, &profile, &base_url(&headers), &realm_id);
    Ok(single_with(StatusCode::CREATED, data))
}

/// Update a password profile: any of `name`, `username_format`,
/// `enable_one_time_password_token`; `id`, when sent, must be the one in the path.
/// (The spec requires `id` and `name`, the docs `username_format` and `name`; the
/// emulator requires neither, so that a client sending either set passes.)
async fn update_profile(
    caller: Caller,
    State(emu): State<Shared>,
    Ids((realm_id, profile_id)): Ids<(String, String)>,
    headers: HeaderMap,
    body: Deferred<JsonApi<ProfileBody>>,
) -> Result<Response, ApiError> {
    require_client_credentials(&caller, "change password profiles")?;
    {
        let world = emu.world();
        check_realm(&world, &realm_id)?;
        find_profile(&world, &profile_id)?;
    }
    let JsonApi(body) = body.into_result()?;
    if body.id.optional("id")?.is_some_and(|id| id != profile_id) {
        return Err(ApiError::bad_request(
            "Validation failed: field 'id' must match the id in the path",
        ));
    }
    let name = body.name.optional("name")?;
    if name.as_deref() == Some("") {
        return Err(ApiError::bad_request(
            "Validation failed: field 'name' must not be empty",
        ));
    }
    let format = username_format(body.username_format)?;
    let otp = body
        .enable_one_time_password_token
        .optional("enable_one_time_password_token")?;

    let mut world = emu.world();
    let now = clock::iso_z(world.now_ms());
    let profile = world
        .password_profiles
        .iter_mut()
        .find(|p| p.id == profile_id)
        .ok_or_else(|| ApiError::not_found("Password profile not found"))?;
    if let Some(name) = name {
        profile.name = name;
    }
    if let Some(format) = format {
        profile.username_format = format;
    }
    if let Some(otp) = otp {
        profile.enable_one_time_password_token = otp;
    }
    profile.updated_at = Some(now);
    let profile = profile.clone();
    drop(world);
    let data = profile_json(&emu, &profile, &base_url(&headers), &realm_id);
    Ok(single_with(StatusCode::OK, data))
}

/// Readable with an implicit token (docs/commerce-api.md §3 "probably yes").
async fn list_profiles(
    _caller: Caller,
    State(emu): State<Shared>,
    Ids(realm_id): Ids<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let profiles = {
        let world = emu.world();
        check_realm(&world, &realm_id)?;
        world.password_profiles.clone()
    };
    let base = base_url(&headers);
    let data = profiles
        .iter()
        .map(|p| profile_json(&emu, p, &base, &realm_id))
        .collect();
    let page_url = format!("{base}/v2/authentication-realms/{realm_id}/password-profiles");
    Ok(json_response(
        StatusCode::OK,
        &list_body(data, 100, &page_url),
    ))
}

/// One profile, with any token.
async fn get_profile(
    _caller: Caller,
    State(emu): State<Shared>,
    Ids((realm_id, profile_id)): Ids<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let profile = {
        let world = emu.world();
        check_realm(&world, &realm_id)?;
        find_profile(&world, &profile_id)?
    };
    let data = profile_json(&emu, &profile, &base_url(&headers), &realm_id);
    Ok(single(data))
}

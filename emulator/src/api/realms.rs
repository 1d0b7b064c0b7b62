//! `/v2/authentication-realms/{realmId}[/…]`: the realm, password profiles (§3; create
//! and update for administrators), the one-time password token request (§4) and
//! password profile infos (§6).

use super::{
    authorize_member, base_url, json_data, list_body, optional_bool, optional_str,
    require_client_credentials, required_str, Caller, Ids, RawBody,
};
use crate::auth::hash_password;
use crate::clock;
use crate::errors::{json_response, ApiError};
use crate::outbox::{CodeRequest, Purpose};
use crate::seed::{PasswordProfile, UsernameFormat};
use crate::state::{IssuedCode, ProfileInfo, Shared, World};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use rand::Rng;
use serde_json::{json, Map, Value};

/// A code is valid for 10 minutes (OTP guide, §0.7).
const CODE_TTL_MS: i64 = 10 * 60 * 1000;

pub(super) fn check_realm(world: &World, realm_id: &str) -> Result<(), ApiError> {
    if realm_id == world.settings.authentication_realm_id {
        Ok(())
    } else {
        Err(ApiError::not_found("Authentication realm not found"))
    }
}

pub(super) fn find_profile(world: &World, profile_id: &str) -> Result<PasswordProfile, ApiError> {
    world
        .profile(profile_id)
        .cloned()
        .ok_or_else(|| ApiError::not_found("Password profile not found"))
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

/// The account authentication realm. Readable with an implicit token, as the
/// permissions table gives implicit tokens read access to `/authentication-realms` (§0.8).
/// The resource's type is `authentication-realm` (the realm docs' examples; §2 notes
/// the settings' relationship spells it `authentication_realm`, as does the spec's enum).
pub async fn get_realm(
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

fn username_format(data: &Map<String, Value>) -> Result<Option<UsernameFormat>, ApiError> {
    optional_str(data, "username_format")?
        .map(|value| {
            UsernameFormat::parse(value).ok_or_else(|| {
                ApiError::bad_request(
                    "Validation failed: field 'username_format' must be 'any' or 'email'",
                )
            })
        })
        .transpose()
}

/// Create a password profile: `name` required, `username_format` (default `any`) and
/// `enable_one_time_password_token` (default false) optional. 201.
pub async fn create_profile(
    caller: Caller,
    State(emu): State<Shared>,
    Ids(realm_id): Ids<String>,
    headers: HeaderMap,
    RawBody(body): RawBody,
) -> Result<Response, ApiError> {
    require_client_credentials(&caller, "create password profiles")?;
    check_realm(&emu.world(), &realm_id)?;
    let data = json_data(&headers, &body, "password_profile")?;
    let name = required_str(&data, "name")?.to_owned();
    let format = username_format(&data)?.unwrap_or(UsernameFormat::Any);
    let otp = optional_bool(&data, "enable_one_time_password_token")?.unwrap_or(false);

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
pub async fn update_profile(
    caller: Caller,
    State(emu): State<Shared>,
    Ids((realm_id, profile_id)): Ids<(String, String)>,
    headers: HeaderMap,
    RawBody(body): RawBody,
) -> Result<Response, ApiError> {
    require_client_credentials(&caller, "change password profiles")?;
    {
        let world = emu.world();
        check_realm(&world, &realm_id)?;
        find_profile(&world, &profile_id)?;
    }
    let data = json_data(&headers, &body, "password_profile")?;
    if optional_str(&data, "id")?.is_some_and(|id| id != profile_id) {
        return Err(ApiError::bad_request(
            "Validation failed: field 'id' must match the id in the path",
        ));
    }
    let name = optional_str(&data, "name")?;
    if name == Some("") {
        return Err(ApiError::bad_request(
            "Validation failed: field 'name' must not be empty",
        ));
    }
    let format = username_format(&data)?;
    let otp = optional_bool(&data, "enable_one_time_password_token")?;

    let mut world = emu.world();
    let now = clock::iso_z(world.now_ms());
    let profile = world
        .password_profiles
        .iter_mut()
        .find(|p| p.id == profile_id)
        .ok_or_else(|| ApiError::not_found("Password profile not found"))?;
    if let Some(name) = name {
        profile.name = name.to_owned();
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

/// Readable with an implicit token (§3 "probably yes").
pub async fn list_profiles(
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

pub async fn get_profile(
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

/// Six characters of `a-z0-9`, like every documented example (`lprvj4`, `abd1g5`).
fn random_code() -> String {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    let mut rng = rand::rng();
    (0..6)
        .map(|_| char::from(ALPHABET[rng.random_range(0..ALPHABET.len())]))
        .collect()
}

/// Implicit tokens may call this (§4, §11 #2). Always 202 with an empty body.
pub async fn request_code(
    _caller: Caller,
    State(emu): State<Shared>,
    Ids((realm_id, profile_id)): Ids<(String, String)>,
    headers: HeaderMap,
    RawBody(body): RawBody,
) -> Result<Response, ApiError> {
    let profile = {
        let world = emu.world();
        check_realm(&world, &realm_id)?;
        find_profile(&world, &profile_id)?
    };
    // The body is `data`-wrapped with an underscored type (§11 #3, #16).
    let data = json_data(&headers, &body, "one_time_password_token_request")?;
    let username = required_str(&data, "username")?;
    let purpose = Purpose::parse(required_str(&data, "purpose")?).ok_or_else(|| {
        ApiError::bad_request("Validation failed: field 'purpose' must be 'reset_password' or 'passwordless_authentication'")
    })?;
    // UNCONFIRMED in the reference (§4 "possibly OTP is not enabled"): 422 is its suggestion.
    if !profile.enable_one_time_password_token {
        return Err(ApiError::unprocessable(
            "One-time password tokens are not enabled for this password profile",
        ));
    }

    let mut world = emu.world();
    // UNCONFIRMED (§4): an unknown username gets the same 202 and no event, so
    // nobody can learn which usernames exist.
    let Some((user, info)) = world.find_login(&profile, username) else {
        return Ok(StatusCode::ACCEPTED.into_response());
    };
    let (user_id, user_name, email) = (user.id.clone(), user.name.clone(), user.email.clone());
    let (info_id, stored_username) = (info.id.clone(), info.username.clone());
    let code = world.next_codes.pop_front().unwrap_or_else(random_code);
    let now_ms = world.now_ms();
    // One live code per user and profile: a new request replaces (invalidates) the old
    // one. Single use is enforced at the exchange (§11 #12's working assumption).
    world.codes.insert(
        info_id.clone(),
        IssuedCode {
            code: code.clone(),
            expires_ms: now_ms.saturating_add(CODE_TTL_MS),
        },
    );

    let request = CodeRequest {
        store_id: &emu.store.store_id,
        realm_id: &realm_id,
        password_profile_id: &profile.id,
        purpose,
        code: &code,
        user_id: &user_id,
        user_name: &user_name,
        email: &email,
        info_id: &info_id,
        username: &stored_username,
        now_ms,
    };
    let delivered_to = format!("{}/__emulator/outbox", emu.config.api_url);
    let event = request.event(
        &uuid::Uuid::new_v4().to_string(),
        &emu.store.integration,
        &delivered_to,
    );
    let entry = request.entry(event, &emu.config.app_url);
    // The one deliberate log of a code: this is the emulator's "mail server".
    eprintln!(
        "outbox: {} code for {} -> {}",
        purpose.as_str(),
        entry.to,
        entry.link
    );
    world.outbox.push(entry);
    Ok(StatusCode::ACCEPTED.into_response())
}

pub(super) fn info_json(info: &ProfileInfo, base: &str, realm_id: &str, uai_id: &str) -> Value {
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

/// `{"data": …, "links": {"self": …}}`, the shape of every single-resource answer.
pub(super) fn single_with(status: StatusCode, data: Value) -> Response {
    let links = data["links"].clone();
    json_response(status, &json!({ "data": data, "links": links }))
}

fn single(data: Value) -> Response {
    single_with(StatusCode::OK, data)
}

/// Implicit + the member's own account-management token may list their entries
/// while self management is `update_only` (§6.1, the settings description).
pub async fn list_infos(
    caller: Caller,
    State(emu): State<Shared>,
    Ids((realm_id, uai_id)): Ids<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let world = emu.world();
    authorize_member(&caller, &headers, &emu, &world, &uai_id, true)?;
    check_realm(&world, &realm_id)?;
    let user = world
        .user(&uai_id)
        .ok_or_else(|| ApiError::not_found("User authentication info not found"))?;
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
        .ok_or_else(|| ApiError::not_found("User authentication password profile info not found"))
}

pub async fn get_info(
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

/// Set a new password (§6.3). The body superset of §6.3 is accepted.
pub async fn update_info(
    caller: Caller,
    State(emu): State<Shared>,
    Ids((realm_id, uai_id, info_id)): Ids<(String, String, String)>,
    headers: HeaderMap,
    RawBody(body): RawBody,
) -> Result<Response, ApiError> {
    let profile_id = {
        let world = emu.world();
        authorize_member(&caller, &headers, &emu, &world, &uai_id, true)?;
        find_info(&world, &realm_id, &uai_id, &info_id)?
            .password_profile_id
            .clone()
    };

    let data = json_data(&headers, &body, "user_authentication_password_profile_info")?;
    if let Some(id) = optional_str(&data, "id")? {
        if id != info_id {
            return Err(ApiError::bad_request(
                "Validation failed: field 'id' must match the id in the path",
            ));
        }
    }
    // Not in the reference: a different profile id would move the login to another
    // profile, which this endpoint cannot do; refusing it catches a client bug.
    if let Some(pp) = optional_str(&data, "password_profile_id")? {
        if pp != profile_id {
            return Err(ApiError::bad_request(
                "Validation failed: field 'password_profile_id' must be this info's password profile",
            ));
        }
    }
    let username = optional_str(&data, "username")?;
    if username == Some("") {
        return Err(ApiError::bad_request(
            "Validation failed: field 'username' must not be empty",
        ));
    }
    let password_hash = match optional_str(&data, "password")? {
        Some(p) if p.chars().count() < 8 => {
            return Err(ApiError::bad_request(
                "Validation failed: field 'password' must be at least 8 characters long",
            ))
        }
        Some(p) => Some(
            hash_password(p).map_err(|e| ApiError::status(StatusCode::INTERNAL_SERVER_ERROR, e))?,
        ),
        None => None,
    };

    let mut world = emu.world();
    let now = clock::iso_z(world.now_ms());
    if let Some(name) = username {
        let profile = find_profile(&world, &profile_id)?;
        let taken = world
            .find_login(&profile, name)
            .is_some_and(|(_, other)| other.id != info_id);
        if taken {
            return Err(ApiError::status(
                StatusCode::CONFLICT,
                "This username is already in use in this password profile",
            ));
        }
    }
    let info = world
        .users
        .iter_mut()
        .filter(|u| u.id == uai_id)
        .flat_map(|u| u.infos.iter_mut())
        .find(|i| i.id == info_id)
        .ok_or_else(|| {
            ApiError::not_found("User authentication password profile info not found")
        })?;
    if let Some(name) = username {
        info.username = name.to_string();
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

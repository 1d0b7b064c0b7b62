//! `POST /v2/account-members/tokens` (reference §5) and `GET /v2/account-members/{id}` (§8).

use super::{
    account_management_claims, authorize_member, base_url, json_data, required_str, Caller, Ids,
    RawBody,
};
use crate::auth::{sign_am_token, verify_password, AmClaims};
use crate::clock;
use crate::errors::{json_response, ApiError};
use crate::seed::Account;
use crate::state::Shared;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{json, Map, Value};

/// Exchange credentials for one account-management token per account of the member.
/// Every credential failure is the same 401 (§5.5: "do not reveal whether the username exists").
pub async fn create_tokens(
    _caller: Caller,
    State(emu): State<Shared>,
    headers: HeaderMap,
    RawBody(body): RawBody,
) -> Result<Response, ApiError> {
    let data = json_data(&headers, &body, "account_management_authentication_token")?;
    // The mechanism picks the request schema (§11 #18).
    let member_id = match required_str(&data, "authentication_mechanism")? {
        "passwordless" => passwordless(&emu, &data)?,
        "password" => password(&emu, &data)?,
        "account_management_authentication_token" => {
            let world = emu.world();
            let claims = account_management_claims(&headers, &emu, &world)?.ok_or_else(ApiError::unauthorized)?;
            world.user(&claims.sub).ok_or_else(ApiError::unauthorized)?.id.clone()
        }
        other => {
            return Err(ApiError::bad_request(format!(
                "Validation failed: authentication_mechanism '{other}' is not supported by the emulator \
                 (use passwordless, password or account_management_authentication_token)"
            )))
        }
    };
    Ok(json_response(
        StatusCode::CREATED,
        &issue_tokens(&emu, &member_id, &base_url(&headers))?,
    ))
}

/// A code must be the user's current one for the profile, unexpired and unused;
/// it is compared exactly and spent on success. A wrong guess does not spend it.
fn passwordless(emu: &Shared, data: &Map<String, Value>) -> Result<String, ApiError> {
    let profile_id = required_str(data, "password_profile_id")?;
    let username = required_str(data, "username")?;
    let code = required_str(data, "one_time_password_token")?;
    let mut world = emu.world();
    let profile = world
        .profile(profile_id)
        .cloned()
        .ok_or_else(ApiError::unauthorized)?;
    let (user, info) = world
        .find_login(&profile, username)
        .ok_or_else(ApiError::unauthorized)?;
    let (member_id, info_id) = (user.id.clone(), info.id.clone());
    let now = world.now_ms();
    match world.codes.get(&info_id) {
        Some(issued) if issued.code == code && now < issued.expires_ms => {
            world.codes.remove(&info_id);
            Ok(member_id)
        }
        _ => Err(ApiError::unauthorized()),
    }
}

fn password(emu: &Shared, data: &Map<String, Value>) -> Result<String, ApiError> {
    let profile_id = required_str(data, "password_profile_id")?;
    let username = required_str(data, "username")?;
    let password = required_str(data, "password")?;
    let (member_id, hash) = {
        let world = emu.world();
        let profile = world
            .profile(profile_id)
            .ok_or_else(ApiError::unauthorized)?;
        let (user, info) = world
            .find_login(profile, username)
            .ok_or_else(ApiError::unauthorized)?;
        (user.id.clone(), info.password_hash.clone())
    };
    if verify_password(password, &hash) {
        Ok(member_id)
    } else {
        Err(ApiError::unauthorized())
    }
}

/// The 201 body of §5.3, with a fresh JWT (§5.4) for each of the member's accounts.
///
/// A member without any account (one created through `user-authentication-info`)
/// gets one, named after them, when `auto_create_account_for_account_members` is on:
/// the setting "automatically create[s] an account for each new account member, using
/// the account member's name as the account name". Without it, `data` is empty (§5.3).
fn issue_tokens(emu: &Shared, member_id: &str, base: &str) -> Result<Value, ApiError> {
    let mut world = emu.world();
    let auto_create = world.settings.auto_create_account_for_account_members;
    let user = world
        .users
        .iter_mut()
        .find(|u| u.id == member_id)
        .ok_or_else(ApiError::unauthorized)?;
    if user.accounts.is_empty() && auto_create {
        user.accounts.push(Account {
            id: uuid::Uuid::new_v4().to_string(),
            name: user.name.clone(),
        });
    }
    let user = world.user(member_id).ok_or_else(ApiError::unauthorized)?;
    let settings = &world.settings;
    let now_ms = world.now_ms();
    let lifetime_ms = i64::try_from(settings.account_management_authentication_token_timeout_secs)
        .unwrap_or(i64::MAX / 1000)
        .saturating_mul(1000);
    let expires_ms = now_ms.saturating_add(lifetime_ms);
    let data: Vec<Value> = user
        .accounts
        .iter()
        .map(|account| {
            let claims = AmClaims {
                sub: user.id.clone(),
                scope: account.id.clone(),
                realm_id: settings.authentication_realm_id.clone(),
                store_id: emu.store.store_id.clone(),
                account_member_self_management: settings
                    .account_member_self_management
                    .as_str()
                    .into(),
                ancestors: String::new(),
                iat: now_ms / 1000,
                exp: expires_ms / 1000,
            };
            json!({
                "type": "account_management_authentication_token",
                "account_id": account.id,
                "account_name": account.name,
                "token": sign_am_token(&emu.jwt_key, &claims),
                "expires": clock::iso_z(expires_ms),
            })
        })
        .collect();
    let mut body = super::list_body(data, 20, &format!("{base}/v2/account-members/tokens"));
    body["meta"]["account_member_id"] = json!(user.id);
    Ok(body)
}

/// The member's name and e-mail: implicit + their own token, or client_credentials (§8).
pub async fn get_member(
    caller: Caller,
    State(emu): State<Shared>,
    Ids(member_id): Ids<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let world = emu.world();
    authorize_member(&caller, &headers, &emu, &world, &member_id, false)?;
    let user = world
        .user(&member_id)
        .ok_or_else(|| ApiError::not_found("Account member not found"))?;
    let base = base_url(&headers);
    Ok(json_response(
        StatusCode::OK,
        &json!({
            "data": {
                "type": "account_member",
                "id": user.id,
                "name": user.name,
                "email": user.email,
                "meta": { "timestamps": { "created_at": emu.store.created_at, "updated_at": emu.store.created_at } },
                "links": { "self": format!("{base}/v2/account-members/{}", user.id) },
            }
        }),
    ))
}

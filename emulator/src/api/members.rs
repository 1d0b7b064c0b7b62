//! `POST /v2/account-members/tokens` (docs/commerce-api.md §5) and
//! `GET /v2/account-members/{id}` (docs/commerce-api.md §8).

use crate::auth::{sign_am_token, verify_password, AmClaims};
use crate::clock;
use crate::http::access::{account_management_claims, authorize_member};
use crate::http::body::Field;
use crate::http::error::ApiError;
use crate::http::extract::{Caller, Ids, JsonApi, JsonApiData};
use crate::http::response::{base_url, json_response, list_body};
use crate::seed::Account;
use crate::state::Shared;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use serde_json::{json, Value};

/// `POST /v2/account-members/tokens` and `GET /v2/account-members/{member_id}`.
pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/v2/account-members/tokens", post(create_tokens))
        .route("/v2/account-members/{member_id}", get(get_member))
}

/// An `account_management_authentication_token` request: the mechanism picks which
/// of the other fields it needs (docs/commerce-api.md §11 #18), so they are all here.
#[derive(Default, Deserialize)]
#[serde(default)]
struct TokenRequest {
    authentication_mechanism: Field<String>,
    password_profile_id: Field<String>,
    username: Field<String>,
    one_time_password_token: Field<String>,
    password: Field<String>,
}

impl JsonApiData for TokenRequest {
    const TYPE: &'static str = "account_management_authentication_token";
}

/// Exchange credentials for one account-management token per account of the member.
/// Every credential failure is the same 401 (docs/commerce-api.md §5.5: "do not
/// reveal whether the username exists").
async fn create_tokens(
    _caller: Caller,
    State(emu): State<Shared>,
    headers: HeaderMap,
    JsonApi(mut req): JsonApi<TokenRequest>,
) -> Result<Response, ApiError> {
    let mechanism =
        std::mem::take(&mut req.authentication_mechanism).required("authentication_mechanism")?;
    let member_id = match mechanism.as_str() {
        "passwordless" => passwordless(&emu, req)?,
        "password" => password(&emu, req)?,
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
fn passwordless(emu: &Shared, req: TokenRequest) -> Result<String, ApiError> {
    let profile_id = req.password_profile_id.required("password_profile_id")?;
    let username = req.username.required("username")?;
    let code = req
        .one_time_password_token
        .required("one_time_password_token")?;
    let mut world = emu.world();
    let profile = world
        .profile(&profile_id)
        .cloned()
        .ok_or_else(ApiError::unauthorized)?;
    let (user, info) = world
        .find_login(&profile, &username)
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

fn password(emu: &Shared, req: TokenRequest) -> Result<String, ApiError> {
    let profile_id = req.password_profile_id.required("password_profile_id")?;
    let username = req.username.required("username")?;
    let password = req.password.required("password")?;
    let (member_id, hash) = {
        let world = emu.world();
        let profile = world
            .profile(&profile_id)
            .ok_or_else(ApiError::unauthorized)?;
        let (user, info) = world
            .find_login(profile, &username)
            .ok_or_else(ApiError::unauthorized)?;
        (user.id.clone(), info.password_hash.clone())
    };
    if verify_password(&password, &hash) {
        Ok(member_id)
    } else {
        Err(ApiError::unauthorized())
    }
}

/// The 201 body of docs/commerce-api.md §5.3, with a fresh JWT
/// (docs/commerce-api.md §5.4) for each of the member's accounts.
///
/// A member without any account (one created through `user-authentication-info`)
/// gets one, named after them, when `auto_create_account_for_account_members` is on:
/// the setting "automatically create\[s\] an account for each new account member, using
/// the account member's name as the account name". Without it, `data` is empty
/// (docs/commerce-api.md §5.3).
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
    let mut body = list_body(data, 20, &format!("{base}/v2/account-members/tokens"));
    body["meta"]["account_member_id"] = json!(user.id);
    Ok(body)
}

/// The member's name and e-mail: implicit + their own token, or client_credentials
/// (docs/commerce-api.md §8).
async fn get_member(
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

//! `GET` and `PUT /v2/settings/account-authentication` (docs/commerce-api.md §2).

use crate::http::access::require_client_credentials;
use crate::http::body::Field;
use crate::http::error::ApiError;
use crate::http::extract::{Caller, Deferred, JsonApi, JsonApiData};
use crate::http::response::{base_url, json_response};
use crate::seed::{SelfManagement, Settings};
use crate::state::Shared;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use serde_json::{json, Value};

/// `GET` and `PUT /v2/settings/account-authentication`.
pub fn routes() -> Router<Shared> {
    Router::new().route(
        "/v2/settings/account-authentication",
        get(get_settings).put(put_settings),
    )
}

/// The permissions table gives implicit tokens no access to settings
/// (docs/commerce-api.md §0.8, §11 #1), so the emulator refuses them: the app must
/// have the realm id configured.
async fn get_settings(
    caller: Caller,
    State(emu): State<Shared>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    require_client_credentials(&caller, "read account authentication settings")?;
    let settings = emu.world().settings.clone();
    Ok(json_response(
        StatusCode::OK,
        &settings_json(&settings, &base_url(&headers)),
    ))
}

/// The writable settings of a `PUT` body; any may be left out.
#[derive(Default, Deserialize)]
#[serde(default)]
struct SettingsBody {
    enable_self_signup: Field<bool>,
    auto_create_account_for_account_members: Field<bool>,
    account_member_self_management: Field<String>,
    account_management_authentication_token_timeout_secs: Field<u64>,
}

impl JsonApiData for SettingsBody {
    const TYPE: &'static str = "account_authentication_settings";
}

/// Change any of the four writable settings; the others stay as they are. 200 with
/// the same body as `GET` (spec `put-v2-settings-account-authentication`).
async fn put_settings(
    caller: Caller,
    State(emu): State<Shared>,
    headers: HeaderMap,
    body: Deferred<JsonApi<SettingsBody>>,
) -> Result<Response, ApiError> {
    require_client_credentials(&caller, "change account authentication settings")?;
    let JsonApi(body) = body.into_result()?;
    let self_signup = body.enable_self_signup.optional("enable_self_signup")?;
    let auto_create = body
        .auto_create_account_for_account_members
        .optional("auto_create_account_for_account_members")?;
    let self_management = body
        .account_member_self_management
        .optional("account_member_self_management")?
        .map(|value| {
            SelfManagement::parse(&value).ok_or_else(|| {
                ApiError::bad_request(
                    "Validation failed: field 'account_member_self_management' must be 'disabled' or 'update_only'",
                )
            })
        })
        .transpose()?;
    let timeout = match body.account_management_authentication_token_timeout_secs {
        Field::Absent => None,
        Field::Value(secs) if secs > 0 => Some(secs),
        Field::Value(_) | Field::Invalid => {
            return Err(ApiError::bad_request(
                "Validation failed: field 'account_management_authentication_token_timeout_secs' must be a positive integer",
            ))
        }
    };

    let mut world = emu.world();
    let settings = &mut world.settings;
    if let Some(value) = self_signup {
        settings.enable_self_signup = value;
    }
    if let Some(value) = auto_create {
        settings.auto_create_account_for_account_members = value;
    }
    if let Some(value) = self_management {
        settings.account_member_self_management = value;
    }
    if let Some(value) = timeout {
        settings.account_management_authentication_token_timeout_secs = value;
    }
    let settings = settings.clone();
    drop(world);
    Ok(json_response(
        StatusCode::OK,
        &settings_json(&settings, &base_url(&headers)),
    ))
}

/// The `data`-wrapped settings, as the docs' example has them
/// (docs/commerce-api.md §2, §11 #17).
fn settings_json(s: &Settings, base: &str) -> Value {
    json!({
        "data": {
            "id": s.id,
            "type": "account_authentication_settings",
            "enable_self_signup": s.enable_self_signup,
            "auto_create_account_for_account_members": s.auto_create_account_for_account_members,
            "account_member_self_management": s.account_member_self_management.as_str(),
            "account_management_authentication_token_timeout_secs": s.account_management_authentication_token_timeout_secs,
            "relationships": {
                "authentication_realm": {
                    "data": {
                        "id": s.authentication_realm_id,
                        "type": "authentication_realm",
                        "links": { "self": format!("{base}/v2/authentication-realms/{}", s.authentication_realm_id) },
                    }
                }
            },
            "meta": { "client_id": s.meta_client_id },
            "links": { "self": format!("{base}/v2/account_authentication_settings") },
        }
    })
}

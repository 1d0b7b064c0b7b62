//! `GET` and `PUT /v2/settings/account-authentication` (reference §2).

use super::{base_url, json_data, optional_bool, optional_str, require_client_credentials};
use super::{Caller, RawBody};
use crate::errors::{json_response, ApiError};
use crate::seed::{SelfManagement, Settings};
use crate::state::Shared;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};

/// The permissions table gives implicit tokens no access to settings (§0.8, §11 #1),
/// so the emulator refuses them: the app must have the realm id configured.
pub async fn get_settings(
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

/// Change any of the four writable settings; the others stay as they are. 200 with
/// the same body as `GET` (spec `put-v2-settings-account-authentication`).
pub async fn put_settings(
    caller: Caller,
    State(emu): State<Shared>,
    headers: HeaderMap,
    RawBody(body): RawBody,
) -> Result<Response, ApiError> {
    require_client_credentials(&caller, "change account authentication settings")?;
    let data = json_data(&headers, &body, "account_authentication_settings")?;
    let self_signup = optional_bool(&data, "enable_self_signup")?;
    let auto_create = optional_bool(&data, "auto_create_account_for_account_members")?;
    let self_management = optional_str(&data, "account_member_self_management")?
        .map(|value| {
            SelfManagement::parse(value).ok_or_else(|| {
                ApiError::bad_request(
                    "Validation failed: field 'account_member_self_management' must be 'disabled' or 'update_only'",
                )
            })
        })
        .transpose()?;
    let timeout = match data.get("account_management_authentication_token_timeout_secs") {
        None | Some(Value::Null) => None,
        Some(value) => Some(value.as_u64().filter(|secs| *secs > 0).ok_or_else(|| {
            ApiError::bad_request(
                "Validation failed: field 'account_management_authentication_token_timeout_secs' must be a positive integer",
            )
        })?),
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

/// The `data`-wrapped settings, as the docs' example has them (§2, §11 #17).
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

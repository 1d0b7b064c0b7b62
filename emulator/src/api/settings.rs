//! `GET /v2/settings/account-authentication` (reference §2).

use super::{base_url, Caller};
use crate::auth::AccessKind;
use crate::errors::{json_response, ApiError};
use crate::state::Shared;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::json;

/// The permissions table gives implicit tokens no access to settings (§0.8, §11 #1),
/// so the emulator refuses them: the app must have the realm id configured.
pub async fn get_settings(
    caller: Caller,
    State(emu): State<Shared>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    if caller.0 != AccessKind::ClientCredentials {
        return Err(ApiError::forbidden(
            "An implicit token may not read account authentication settings",
        ));
    }
    let base = base_url(&headers);
    let s = emu.world().settings.clone();
    Ok(json_response(
        StatusCode::OK,
        &json!({
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
        }),
    ))
}

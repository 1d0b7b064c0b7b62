//! Who may call what: client_credentials-only administration, and the
//! account-management token that lets an implicit token act for one member.

use super::error::ApiError;
use super::extract::Caller;
use crate::auth::{verify_am_token, AccessKind, AmClaims};
use crate::seed::SelfManagement;
use crate::state::{Shared, World};
use axum::http::{HeaderMap, StatusCode};

/// The header that carries an account-management token beside the bearer token.
pub const AM_TOKEN_HEADER: &str = "EP-Account-Management-Authentication-Token";

/// Store administration (settings, profiles, users, integrations) is for
/// client_credentials tokens only: the permissions table gives implicit tokens no
/// write access there and no access at all to settings and integrations
/// (docs/commerce-api.md §0.8), so a valid implicit token is refused with 403
/// `An implicit token may not {action}`.
pub fn require_client_credentials(caller: &Caller, action: &str) -> Result<(), ApiError> {
    if caller.0 == AccessKind::ClientCredentials {
        Ok(())
    } else {
        Err(ApiError::forbidden(format!(
            "An implicit token may not {action}"
        )))
    }
}

/// Who may act on member `member_id`'s own resources.
///
/// A client_credentials token may do anything. An implicit token needs the
/// member's account-management token beside it (docs/commerce-api.md §6.3, §8).
/// Status choices where the document only infers (docs/commerce-api.md §6.3 "403
/// (or 401)"): following docs/commerce-api.md §0.4, a token that is bad or expired
/// is 401 (it could not be validated); a missing token, another member's token, or
/// `account_member_self_management` not `update_only` (when `needs_self_management`)
/// is 403 (the bearer is valid but lacks permission).
pub fn authorize_member(
    caller: &Caller,
    headers: &HeaderMap,
    emu: &Shared,
    world: &World,
    member_id: &str,
    needs_self_management: bool,
) -> Result<(), ApiError> {
    if caller.0 == AccessKind::ClientCredentials {
        return Ok(());
    }
    let claims = account_management_claims(headers, emu, world)?.ok_or_else(|| {
        ApiError::forbidden(format!(
            "An implicit token needs the {AM_TOKEN_HEADER} header for this call"
        ))
    })?;
    if needs_self_management
        && world.settings.account_member_self_management != SelfManagement::UpdateOnly
    {
        return Err(ApiError::forbidden(
            "Account member self management is disabled for this store",
        ));
    }
    if claims.sub != member_id {
        return Err(ApiError::forbidden(
            "The account management authentication token belongs to another account member",
        ));
    }
    Ok(())
}

/// The claims of the `EP-Account-Management-Authentication-Token` header:
/// `Ok(None)` when absent, 401 when it is not a valid, unexpired token of this store.
pub fn account_management_claims(
    headers: &HeaderMap,
    emu: &Shared,
    world: &World,
) -> Result<Option<AmClaims>, ApiError> {
    let Some(value) = headers.get(AM_TOKEN_HEADER) else {
        return Ok(None);
    };
    value
        .to_str()
        .ok()
        .and_then(|token| verify_am_token(&emu.jwt_key, token.trim(), world.now_ms() / 1000))
        .filter(|claims| claims.store_id == emu.store.store_id)
        .map(Some)
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::UNAUTHORIZED,
                "Unauthorized",
                Some(
                    "The account management authentication token is invalid or has expired".into(),
                ),
            )
        })
}

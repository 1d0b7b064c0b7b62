//! Checks that several resources under `/v2/authentication-realms/{realmId}` make
//! the same way.

use crate::http::error::ApiError;
use crate::seed::PasswordProfile;
use crate::state::World;

/// `Ok` when `realm_id` is the store's authentication realm, else 404
/// "Authentication realm not found".
pub fn check_realm(world: &World, realm_id: &str) -> Result<(), ApiError> {
    if realm_id == world.settings.authentication_realm_id {
        Ok(())
    } else {
        Err(ApiError::not_found("Authentication realm not found"))
    }
}

/// A copy of the password profile `profile_id`, else 404 "Password profile not found".
pub fn find_profile(world: &World, profile_id: &str) -> Result<PasswordProfile, ApiError> {
    world
        .profile(profile_id)
        .cloned()
        .ok_or_else(|| ApiError::not_found("Password profile not found"))
}

/// Something `@` something: enough to catch a name typed into the e-mail field.
pub fn looks_like_email(value: &str) -> bool {
    value
        .split_once('@')
        .is_some_and(|(local, domain)| !local.is_empty() && !domain.is_empty())
}

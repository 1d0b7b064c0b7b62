//! The one-click links from the e-mail. Their parameters are read once, then removed from the
//! address bar. Opening a link never spends the code: e-mail scanners open links too.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::config::{is_valid_id, Config};
use crate::platform;

/// Query parameters of `/change_password` and `/passwordless` links (seed guide):
/// `username`, `token`, and optionally `password_profile_id`,
/// `user_authentication_password_profile_info_id`, `authentication_realm_id`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkParams {
    pub username: Option<String>,
    pub code: Option<String>,
    pub realm_id: Option<String>,
    pub profile_id: Option<String>,
    pub info_id: Option<String>,
}

/// The realm and profile for this flow: the link's ids take precedence over config.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlowIds {
    pub realm_id: String,
    pub profile_id: String,
    pub info_id: Option<String>,
}

impl LinkParams {
    /// Reads the current query once and scrubs it from the address bar.
    pub fn take() -> Self {
        let query = use_query_map().get_untracked();
        let text = |key: &str| {
            query
                .get(key)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let id = |key: &str| {
            let value = text(key)?;
            if is_valid_id(&value) {
                Some(value)
            } else {
                platform::warn(&format!(
                    "commerce-otp: ignoring the link's malformed {key}"
                ));
                None
            }
        };
        let params = Self {
            username: text("username"),
            code: text("token"),
            realm_id: id("authentication_realm_id"),
            profile_id: id("password_profile_id"),
            info_id: id("user_authentication_password_profile_info_id"),
        };
        platform::scrub_query();
        params
    }

    pub fn ids(&self, config: &Config) -> FlowIds {
        FlowIds {
            realm_id: self
                .realm_id
                .clone()
                .unwrap_or_else(|| config.realm_id.clone()),
            profile_id: self
                .profile_id
                .clone()
                .unwrap_or_else(|| config.password_profile_id.clone()),
            info_id: self.info_id.clone(),
        }
    }
}

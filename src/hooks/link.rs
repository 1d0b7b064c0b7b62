//! The one-click links from the e-mail. Their parameters are read once, then removed from the
//! address bar. Opening a link never spends the code: e-mail scanners open links too.

use leptos::prelude::*;
use leptos::Params;
use leptos_router::hooks::use_query;
use leptos_router::params::Params;

use crate::commerce::{PasswordProfileId, PasswordProfileInfoId, RealmId};
use crate::config::Config;
use crate::flows::FlowIds;
use crate::platform;

/// The query of `/change_password` and `/passwordless` links
/// (`docs/commerce-api.md` §9.2 and §9.3): `username`, `token`, and optionally the three ids.
/// Every field is optional: a page opened without a link has none.
#[derive(Params, Clone, Debug, Default, PartialEq)]
struct LinkQuery {
    username: Option<String>,
    token: Option<String>,
    authentication_realm_id: Option<String>,
    password_profile_id: Option<String>,
    user_authentication_password_profile_info_id: Option<String>,
}

/// What the page was opened with, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// The username the link names, trimmed; `None` when absent or blank.
    pub username: Option<String>,
    /// The one-time password token (the code) as the link has it; checked on submit.
    pub code: Option<String>,
    /// The link's ids where it has well-formed ones, else the configured ones.
    pub ids: FlowIds,
}

/// Reads the current query once, scrubs it from the address bar, and fills in from `config`
/// what the link does not say. A malformed id is ignored with a console warning.
pub fn use_link(config: &Config) -> Link {
    let query = use_query::<LinkQuery>().get_untracked().unwrap_or_default();
    platform::scrub_query();
    let text = |value: Option<String>| value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
    let id = |key: &str, value: Option<String>| {
        let value = text(value)?;
        let parsed = crate::commerce::ids::is_valid_id(&value).then_some(value);
        if parsed.is_none() {
            platform::warn(&format!(
                "commerce-otp: ignoring the link's malformed {key}"
            ));
        }
        parsed
    };
    let realm_id = id("authentication_realm_id", query.authentication_realm_id);
    let profile_id = id("password_profile_id", query.password_profile_id);
    let info_id = id(
        "user_authentication_password_profile_info_id",
        query.user_authentication_password_profile_info_id,
    );
    Link {
        username: text(query.username),
        code: text(query.token),
        ids: FlowIds {
            realm_id: realm_id.map_or_else(|| config.realm_id.clone(), RealmId::new),
            profile_id: profile_id.map_or_else(
                || config.password_profile_id.clone(),
                PasswordProfileId::new,
            ),
            info_id: info_id.map(PasswordProfileInfoId::new),
        },
    }
}

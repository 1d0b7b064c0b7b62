//! The one-click links from the e-mail. Their parameters were read once as the app started
//! (`flows::link`) and removed from the address bar; the first code page takes them. Opening
//! a link never spends the code: e-mail scanners open links too.

use crate::commerce::{PasswordProfileId, PasswordProfileInfoId, RealmId};
use crate::config::Config;
use crate::context::take_link;
use crate::flows::FlowIds;
use crate::platform;

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

/// Takes the link the app was opened with (nothing after the first code page took it), and
/// fills in from `config` what the link does not say. A malformed id is ignored with a
/// console warning.
pub fn use_link(config: &Config) -> Link {
    let query = take_link().unwrap_or_default();
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

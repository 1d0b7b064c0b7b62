//! The store the emulator starts with (and returns to on `/__emulator/reset`).
//! `seed/demo.json` is built in; `--seed PATH` loads another file of the same shape.
//! Passwords appear in plain text only here; they are hashed when the seed is loaded.

use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// The built-in demo store; the app's tests depend on its ids and values.
pub const DEMO_SEED_JSON: &str = include_str!("../seed/demo.json");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Seed {
    pub store_id: String,
    /// The public client id that `grant_type=implicit` accepts.
    pub client_id: String,
    /// `meta.created_at` of every seeded object.
    pub created_at: String,
    pub account_authentication_settings: Settings,
    pub password_profiles: Vec<PasswordProfile>,
    pub integration: Integration,
    pub users: Vec<SeedUser>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub id: String,
    pub enable_self_signup: bool,
    pub auto_create_account_for_account_members: bool,
    pub account_member_self_management: SelfManagement,
    pub account_management_authentication_token_timeout_secs: u64,
    pub authentication_realm_id: String,
    pub meta_client_id: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SelfManagement {
    Disabled,
    UpdateOnly,
}

impl SelfManagement {
    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "disabled" => Some(Self::Disabled),
            "update_only" => Some(Self::UpdateOnly),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Disabled => "disabled",
            Self::UpdateOnly => "update_only",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PasswordProfile {
    pub id: String,
    pub name: String,
    pub username_format: UsernameFormat,
    pub enable_one_time_password_token: bool,
    /// Set when created through the API; a seeded profile shows the seed's `created_at`.
    #[serde(skip)]
    pub created_at: Option<String>,
    /// Set when created or changed through the API.
    #[serde(skip)]
    pub updated_at: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UsernameFormat {
    Any,
    Email,
}

impl UsernameFormat {
    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "any" => Some(Self::Any),
            "email" => Some(Self::Email),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Any => "any",
            Self::Email => "email",
        }
    }

    /// Whether `given` names the stored username. E-mail usernames match
    /// case-insensitively (docs/commerce-api.md notes a known upper-case bug; we take the safe side).
    pub fn matches(self, stored: &str, given: &str) -> bool {
        match self {
            Self::Any => stored == given,
            Self::Email => stored.to_lowercase() == given.to_lowercase(),
        }
    }
}

/// The webhook integration named in each event. It always observes
/// `one-time-password-token-request.created`; with a `url` (the seed's, or
/// `--webhook-url`) the emulator also POSTs each event there (`crate::webhook`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Integration {
    pub id: String,
    pub name: String,
    pub description: String,
    /// Its `configuration.url`; `None`: the events go to the outbox only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Its `configuration.secret_key`, sent as `X-MOLTIN-SECRET-KEY`; never serialized.
    #[serde(default, skip_serializing)]
    pub secret_key: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedUser {
    /// The user-authentication-info id, which is also the account member id.
    pub id: String,
    pub name: String,
    pub email: String,
    pub accounts: Vec<Account>,
    pub password_profile_infos: Vec<SeedProfileInfo>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Account {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedProfileInfo {
    pub id: String,
    pub password_profile_id: String,
    pub username: String,
    pub password: String,
}

impl Seed {
    pub fn demo() -> Self {
        // The built-in seed is checked by a unit test, so this cannot fail in a release.
        Self::parse(DEMO_SEED_JSON).unwrap_or_else(|e| panic!("built-in demo seed is invalid: {e}"))
    }

    pub fn parse(text: &str) -> Result<Self, String> {
        let seed: Self = serde_json::from_str(text).map_err(|e| format!("seed: {e}"))?;
        seed.validate()?;
        Ok(seed)
    }

    fn validate(&self) -> Result<(), String> {
        if let Some(url) = &self.integration.url {
            if !(url.starts_with("http://") || url.starts_with("https://")) {
                return Err(format!("seed: integration url {url} is not an http(s) URL"));
            }
        }
        let profiles: HashSet<&str> = self
            .password_profiles
            .iter()
            .map(|p| p.id.as_str())
            .collect();
        let mut ids = HashSet::new();
        for user in &self.users {
            if !ids.insert(user.id.as_str()) {
                return Err(format!("seed: duplicate id {}", user.id));
            }
            for info in &user.password_profile_infos {
                if !ids.insert(info.id.as_str()) {
                    return Err(format!("seed: duplicate id {}", info.id));
                }
                if !profiles.contains(info.password_profile_id.as_str()) {
                    return Err(format!(
                        "seed: user {} refers to unknown password profile {}",
                        user.id, info.password_profile_id
                    ));
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_seed_parses() {
        let seed = Seed::demo();
        assert_eq!(seed.client_id, "emulator-demo-client");
        assert_eq!(seed.users.len(), 2);
    }

    #[test]
    fn rejects_unknown_profile_reference() {
        let text = DEMO_SEED_JSON.replace(
            "\"password_profile_id\": \"9a44bb7e-e377-4382-b36e-c8030aad1c2d\",\n          \"username\": \"john",
            "\"password_profile_id\": \"nope\",\n          \"username\": \"john",
        );
        assert!(Seed::parse(&text).is_err());
    }
}

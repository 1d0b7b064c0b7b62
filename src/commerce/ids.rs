//! The ids and tokens the client passes around, one type each, so that swapping two of them
//! does not compile. Commerce ids are UUIDs in every documented example
//! (`docs/commerce-api.md` §6.4); the client treats them as opaque strings.

use serde::{Deserialize, Serialize};

/// Whether `id` can stand in a request path as a Commerce id: 1–64 ASCII letters, digits and
/// dashes, at least one of them not a dash. Refuses `.`, `..`, `/`, `?`, `%`, so that an id
/// read from an e-mail link cannot leave its path segment.
pub fn is_valid_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && id.bytes().any(|b| b.is_ascii_alphanumeric())
}

macro_rules! commerce_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// An id as Commerce sent it (a response, or a value already checked).
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            /// An id from outside (config, a link): `None` unless [`is_valid_id`].
            pub fn parse(id: &str) -> Option<Self> {
                is_valid_id(id).then(|| Self(id.to_owned()))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }
    };
}

commerce_id!(
    /// `authentication_realm_id`: the store's account authentication realm
    /// (`docs/commerce-api.md` §2).
    RealmId
);
commerce_id!(
    /// `password_profile_id`: the password profile shoppers sign in with
    /// (`docs/commerce-api.md` §3).
    PasswordProfileId
);
commerce_id!(
    /// `user_authentication_password_profile_info_id`: one member's login in one password
    /// profile, whose password the reset changes (`docs/commerce-api.md` §6).
    PasswordProfileInfoId
);
commerce_id!(
    /// `account_member_id`: the account member, which is also their
    /// user-authentication-info id (`docs/commerce-api.md` §6.4).
    AccountMemberId
);

/// An Account Management Authentication Token (a JWT, `docs/commerce-api.md` §5.4): sent in
/// the `EP-Account-Management-Authentication-Token` header to act as the member. `Debug`
/// never prints it, so it cannot reach a log by accident.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AccountManagementToken(String);

impl AccountManagementToken {
    pub fn new(token: impl Into<String>) -> Self {
        Self(token.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl PartialEq<&str> for AccountManagementToken {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl std::fmt::Debug for AccountManagementToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AccountManagementToken(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert!(is_valid_id("3418c54e-d768-42c1-a9db-d7afd2a18452"));
        for bad in ["", "..", "-", "a/b", "a?b", "a%2F"] {
            assert!(!is_valid_id(bad), "{bad}");
            assert_eq!(RealmId::parse(bad), None);
        }
    }

    #[test]
    fn tokens_stay_out_of_debug_output() {
        let token = AccountManagementToken::new("header.payload.signature");
        assert!(!format!("{token:?}").contains("payload"));
    }
}

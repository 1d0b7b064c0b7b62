//! The one error type of the app. Each variant is something a page can explain in plain words;
//! `classify` turns an HTTP answer of a given call into one, and is a plain, tested function.

use serde::Deserialize;

use super::compat;

/// The Commerce calls this app makes; the same status means different things for each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operation {
    ImplicitToken,
    RequestCode,
    ExchangeCode,
    PasswordSignIn,
    ListPasswordProfileInfos,
    UpdatePassword,
}

/// A store set-up problem: the shopper can do nothing about it, the shop can.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetupProblem {
    /// `401` on `/oauth/access_token`: the `client_id` in config.json is not this store's.
    UnknownClientId,
    /// `422` on the code request: the password profile does not have
    /// `enable_one_time_password_token`.
    OneTimeCodesDisabled,
    /// `404` for realm or password profile ids.
    UnknownRealmOrProfile,
    /// `account_member_self_management` is not `update_only`.
    SelfManagementDisabled,
    /// The member has no password for this store's password profile.
    NoPasswordProfileInfo,
    /// A `403` the store's permissions explain.
    Forbidden,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CommerceError {
    /// The code was wrong, already used or expired. Commerce does not say which (reference §5.5).
    CodeRejected,
    /// Username or password did not match.
    CredentialsRejected,
    /// Commerce refused the new password, with its reason when it gave one.
    PasswordRejected { detail: Option<String> },
    /// Signed in, but the member belongs to no account.
    NoAccounts,
    /// The store is not set up for this flow.
    Setup(SetupProblem),
    /// Too many requests, even after waiting and trying again.
    RateLimited,
    /// No answer: offline, DNS, CORS or the server is down.
    Network,
    /// Commerce answered `5xx`.
    Server { status: u16 },
    /// Any other answer, kept for the console and the support team.
    Unexpected { status: u16, detail: Option<String> },
    /// A success status with a body this app cannot read.
    Decode(String),
}

impl std::fmt::Display for CommerceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CommerceError::CodeRejected => f.write_str("code rejected"),
            CommerceError::CredentialsRejected => f.write_str("credentials rejected"),
            CommerceError::PasswordRejected { detail } => {
                write!(
                    f,
                    "password rejected: {}",
                    detail.as_deref().unwrap_or("no detail")
                )
            }
            CommerceError::NoAccounts => f.write_str("member has no account"),
            CommerceError::Setup(problem) => write!(f, "store set-up: {problem:?}"),
            CommerceError::RateLimited => f.write_str("rate limited (429)"),
            CommerceError::Network => f.write_str("network error"),
            CommerceError::Server { status } => write!(f, "server error {status}"),
            CommerceError::Unexpected { status, detail } => {
                write!(
                    f,
                    "unexpected {status}: {}",
                    detail.as_deref().unwrap_or("no detail")
                )
            }
            CommerceError::Decode(message) => write!(f, "unreadable response: {message}"),
        }
    }
}

impl std::error::Error for CommerceError {}

/// One entry of a JSON:API `errors` array. `status` is a string in some specs and a number in
/// others (reference §0.4), so it is read as either.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
pub struct ApiErrorItem {
    #[serde(default, deserialize_with = "string_or_number")]
    pub status: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub detail: Option<String>,
}

#[derive(Deserialize)]
struct ErrorBody {
    #[serde(default)]
    errors: Vec<ApiErrorItem>,
}

fn string_or_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Option::<serde_json::Value>::deserialize(d)? {
        Some(serde_json::Value::String(s)) => Some(s),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        _ => None,
    })
}

/// Reads a JSON:API error body; anything else (HTML from a proxy, empty) gives no items.
pub fn parse_error_items(body: &str) -> Vec<ApiErrorItem> {
    serde_json::from_str::<ErrorBody>(body)
        .map(|b| b.errors)
        .unwrap_or_default()
}

fn first_detail(items: &[ApiErrorItem]) -> Option<String> {
    items
        .iter()
        .find_map(|e| e.detail.clone().or_else(|| e.title.clone()))
}

/// Turns a non-2xx answer to `operation` into the error a page shows. Branches on the HTTP
/// status, not on the body, which is only used for details (reference §0.4).
pub fn classify(operation: Operation, status: u16, body: &str) -> CommerceError {
    use CommerceError as E;
    use Operation as Op;
    let items = parse_error_items(body);
    match (operation, status) {
        (_, 429) => E::RateLimited,
        (_, 500..=599) => E::Server { status },
        (Op::ImplicitToken, 400 | 401) => E::Setup(SetupProblem::UnknownClientId),
        (Op::RequestCode, 422) => E::Setup(SetupProblem::OneTimeCodesDisabled),
        (Op::RequestCode | Op::ListPasswordProfileInfos | Op::UpdatePassword, 404) => {
            E::Setup(SetupProblem::UnknownRealmOrProfile)
        }
        // Any other 4xx from the exchange means the code or password did not work; Commerce
        // does not document which status (reference §5.5), and must not reveal whether the
        // username exists.
        (Op::ExchangeCode, 400..=499) => E::CodeRejected,
        (Op::PasswordSignIn, 400..=499) => E::CredentialsRejected,
        (Op::UpdatePassword, 400 | 422) => E::PasswordRejected {
            detail: first_detail(&items),
        },
        (Op::UpdatePassword | Op::ListPasswordProfileInfos, 401 | 403)
            if compat::PASSWORD_UPDATE_DENIED_MEANS_SELF_MANAGEMENT_OFF =>
        {
            E::Setup(SetupProblem::SelfManagementDisabled)
        }
        (_, 403) => E::Setup(SetupProblem::Forbidden),
        _ => E::Unexpected {
            status,
            detail: first_detail(&items),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_status_as_string_or_number() {
        let items = parse_error_items(
            r#"{"errors":[{"status":"400","title":"Bad Request","detail":"x"},{"status":401,"title":"Unauthorized"}]}"#,
        );
        assert_eq!(items[0].status.as_deref(), Some("400"));
        assert_eq!(items[1].status.as_deref(), Some("401"));
        assert_eq!(items[1].detail, None);
    }

    #[test]
    fn non_json_error_bodies_give_no_items() {
        assert!(parse_error_items("<html>Bad gateway</html>").is_empty());
        assert!(parse_error_items("").is_empty());
    }

    #[test]
    fn any_4xx_from_the_exchange_is_a_rejected_code() {
        for status in [400, 401, 403, 404, 422] {
            assert_eq!(
                classify(Operation::ExchangeCode, status, ""),
                CommerceError::CodeRejected
            );
        }
        assert_eq!(
            classify(Operation::PasswordSignIn, 401, ""),
            CommerceError::CredentialsRejected
        );
    }

    #[test]
    fn rate_limit_and_server_errors_win_over_the_operation() {
        assert_eq!(
            classify(Operation::ExchangeCode, 429, ""),
            CommerceError::RateLimited
        );
        assert_eq!(
            classify(Operation::RequestCode, 503, ""),
            CommerceError::Server { status: 503 }
        );
    }

    #[test]
    fn setup_problems_are_named() {
        assert_eq!(
            classify(
                Operation::ImplicitToken,
                401,
                r#"{"errors":[{"title":"Unauthorized"}]}"#
            ),
            CommerceError::Setup(SetupProblem::UnknownClientId)
        );
        assert_eq!(
            classify(Operation::RequestCode, 422, ""),
            CommerceError::Setup(SetupProblem::OneTimeCodesDisabled)
        );
        assert_eq!(
            classify(Operation::UpdatePassword, 403, ""),
            CommerceError::Setup(SetupProblem::SelfManagementDisabled)
        );
    }

    #[test]
    fn a_refused_password_keeps_commerce_detail() {
        let body = r#"{"errors":[{"status":"400","title":"Bad Request","detail":"password must be at least 8 characters"}]}"#;
        assert_eq!(
            classify(Operation::UpdatePassword, 400, body),
            CommerceError::PasswordRejected {
                detail: Some("password must be at least 8 characters".into())
            }
        );
    }
}

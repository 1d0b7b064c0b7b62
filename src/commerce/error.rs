//! The one error type of the app. Each variant is something a page can explain in plain words;
//! `classify` turns an HTTP answer of a given call into one, and is a plain, tested function.

use serde::Deserialize;

use super::compat;
use super::http::StatusCode;

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

/// Why a call failed, as a page can explain it (`messages::explain` has the words). `Display`
/// is for the console of the shop's developers; it never holds a token or a code.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CommerceError {
    /// The code was wrong, already used or expired. Commerce does not say which
    /// (`docs/commerce-api.md` §5.5).
    #[error("code rejected")]
    CodeRejected,
    /// Username or password did not match.
    #[error("credentials rejected")]
    CredentialsRejected,
    /// Commerce refused the new password, with its reason when it gave one.
    #[error("password rejected: {}", detail.as_deref().unwrap_or("no detail"))]
    PasswordRejected { detail: Option<String> },
    /// Signed in, but the member belongs to no account.
    #[error("member has no account")]
    NoAccounts,
    /// The store is not set up for this flow.
    #[error("store set-up: {0:?}")]
    Setup(SetupProblem),
    /// Too many requests, even after waiting and trying again; Commerce's `Retry-After`, in
    /// seconds, when it sent one the browser could read.
    #[error("rate limited (429)")]
    RateLimited { retry_after_secs: Option<u32> },
    /// No answer: offline, DNS, CORS or the server is down.
    #[error("network error")]
    Network,
    /// No answer within the transport's time limit (`commerce::web::REQUEST_TIMEOUT_MS`); the
    /// request was aborted.
    #[error("timed out")]
    TimedOut,
    /// Commerce answered `5xx`.
    #[error("server error {}", status.as_u16())]
    Server { status: StatusCode },
    /// Any other answer, kept for the console and the support team.
    #[error("unexpected {}: {}", status.as_u16(), detail.as_deref().unwrap_or("no detail"))]
    Unexpected {
        status: StatusCode,
        detail: Option<String>,
    },
    /// A success status with a body this app cannot read.
    #[error("unreadable response: {0}")]
    Decode(String),
}

/// One entry of a JSON:API `errors` array. `status` is a string in some specs and a number in
/// others (`docs/commerce-api.md` §0.4), so it is read as either.
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
/// status, not on the body, which is only used for details (`docs/commerce-api.md` §0.4).
pub fn classify(operation: Operation, status: StatusCode, body: &str) -> CommerceError {
    use CommerceError as E;
    use Operation as Op;
    let items = parse_error_items(body);
    if status == StatusCode::TOO_MANY_REQUESTS {
        return E::RateLimited {
            retry_after_secs: None,
        };
    }
    if status.is_server_error() {
        return E::Server { status };
    }
    use StatusCode as S;
    match (operation, status) {
        (Op::ImplicitToken, S::BAD_REQUEST | S::UNAUTHORIZED) => {
            E::Setup(SetupProblem::UnknownClientId)
        }
        (Op::RequestCode, S::UNPROCESSABLE_ENTITY) => E::Setup(SetupProblem::OneTimeCodesDisabled),
        (Op::RequestCode | Op::ListPasswordProfileInfos | Op::UpdatePassword, S::NOT_FOUND) => {
            E::Setup(SetupProblem::UnknownRealmOrProfile)
        }
        // Any other 4xx from the exchange means the code or password did not work; Commerce
        // does not document which status (`docs/commerce-api.md` §5.5), and must not reveal
        // whether the username exists.
        (Op::ExchangeCode, _) if status.is_client_error() => E::CodeRejected,
        (Op::PasswordSignIn, _) if status.is_client_error() => E::CredentialsRejected,
        (Op::UpdatePassword, S::BAD_REQUEST | S::UNPROCESSABLE_ENTITY) => E::PasswordRejected {
            detail: first_detail(&items),
        },
        (Op::UpdatePassword | Op::ListPasswordProfileInfos, S::UNAUTHORIZED | S::FORBIDDEN)
            if compat::PASSWORD_UPDATE_DENIED_MEANS_SELF_MANAGEMENT_OFF =>
        {
            E::Setup(SetupProblem::SelfManagementDisabled)
        }
        (_, S::FORBIDDEN) => E::Setup(SetupProblem::Forbidden),
        _ => E::Unexpected {
            status,
            detail: first_detail(&items),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(status: u16) -> StatusCode {
        StatusCode::from_u16(status).unwrap()
    }

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
                classify(Operation::ExchangeCode, code(status), ""),
                CommerceError::CodeRejected
            );
        }
        assert_eq!(
            classify(Operation::PasswordSignIn, code(401), ""),
            CommerceError::CredentialsRejected
        );
    }

    #[test]
    fn rate_limit_and_server_errors_win_over_the_operation() {
        assert_eq!(
            classify(Operation::ExchangeCode, code(429), ""),
            CommerceError::RateLimited {
                retry_after_secs: None
            }
        );
        assert_eq!(
            classify(Operation::RequestCode, code(503), ""),
            CommerceError::Server { status: code(503) }
        );
    }

    #[test]
    fn setup_problems_are_named() {
        assert_eq!(
            classify(
                Operation::ImplicitToken,
                code(401),
                r#"{"errors":[{"title":"Unauthorized"}]}"#
            ),
            CommerceError::Setup(SetupProblem::UnknownClientId)
        );
        assert_eq!(
            classify(Operation::RequestCode, code(422), ""),
            CommerceError::Setup(SetupProblem::OneTimeCodesDisabled)
        );
        assert_eq!(
            classify(Operation::UpdatePassword, code(403), ""),
            CommerceError::Setup(SetupProblem::SelfManagementDisabled)
        );
    }

    #[test]
    fn a_refused_password_keeps_commerce_detail() {
        let body = r#"{"errors":[{"status":"400","title":"Bad Request","detail":"password must be at least 8 characters"}]}"#;
        assert_eq!(
            classify(Operation::UpdatePassword, code(400), body),
            CommerceError::PasswordRejected {
                detail: Some("password must be at least 8 characters".into())
            }
        );
    }
}

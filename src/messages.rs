//! Which message (`locales/en.ftl`) tells the shopper about each problem: the words are in
//! the catalogues, in every language (`i18n`).

use crate::commerce::{CommerceError, SetupProblem};
use crate::flows::validate::FieldError;
use crate::i18n::{Arg, Message};

/// What happened, in a heading and a sentence or two that say what to do next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    pub title: Message,
    pub text: Message,
}

/// The explanation of a failed call, for the error box under a form.
pub fn explain(error: &CommerceError) -> Explanation {
    use CommerceError as E;
    let (title, text) =
        match error {
            E::CodeRejected => (
                "error-code-rejected-title",
                Message::new("field-code-rejected"),
            ),
            E::CredentialsRejected => (
                "error-credentials-title",
                Message::new("error-credentials-text"),
            ),
            E::PasswordRejected { detail } => (
                "error-password-title",
                match detail {
                    Some(detail) => Message::new("error-password-detail")
                        .with("detail", Arg::Text(detail.clone())),
                    None => Message::new("error-password-text"),
                },
            ),
            E::NoAccounts => (
                "error-no-accounts-title",
                Message::new("error-no-accounts-text"),
            ),
            E::Setup(problem) => ("error-setup-title", Message::new(setup_text(*problem))),
            E::RateLimited { retry_after_secs } => (
                "error-rate-limited-title",
                match retry_after_secs {
                    Some(secs) => Message::new("error-rate-limited-wait")
                        .with("duration", Arg::Seconds(*secs)),
                    None => Message::new("error-rate-limited-text"),
                },
            ),
            E::Network => ("error-network-title", Message::new("error-network-text")),
            E::TimedOut => ("error-timeout-title", Message::new("error-timeout-text")),
            E::Server { .. } | E::Unexpected { .. } | E::Decode(_) => {
                ("error-server-title", Message::new("error-server-text"))
            }
        };
    Explanation {
        title: Message::new(title),
        text,
    }
}

/// The cause in words a shopper can pass on, and the shop can act on (README troubleshooting).
pub fn setup_text(problem: SetupProblem) -> &'static str {
    match problem {
        SetupProblem::UnknownClientId => "setup-unknown-client",
        SetupProblem::OneTimeCodesDisabled => "setup-codes-disabled",
        SetupProblem::UnknownRealmOrProfile => "setup-unknown-realm",
        SetupProblem::SelfManagementDisabled => "setup-self-management",
        SetupProblem::NoPasswordProfileInfo => "setup-no-password",
        SetupProblem::Forbidden => "setup-forbidden",
    }
}

/// The message under a field that failed its check.
pub fn field(error: FieldError) -> &'static str {
    match error {
        FieldError::UsernameMissing => "field-username-missing",
        FieldError::UsernameFormat => "field-username-format",
        FieldError::UsernameCharacters => "field-username-characters",
        FieldError::CodeMissing => "field-code-missing",
        FieldError::CodeLength => "field-code-length",
        FieldError::CodeCharacters => "field-code-characters",
        FieldError::CodeRejected => "field-code-rejected",
        FieldError::PasswordMissing => "field-password-missing",
        FieldError::PasswordTooShort => "field-password-too-short",
        FieldError::ConfirmationMissing => "field-confirmation-missing",
        FieldError::ConfirmationMismatch => "field-confirmation-mismatch",
    }
}

/// The confirmation after a code request, in words that do not tell whether the account
/// exists: `code-sent`, `code-resent` (the old code no longer works) or `code-recently-sent`
/// (none was sent; another may be asked for in `wait_secs`).
pub fn code_sent(key: &'static str, username: &str, wait_secs: Option<u32>) -> Message {
    let message = Message::new(key).with("username", Arg::Text(username.to_owned()));
    match wait_secs {
        Some(secs) => message.with("duration", Arg::Seconds(secs)),
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rejected_code_says_so_on_the_field() {
        assert_eq!(
            explain(&CommerceError::CodeRejected).text.key,
            field(FieldError::CodeRejected)
        );
    }

    #[test]
    fn server_details_do_not_reach_the_shopper() {
        let e = explain(&CommerceError::Unexpected {
            status: crate::commerce::http::StatusCode::IM_A_TEAPOT,
            detail: Some("internal trace".into()),
        });
        assert!(e.text.args.is_empty());
    }

    #[test]
    fn a_wait_is_said_in_the_shoppers_language() {
        let e = explain(&CommerceError::RateLimited {
            retry_after_secs: Some(120),
        });
        assert_eq!(e.text.args, [("duration", Arg::Seconds(120))]);
    }
}

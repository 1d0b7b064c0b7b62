//! Every sentence a shopper reads about a problem, in one place.

use crate::commerce::{CommerceError, SetupProblem};
use crate::flows::validate::FieldError;

/// What happened, in a heading and a sentence or two that say what to do next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    pub title: &'static str,
    pub text: String,
}

pub fn explain(error: &CommerceError) -> Explanation {
    use CommerceError as E;
    let (title, text): (&'static str, String) = match error {
        E::CodeRejected => (
            "That code didn't work",
            "The code is wrong, has already been used, or is more than 10 minutes old. \
             Check it, or send yourself a new one (below)."
                .into(),
        ),
        E::CredentialsRejected => (
            "We couldn't sign you in",
            "The e-mail address or password is not right. Check them and try again, or sign in \
             with a one-time code instead."
                .into(),
        ),
        E::PasswordRejected { detail } => (
            "Choose a different password",
            match detail {
                Some(detail) => format!("The store didn't accept this password: {detail}"),
                None => "The store didn't accept this password. Try a longer one.".into(),
            },
        ),
        E::NoAccounts => (
            "No account to sign in to",
            "Your sign-in worked, but you are not a member of any account in this store. \
             Please contact the store."
                .into(),
        ),
        E::Setup(problem) => (
            "This store isn't ready for this yet",
            setup_text(*problem).into(),
        ),
        E::RateLimited { retry_after_secs } => (
            "Too many attempts",
            match retry_after_secs {
                Some(secs) => format!(
                    "The store is busy with too many requests. Wait {}, then try again.",
                    duration(*secs)
                ),
                None => "The store is busy with too many requests. Wait a minute, then try \
                         again."
                    .into(),
            },
        ),
        E::Network => (
            "We couldn't reach the store",
            "Check your internet connection, then try again. Nothing you typed has been lost."
                .into(),
        ),
        E::TimedOut => (
            "The store took too long to answer",
            "Your connection may be slow, or the store busy. Try again in a moment. Nothing you \
             typed has been lost."
                .into(),
        ),
        E::Server { .. } | E::Unexpected { .. } | E::Decode(_) => (
            "Something went wrong on our side",
            "The store couldn't complete this just now. Please try again in a moment.".into(),
        ),
    };
    Explanation { title, text }
}

/// The cause in words a shopper can pass on, and the shop can act on (README troubleshooting).
pub fn setup_text(problem: SetupProblem) -> &'static str {
    match problem {
        SetupProblem::UnknownClientId => "The store's client id was not recognised (check `client_id` and `api_base` in config.json).",
        SetupProblem::OneTimeCodesDisabled => "One-time codes are switched off for this store's password profile (enable_one_time_password_token).",
        SetupProblem::UnknownRealmOrProfile => "The store's sign-in settings point at a realm or password profile that does not exist.",
        SetupProblem::SelfManagementDisabled => "The store doesn't let shoppers change their own password (account_member_self_management must be update_only).",
        SetupProblem::NoPasswordProfileInfo => "Your account has no password with this store's sign-in settings.",
        SetupProblem::Forbidden => "The store's permissions don't allow this.",
    }
}

pub fn field(error: FieldError) -> &'static str {
    match error {
        FieldError::UsernameMissing => "Enter your e-mail address.",
        FieldError::UsernameCharacters => {
            "The e-mail address has hidden characters in it (often from copying). Type it again."
        }
        FieldError::CodeMissing => "Enter the code from your e-mail.",
        FieldError::CodeLength => "The code has 6 characters.",
        FieldError::CodeCharacters => "The code has only letters and digits.",
        FieldError::PasswordMissing => "Enter a password.",
        FieldError::PasswordTooShort => "Use at least 8 characters.",
        FieldError::ConfirmationMissing => "Enter the new password again.",
        FieldError::ConfirmationMismatch => "The two passwords are not the same.",
    }
}

/// The confirmation after a code request: the same words whether or not the account exists.
/// A wait in words: "1 second", "45 seconds", "2 minutes" (rounded up past 90 seconds).
pub fn duration(secs: u32) -> String {
    match secs {
        1 => "1 second".into(),
        0..=90 => format!("{secs} seconds"),
        _ => format!("{} minutes", secs.div_ceil(60)),
    }
}

/// A new code went out in place of the last one.
pub fn code_resent(username: &str) -> String {
    format!(
        "If {username} has an account with us, we've sent a new code to its e-mail address. \
         The code sent before no longer works; the new one is valid for 10 minutes."
    )
}

/// A code was asked for again while the last one is fresh: none is sent.
pub fn code_recently_sent(username: &str, wait_secs: u32) -> String {
    format!(
        "If {username} has an account with us, we've just sent a code to its e-mail address: \
         use that one, valid for 10 minutes. You can ask for another in {}.",
        duration(wait_secs)
    )
}

pub fn code_sent(username: &str) -> String {
    format!(
        "If {username} has an account with us, we've sent a code to its e-mail address. \
         The code is valid for 10 minutes."
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rejected_code_offers_a_new_one() {
        assert!(explain(&CommerceError::CodeRejected)
            .text
            .contains("send yourself a new one"));
    }

    #[test]
    fn server_details_do_not_reach_the_shopper() {
        let e = explain(&CommerceError::Unexpected {
            status: crate::commerce::http::StatusCode::IM_A_TEAPOT,
            detail: Some("internal trace".into()),
        });
        assert!(!e.text.contains("trace"));
    }

    #[test]
    fn setup_problems_name_the_setting() {
        let e = explain(&CommerceError::Setup(SetupProblem::SelfManagementDisabled));
        assert!(e.text.contains("update_only"));
    }

    #[test]
    fn the_confirmation_does_not_say_whether_the_account_exists() {
        assert!(code_sent("nobody@example.com").starts_with("If nobody@example.com has an account"));
    }
}

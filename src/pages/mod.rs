//! One file per route, thin: read inputs, call a flow or the client, show the outcome.

mod account;
mod change_password;
mod config_problem;
mod links;
mod new_code;
mod not_found;
mod passwordless;
mod request_code;
mod sign_in;
mod start;

pub use account::{Account, ChooseAccount};
pub use change_password::{ChangePassword, PasswordChanged};
pub use config_problem::ConfigProblem;
pub use not_found::NotFound;
pub use passwordless::Passwordless;
pub use request_code::{ForgotPassword, RequestSignInCode};
pub use sign_in::SignIn;
pub use start::Start;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::flows::validate::FieldError;
use crate::session::Next;

/// Navigates after a successful sign-in; replaces the form in history so Back does not
/// return to a spent code.
fn go_after_sign_in(next: Next) {
    let path = match next {
        Next::SignedIn => "/account",
        Next::ChooseAccount => "/choose_account",
    };
    use_navigate()(
        path,
        NavigateOptions {
            replace: true,
            ..Default::default()
        },
    );
}

/// One field's check: the input's id, where its message shows, and what failed.
type FieldCheck = (
    &'static str,
    RwSignal<Option<FieldError>>,
    Option<FieldError>,
);

/// Shows the message of each failed check and focuses the first failed field.
/// Returns whether everything passed.
fn check_fields(checks: &[FieldCheck]) -> bool {
    let mut first = None;
    for (id, signal, error) in checks {
        signal.set(*error);
        if error.is_some() && first.is_none() {
            first = Some(*id);
        }
    }
    if let Some(id) = first {
        crate::platform::focus_element(id);
    }
    first.is_none()
}

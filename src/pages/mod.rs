//! One file per route, thin: read inputs, call a flow or the client, and do the follow-up in
//! the action's future, after the call.

mod account;
mod change_password;
mod config_problem;
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

use leptos_router::NavigateOptions;

use crate::routes;
use crate::session::Next;

/// Navigation that replaces the current entry in history, so Back does not return to a form
/// whose code or password has been used.
fn replace_history() -> NavigateOptions {
    NavigateOptions {
        replace: true,
        ..Default::default()
    }
}

/// Goes where a successful sign-in leads, with the `navigate` the page took as it opened.
fn go_after_sign_in(navigate: &impl Fn(&str, NavigateOptions), next: Next) {
    let path = match next {
        Next::SignedIn => routes::ACCOUNT,
        Next::ChooseAccount => routes::CHOOSE_ACCOUNT,
    };
    navigate(path, replace_history());
}

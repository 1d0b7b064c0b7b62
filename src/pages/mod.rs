//! One file per route, thin: read inputs, call a flow or the client, and do the follow-up in
//! the action's future, after the call.
//!
//! The steps a shopper reaches only after a call (choosing an account, signed in, the password
//! changed) are split points (`crate::lazy`): their code is fetched while the page before them
//! shows ([`preload_after_sign_in`], [`preload_after_reset`]), so the first form of every
//! entry (the start page, an e-mail link) does not wait for it.

mod account;
mod change_password;
mod config_problem;
mod not_found;
mod passwordless;
mod request_code;
mod sign_in;
mod start;

pub use account::{Account, ChooseAccount};
pub use change_password::ChangePassword;
pub use config_problem::ConfigProblem;
pub use not_found::NotFound;
pub use passwordless::Passwordless;
pub use request_code::{ForgotPassword, RequestSignInCode};
pub use sign_in::{PasswordChanged, SignIn};
pub use start::Start;
mod framing_refused;

pub use framing_refused::FramingRefused;

use leptos::prelude::*;

use crate::lazy::{split_point, Unloaded};
use crate::routes;

/// Whether `page` is a step reached only after a call (`routes::CHOOSE_ACCOUNT`, `ACCOUNT`,
/// `PASSWORD_CHANGED`), whose code is fetched apart.
pub fn is_later_step(page: &str) -> bool {
    [
        routes::CHOOSE_ACCOUNT,
        routes::ACCOUNT,
        routes::PASSWORD_CHANGED,
    ]
    .contains(&page)
}

/// The view of a later step (see [`is_later_step`]; any other shows as not found), once its
/// code is there: ready at the first poll when it is, else after fetching it; `Err` if that
/// failed. Poll it where the view belongs (in the view's reactive owner).
pub async fn later_step(page: &'static str) -> Result<AnyView, Unloaded> {
    match page {
        routes::CHOOSE_ACCOUNT => choose_account().await,
        routes::ACCOUNT => account().await,
        routes::PASSWORD_CHANGED => password_changed().await,
        _ => Ok(view! { <NotFound /> }.into_any()),
    }
}

/// Fetches the code of a later step without showing it; `Err` if it could not be fetched.
pub async fn preload_later_step(page: &'static str) -> Result<(), Unloaded> {
    match page {
        routes::CHOOSE_ACCOUNT => preload_choose_account().await.map_err(Unloaded::from),
        routes::ACCOUNT => preload_account().await.map_err(Unloaded::from),
        routes::PASSWORD_CHANGED => preload_password_changed().await.map_err(Unloaded::from),
        _ => Ok(()),
    }
}

/// Fetches, in the background, the steps a sign-in leads to; a failure is left for the step.
pub fn preload_after_sign_in() {
    leptos::task::spawn_local(async {
        let _ = futures::future::join(preload_choose_account(), preload_account()).await;
    });
}

/// Fetches, in the background, the steps a reset leads to (with `config.json`'s
/// `sign_in_after_reset`, a sign-in's too).
pub fn preload_after_reset(signs_in: bool) {
    leptos::task::spawn_local(async move {
        let _ = preload_password_changed().await;
    });
    if signs_in {
        preload_after_sign_in();
    }
}

split_point! { step_choose_account, preload_choose_account =>
    fn choose_account() -> AnyView { view! { <ChooseAccount /> }.into_any() }
}
split_point! { step_account, preload_account => fn account() -> AnyView { view! { <Account /> }.into_any() } }
split_point! { step_password_changed, preload_password_changed =>
    fn password_changed() -> AnyView { view! { <PasswordChanged /> }.into_any() }
}

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
pub use change_password::ChangePassword;
pub use config_problem::ConfigProblem;
pub use not_found::NotFound;
pub use passwordless::Passwordless;
pub use request_code::{ForgotPassword, RequestSignInCode};
pub use sign_in::{PasswordChanged, SignIn};
pub use start::Start;
mod framing_refused;

pub use framing_refused::FramingRefused;

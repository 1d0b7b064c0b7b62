//! The app's paths, one constant each: the router, links and navigation all use these.

/// Sign in with a password, with a code, or reset the password.
pub const START: &str = "/";
/// Username and password.
pub const SIGN_IN: &str = "/sign_in";
/// Request a code to reset the password.
pub const FORGOT_PASSWORD: &str = "/forgot_password";
/// Enter the code and a new password; the reset e-mail's link opens it.
pub const CHANGE_PASSWORD: &str = "/change_password";
/// The reset is done.
pub const PASSWORD_CHANGED: &str = "/password_changed";
/// Request a code to sign in without a password.
pub const SIGN_IN_WITH_CODE: &str = "/sign_in_with_code";
/// Enter the code to sign in; the passwordless e-mail's link opens it.
pub const PASSWORDLESS: &str = "/passwordless";
/// Pick one of several accounts after signing in.
pub const CHOOSE_ACCOUNT: &str = "/choose_account";
/// The signed-in shopper.
pub const ACCOUNT: &str = "/account";

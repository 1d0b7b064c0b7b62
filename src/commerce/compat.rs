//! Every choice that `docs/commerce-api.md` marks unconfirmed, or where its sources
//! disagree, lives here, so that checking one against a live store means changing one line.

/// JSON:API `type` of the one-time password token request. The docs, the JS SDK and epcc-cli use
/// underscores; the 2025 canonical spec says hyphens, which was reported wrong against the live
/// API (`docs/commerce-api.md` §4, §11 #3).
pub const OTP_REQUEST_TYPE: &str = "one_time_password_token_request";

/// JSON:API `type` of the password update body. One doc table says hyphens; every example uses
/// underscores (`docs/commerce-api.md` §6.3).
pub const PASSWORD_PROFILE_INFO_TYPE: &str = "user_authentication_password_profile_info";

/// Length of the codes Commerce sends. Every documented code has six characters
/// (`lprvj4`, `abd1g5`); the format is not a documented contract (`docs/commerce-api.md` §5.1).
pub const CODE_LENGTH: usize = 6;

/// Minimum password length documented for password profiles (`docs/commerce-api.md` §6.3).
pub const MIN_PASSWORD_LENGTH: usize = 8;

/// Renew the implicit token this many seconds before it expires.
pub const TOKEN_RENEW_MARGIN_SECS: f64 = 60.0;

/// Attempts in all for a call answered `429` (the JS SDK makes four, waiting `attempt × 1 s`).
pub const MAX_ATTEMPTS_ON_RATE_LIMIT: u32 = 3;

/// Normalises a username before every auth call. Public example code lowercases usernames
/// ("known bug for uppercase usernames"); whether the bug still exists is unconfirmed, and
/// lowercasing is only safe for e-mail style usernames (`docs/commerce-api.md` §4).
pub fn normalize_username(raw: &str) -> String {
    let trimmed = raw.trim();
    if trimmed.contains('@') {
        lowercase(trimmed)
    } else {
        trimmed.to_owned()
    }
}

/// Unicode lower case. In the browser JavaScript's own `toLowerCase` does it, which keeps
/// Rust's case-mapping tables (about 7 KB brotli) out of the download.
fn lowercase(text: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    return String::from(js_sys::JsString::from(text).to_lower_case());
    #[cfg(not(target_arch = "wasm32"))]
    return text.to_lowercase();
}

/// Normalises a code as typed or pasted: codes are lowercase ASCII alphanumerics, so case, spaces
/// and dashes a mail client or a person adds are dropped (`docs/commerce-api.md` §5.1). Anything
/// else is left for validation to refuse.
pub fn normalize_code(raw: &str) -> String {
    raw.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// What a `404` from the one-time password token request means. Unknown realm or profile is
/// documented; an unknown username *possibly* answers `404` as well (`docs/commerce-api.md` §4).
/// Telling the shopper "no such account" would tell a stranger which e-mail addresses have
/// accounts, so a `404` is told apart by reading the password profile (implicit tokens may read
/// `/authentication-realms`, `docs/commerce-api.md` §0.8): if the profile exists the code counts as
/// sent. With this `false`, every `404` counts as sent without that read.
pub const OTP_REQUEST_404_CHECKS_PROFILE: bool = true;

/// Whether a `401`/`403` on the password update means the store does not allow members to manage
/// themselves (`account_member_self_management` is `disabled`).
/// Inferred (`docs/commerce-api.md` §6.3).
pub const PASSWORD_UPDATE_DENIED_MEANS_SELF_MANAGEMENT_OFF: bool = true;

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

/// The longest `Retry-After` waited out before trying again unseen, in seconds; a longer one
/// is the shopper's to wait, told how long. Whether Commerce sends `Retry-After`, and exposes
/// it to browsers (CORS `Access-Control-Expose-Headers`), is unconfirmed; without it the
/// waits are `attempt × 1 s`.
pub const MAX_UNSEEN_RETRY_AFTER_SECS: u32 = 3;

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

/// Normalises a code as typed, pasted or dictated: codes are lowercase ASCII alphanumerics
/// (`docs/commerce-api.md` §5.1), so what a mail client, a phone keyboard or a person adds is
/// dropped: case; spaces, dashes and invisible characters of any kind, around and inside it;
/// quotes, brackets and a full stop around it. Full-width letters and digits (typed with an
/// East Asian keyboard) become ASCII. Anything else is left for validation to refuse.
pub fn normalize_code(raw: &str) -> String {
    raw.trim_matches(|c| is_code_separator(c) || is_code_wrapper(c))
        .chars()
        .filter(|c| !is_code_separator(*c))
        .map(|c| fold_full_width(c).to_ascii_lowercase())
        .collect()
}

/// Spaces, dashes (Unicode's dash punctuation, the minus sign, the soft hyphen) and invisible
/// characters (zero-width spaces and joiners, the word joiner, the byte order mark).
fn is_code_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '\u{00AD}'
                | '\u{2010}'..='\u{2015}'
                | '\u{2212}'
                | '\u{2E3A}'
                | '\u{2E3B}'
                | '\u{FE58}'
                | '\u{FE63}'
                | '\u{FF0D}'
                | '\u{200B}'..='\u{200D}'
                | '\u{2060}'
                | '\u{FEFF}'
        )
}

/// What a sentence puts around a code: quotes, brackets, a full stop, a comma, a colon.
fn is_code_wrapper(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{2018}'
            ..='\u{201F}'
                | '\u{00AB}'
                | '\u{00BB}'
                | '.'
                | ','
                | ':'
                | ';'
                | '('
                | ')'
                | '['
                | ']'
                | '\u{3002}'
                | '\u{300C}'
                | '\u{300D}'
    )
}

/// A full-width ASCII letter or digit (U+FF10..U+FF5A) as its ASCII self.
fn fold_full_width(c: char) -> char {
    match c {
        '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
            char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c)
        }
        _ => c,
    }
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

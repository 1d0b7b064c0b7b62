//! The one-click link into the app: the app's URL, the purpose's page, and the query the app
//! reads (`src/flows/link.rs` in this repository; docs/commerce-api.md §9.2, §9.3). The
//! emulator builds the same links (`emulator/src/outbox.rs`).

use crate::event::{OtpEvent, Purpose};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use url::Url;

/// Everything but RFC 3986 unreserved characters is encoded: `@` becomes `%40` and `+`
/// becomes `%2B`, so the app, which decodes each value once and keeps `+` as `+`, reads
/// back exactly the username Commerce stored.
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// `{app_url}/{page}?username=…&token=…&password_profile_id=…[&user_authentication_password_profile_info_id=…]&authentication_realm_id=…`,
/// in this order, each value percent-encoded.
///
/// `app_url` is the app's base (e.g. `https://shop.example/account/otp/`); a trailing `/`
/// is optional. The page is `change_password` for a reset and `passwordless` for a
/// passwordless sign-in. The profile info id is in the link for a reset only.
///
/// The result holds the code: it goes into the e-mail, never into a log line.
pub fn one_click_link(app_url: &Url, event: &OtpEvent) -> String {
    let app = app_url.as_str().trim_end_matches('/');
    let mut params: Vec<(&str, &str)> = vec![
        ("username", &event.username),
        ("token", event.code.expose()),
        ("password_profile_id", &event.password_profile_id),
    ];
    if event.purpose == Purpose::ResetPassword {
        if let Some(info_id) = &event.info_id {
            params.push(("user_authentication_password_profile_info_id", info_id));
        }
    }
    params.push(("authentication_realm_id", &event.realm_id));
    let query: Vec<String> = params
        .iter()
        .map(|(key, value)| format!("{key}={}", utf8_percent_encode(value, QUERY_VALUE)))
        .collect();
    format!("{app}/{}?{}", event.purpose.page(), query.join("&"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event;
    use serde_json::json;

    fn event(purpose: &str) -> OtpEvent {
        let body = json!({
            "id": "e", "triggered_by": "one-time-password-token-request.created",
            "payload": {
                "authentication_realm_id": "r", "password_profile_id": "pp", "purpose": purpose,
                "one_time_password_token": "lprvj4", "created_at": "2023-09-05T14:53:01.584+00:00",
                "user_authentication_info": { "id": "u", "name": "John", "email": "john.doe@banks.com" },
                "user_authentication_password_profile_info": { "id": "i", "username": "john.doe+x@banks.com" }
            }
        });
        event::parse(body.to_string().as_bytes()).expect("valid")
    }

    /// The same strings as the emulator's `links_are_encoded` test.
    #[test]
    fn links_match_the_emulators() {
        let app = Url::parse("http://localhost:8080/").expect("url");
        assert_eq!(
            one_click_link(&app, &event("reset_password")),
            "http://localhost:8080/change_password?username=john.doe%2Bx%40banks.com&token=lprvj4\
             &password_profile_id=pp&user_authentication_password_profile_info_id=i&authentication_realm_id=r"
        );
        let app = Url::parse("https://shop.example/account/otp").expect("url");
        assert_eq!(
            one_click_link(&app, &event("passwordless_authentication")),
            "https://shop.example/account/otp/passwordless?username=john.doe%2Bx%40banks.com&token=lprvj4\
             &password_profile_id=pp&authentication_realm_id=r"
        );
    }
}

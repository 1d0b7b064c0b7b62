//! The one-click links of the one-time password e-mails, as templates for the e-mail
//! integration: the app URL, then the flow and its parameters in the URL fragment
//! (`#/change_password?…`, `#/passwordless?…`), so the code never reaches a host's or
//! CDN's access logs and any static file host can serve the app.
//!
//! The parameter names and the `{…}` placeholders are the contract with the app: each
//! placeholder is a path into the `payload` of the `one-time-password-token-request.created`
//! event (`docs/commerce-api.md` §7.1), which the e-mail integration substitutes,
//! URL-encoded. They stay literally in the templates.

use serde::Serialize;
use std::fmt;

/// The event's `payload.purpose` for a password reset.
pub const RESET_PASSWORD: &str = "reset_password";
/// The event's `payload.purpose` for a sign-in without a password.
pub const PASSWORDLESS_AUTHENTICATION: &str = "passwordless_authentication";

const USERNAME: (&str, &str) = (
    "username",
    "{user_authentication_password_profile_info.username}",
);
const TOKEN: (&str, &str) = ("token", "{one_time_password_token}");
const PROFILE_ID: (&str, &str) = ("password_profile_id", "{password_profile_id}");
const INFO_ID: (&str, &str) = (
    "user_authentication_password_profile_info_id",
    "{user_authentication_password_profile_info.id}",
);
const REALM_ID: (&str, &str) = ("authentication_realm_id", "{authentication_realm_id}");

/// The two e-mail link templates for one app URL: what the set-up prints with
/// `--app-url`, and (serialized in this field order) what `--links-out` writes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LinkTemplates {
    /// Where the app is deployed: a folder, always ending in `/`.
    pub app_url: String,
    /// The link of the e-mail for `purpose` = `reset_password`: the app's
    /// `#/change_password` page with the username, the code and the three ids.
    pub reset_password: String,
    /// The link of the e-mail for `purpose` = `passwordless_authentication`: the app's
    /// `#/passwordless` page with the username, the code and two ids.
    pub passwordless_authentication: String,
}

/// The link templates for the app deployed at `app_url`. `app_url` is taken as a folder:
/// a `/` is added when it does not end in one; it is otherwise used as given (it is
/// checked before, see `--app-url`), so this cannot fail. For `https://shop.example.com/otp`
/// the reset link is
/// `https://shop.example.com/otp/#/change_password?username={user_authentication_password_profile_info.username}&token={one_time_password_token}&password_profile_id={password_profile_id}&user_authentication_password_profile_info_id={user_authentication_password_profile_info.id}&authentication_realm_id={authentication_realm_id}`.
pub fn link_templates(app_url: &str) -> LinkTemplates {
    let mut app = app_url.to_owned();
    if !app.ends_with('/') {
        app.push('/');
    }
    let link = |page: &str, params: &[(&str, &str)]| {
        let query: Vec<String> = params.iter().map(|(k, v)| format!("{k}={v}")).collect();
        format!("{app}#/{page}?{}", query.join("&"))
    };
    LinkTemplates {
        reset_password: link(
            "change_password",
            &[USERNAME, TOKEN, PROFILE_ID, INFO_ID, REALM_ID],
        ),
        passwordless_authentication: link("passwordless", &[USERNAME, TOKEN, PROFILE_ID, REALM_ID]),
        app_url: app,
    }
}

/// The block printed at the end of the report: a heading, then each template on a line
/// of its own (nothing before it on the line, ready to copy), under a label naming its
/// `purpose`.
impl fmt::Display for LinkTemplates {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "E-mail link templates for {}", self.app_url)?;
        writeln!(
            f,
            "(paste into the e-mail sent for one-time-password-token-request.created; \
             each {{...}} is a field of the event's payload, URL-encoded)"
        )?;
        writeln!(f)?;
        writeln!(f, "Reset password (purpose = {RESET_PASSWORD}):")?;
        writeln!(f, "{}", self.reset_password)?;
        writeln!(f)?;
        writeln!(
            f,
            "Passwordless sign-in (purpose = {PASSWORDLESS_AUTHENTICATION}):"
        )?;
        write!(f, "{}", self.passwordless_authentication)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RESET: &str = "https://shop.example.com/account/otp/#/change_password?username={user_authentication_password_profile_info.username}&token={one_time_password_token}&password_profile_id={password_profile_id}&user_authentication_password_profile_info_id={user_authentication_password_profile_info.id}&authentication_realm_id={authentication_realm_id}";
    const PASSWORDLESS: &str = "https://shop.example.com/account/otp/#/passwordless?username={user_authentication_password_profile_info.username}&token={one_time_password_token}&password_profile_id={password_profile_id}&authentication_realm_id={authentication_realm_id}";

    /// The README shows the same templates, with `APP` for the app's folder (ending in `/`).
    #[test]
    fn the_readme_shows_these_templates() {
        let readme = include_str!("../../README.md");
        let templates = link_templates("https://app.example/");
        for template in [
            templates.reset_password,
            templates.passwordless_authentication,
        ] {
            let shown = template.replace("https://app.example/", "APP");
            assert!(
                readme.contains(&format!("`{shown}`")),
                "README lacks {shown}"
            );
        }
    }

    #[test]
    fn templates_with_and_without_a_trailing_slash() {
        for app in [
            "https://shop.example.com/account/otp/",
            "https://shop.example.com/account/otp",
        ] {
            let templates = link_templates(app);
            assert_eq!(templates.app_url, "https://shop.example.com/account/otp/");
            assert_eq!(templates.reset_password, RESET, "{app}");
            assert_eq!(templates.passwordless_authentication, PASSWORDLESS, "{app}");
        }
        let root = link_templates("http://127.0.0.1:8080");
        assert_eq!(root.app_url, "http://127.0.0.1:8080/");
        assert!(root
            .passwordless_authentication
            .starts_with("http://127.0.0.1:8080/#/passwordless?username="));
    }

    #[test]
    fn json_and_text() {
        let templates = link_templates("https://shop.example.com/account/otp");
        let json = serde_json::to_string(&templates).unwrap();
        assert_eq!(
            json,
            format!(
                "{{\"app_url\":\"https://shop.example.com/account/otp/\",\
                 \"reset_password\":\"{RESET}\",\"passwordless_authentication\":\"{PASSWORDLESS}\"}}"
            )
        );
        let text = templates.to_string();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "E-mail link templates for https://shop.example.com/account/otp/"
        );
        let after = |label: &str| {
            let at = lines.iter().position(|l| *l == label).unwrap();
            lines[at + 1]
        };
        assert_eq!(after("Reset password (purpose = reset_password):"), RESET);
        assert_eq!(
            after("Passwordless sign-in (purpose = passwordless_authentication):"),
            PASSWORDLESS
        );
    }
}

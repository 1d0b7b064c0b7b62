//! Request builders: one plain function per Commerce call, returning the method, path, headers
//! and body exactly as the API reference documents them. No I/O here.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde_json::json;

use super::compat;
use super::http::{HttpRequest, Method};

/// Header carrying the Account Management Authentication Token (reference §0.3).
pub const AM_TOKEN_HEADER: &str = "EP-Account-Management-Authentication-Token";

/// RFC 3986 unreserved characters stay; everything else is encoded.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Encodes one path segment or form value. Ids reach paths from e-mail links, so a crafted
/// `../` must never leave its segment.
pub fn encode(value: &str) -> String {
    utf8_percent_encode(value, COMPONENT).to_string()
}

/// Why a code is requested (reference §4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Purpose {
    ResetPassword,
    PasswordlessAuthentication,
}

impl Purpose {
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::ResetPassword => "reset_password",
            Purpose::PasswordlessAuthentication => "passwordless_authentication",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "reset_password" => Some(Purpose::ResetPassword),
            "passwordless_authentication" => Some(Purpose::PasswordlessAuthentication),
            _ => None,
        }
    }
}

/// §1 `POST /oauth/access_token` with the implicit grant: the public `client_id`, no secret.
pub fn implicit_token(client_id: &str) -> HttpRequest {
    HttpRequest::new(Method::Post, "/oauth/access_token".into()).form(format!(
        "grant_type=implicit&client_id={}",
        encode(client_id)
    ))
}

/// §4 create a one-time password token request. Commerce answers `202` and e-mails the code
/// through the store's webhook; the code never comes back to the browser.
pub fn request_code(
    realm_id: &str,
    profile_id: &str,
    username: &str,
    purpose: Purpose,
) -> HttpRequest {
    HttpRequest::new(
        Method::Post,
        format!(
            "/v2/authentication-realms/{}/password-profiles/{}/one-time-password-token-request",
            encode(realm_id),
            encode(profile_id)
        ),
    )
    .json(json!({
        "data": {
            "type": compat::OTP_REQUEST_TYPE,
            "username": username,
            "purpose": purpose.as_str(),
        }
    }))
}

/// §3.2 read one password profile (implicit tokens may read `/authentication-realms`).
pub fn password_profile(realm_id: &str, profile_id: &str) -> HttpRequest {
    HttpRequest::new(
        Method::Get,
        format!(
            "/v2/authentication-realms/{}/password-profiles/{}",
            encode(realm_id),
            encode(profile_id)
        ),
    )
}

/// §5.1 exchange a code for Account Management Authentication Tokens.
pub fn exchange_code(profile_id: &str, username: &str, code: &str) -> HttpRequest {
    account_member_tokens(json!({
        "type": "account_management_authentication_token",
        "authentication_mechanism": "passwordless",
        "password_profile_id": profile_id,
        "username": username,
        "one_time_password_token": code,
    }))
}

/// §5.2 sign in with username and password.
pub fn password_sign_in(profile_id: &str, username: &str, password: &str) -> HttpRequest {
    account_member_tokens(json!({
        "type": "account_management_authentication_token",
        "authentication_mechanism": "password",
        "password_profile_id": profile_id,
        "username": username,
        "password": password,
    }))
}

fn account_member_tokens(data: serde_json::Value) -> HttpRequest {
    HttpRequest::new(Method::Post, "/v2/account-members/tokens".into())
        .json(json!({ "data": data }))
}

fn password_profile_infos_path(realm_id: &str, member_id: &str) -> String {
    format!(
        "/v2/authentication-realms/{}/user-authentication-info/{}/user-authentication-password-profile-info",
        encode(realm_id),
        encode(member_id)
    )
}

/// §6.1 list the member's password profile infos, as the member (implicit + AM token).
/// The member id is the user-authentication-info id (§6.4).
pub fn list_password_profile_infos(realm_id: &str, member_id: &str, am_token: &str) -> HttpRequest {
    HttpRequest::new(
        Method::Get,
        password_profile_infos_path(realm_id, member_id),
    )
    .header(AM_TOKEN_HEADER, am_token)
}

/// The ids and values of a password update (§6.3).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PasswordUpdate<'a> {
    pub realm_id: &'a str,
    pub member_id: &'a str,
    pub info_id: &'a str,
    pub profile_id: &'a str,
    pub username: &'a str,
    pub password: &'a str,
}

/// §6.3 set a new password. Sends the superset body that satisfies every documented revision,
/// and always the AM token header, which is required with an implicit bearer (§11 #5, #6).
pub fn update_password(update: &PasswordUpdate<'_>, am_token: &str) -> HttpRequest {
    HttpRequest::new(
        Method::Put,
        format!(
            "{}/{}",
            password_profile_infos_path(update.realm_id, update.member_id),
            encode(update.info_id)
        ),
    )
    .header(AM_TOKEN_HEADER, am_token)
    .json(json!({
        "data": {
            "type": compat::PASSWORD_PROFILE_INFO_TYPE,
            "id": update.info_id,
            "password_profile_id": update.profile_id,
            "username": update.username,
            "password": update.password,
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commerce::http::Body;

    #[test]
    fn implicit_token_is_a_form_post_without_secret() {
        let r = implicit_token("ab c&d");
        assert_eq!(r.method, Method::Post);
        assert_eq!(r.path, "/oauth/access_token");
        assert_eq!(
            r.body,
            Some(Body::Form(
                "grant_type=implicit&client_id=ab%20c%26d".into()
            ))
        );
        assert_eq!(
            r.all_headers(),
            vec![(
                "Content-Type",
                "application/x-www-form-urlencoded".to_owned()
            )]
        );
    }

    #[test]
    fn code_request_matches_the_reference() {
        let r = request_code(
            "realm",
            "profile",
            "john.doe@banks.com",
            Purpose::ResetPassword,
        );
        assert_eq!(r.method, Method::Post);
        assert_eq!(
            r.path,
            "/v2/authentication-realms/realm/password-profiles/profile/one-time-password-token-request"
        );
        assert_eq!(
            r.body,
            Some(Body::Json(json!({"data": {
                "type": "one_time_password_token_request",
                "username": "john.doe@banks.com",
                "purpose": "reset_password"
            }})))
        );
        assert_eq!(
            r.all_headers(),
            vec![("Content-Type", "application/json".to_owned())]
        );
    }

    #[test]
    fn passwordless_purpose_is_spelled_right() {
        let r = request_code("r", "p", "u", Purpose::PasswordlessAuthentication);
        let Some(Body::Json(body)) = r.body else {
            panic!("json body")
        };
        assert_eq!(body["data"]["purpose"], "passwordless_authentication");
    }

    #[test]
    fn exchange_uses_the_passwordless_mechanism() {
        let r = exchange_code("pp", "jane.doe@gmail.com", "abd1g5");
        assert_eq!(r.path, "/v2/account-members/tokens");
        assert_eq!(
            r.body,
            Some(Body::Json(json!({"data": {
                "type": "account_management_authentication_token",
                "authentication_mechanism": "passwordless",
                "password_profile_id": "pp",
                "username": "jane.doe@gmail.com",
                "one_time_password_token": "abd1g5"
            }})))
        );
    }

    #[test]
    fn password_sign_in_sends_all_five_fields() {
        let Some(Body::Json(body)) = password_sign_in("pp", "john.doe", "pa$$word").body else {
            panic!("json body")
        };
        assert_eq!(body["data"]["authentication_mechanism"], "password");
        assert_eq!(body["data"]["password"], "pa$$word");
        assert_eq!(body["data"].as_object().map(|o| o.len()), Some(5));
    }

    #[test]
    fn password_update_sends_superset_and_am_token() {
        let update = PasswordUpdate {
            realm_id: "realm",
            member_id: "member",
            info_id: "info",
            profile_id: "pp",
            username: "john.doe@banks.com",
            password: "N3w-Passw0rd!",
        };
        let r = update_password(&update, "jwt");
        assert_eq!(r.method, Method::Put);
        assert_eq!(
            r.path,
            "/v2/authentication-realms/realm/user-authentication-info/member/user-authentication-password-profile-info/info"
        );
        assert!(r.headers.contains(&(AM_TOKEN_HEADER, "jwt".to_owned())));
        assert_eq!(
            r.body,
            Some(Body::Json(json!({"data": {
                "type": "user_authentication_password_profile_info",
                "id": "info",
                "password_profile_id": "pp",
                "username": "john.doe@banks.com",
                "password": "N3w-Passw0rd!"
            }})))
        );
    }

    #[test]
    fn ids_from_links_cannot_escape_their_path_segment() {
        let r = list_password_profile_infos("../../v2/integrations?x=", "m", "t");
        assert!(r
            .path
            .starts_with("/v2/authentication-realms/..%2F..%2Fv2%2Fintegrations%3Fx%3D/"));
    }
}

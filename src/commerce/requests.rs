//! Request builders: one plain function per Commerce call, returning the method, path, headers
//! and body exactly as `docs/commerce-api.md` describes them. No I/O here.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde_json::json;

use super::compat;
use super::http::{HttpRequest, Method};
use super::ids::{
    AccountManagementToken, AccountMemberId, PasswordProfileId, PasswordProfileInfoId, RealmId,
};

/// Header carrying the Account Management Authentication Token (`docs/commerce-api.md` §0.3).
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

/// Why a code is requested (`docs/commerce-api.md` §4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Purpose {
    ResetPassword,
    PasswordlessAuthentication,
}

impl Purpose {
    /// Both purposes, in the order the app offers them.
    pub const ALL: [Purpose; 2] = [Purpose::ResetPassword, Purpose::PasswordlessAuthentication];

    /// The API's spelling, as sent in `purpose`.
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::ResetPassword => "reset_password",
            Purpose::PasswordlessAuthentication => "passwordless_authentication",
        }
    }
}

/// `docs/commerce-api.md` §1: `POST /oauth/access_token` with the implicit grant: the public
/// `client_id`, no secret.
pub fn implicit_token(client_id: &str) -> HttpRequest {
    HttpRequest::new(Method::POST, "/oauth/access_token".into()).form(format!(
        "grant_type=implicit&client_id={}",
        encode(client_id)
    ))
}

/// `docs/commerce-api.md` §4: create a one-time password token request. Commerce answers `202` and
/// e-mails the code through the store's webhook; the code never comes back to the browser.
pub fn request_code(
    realm_id: &RealmId,
    profile_id: &PasswordProfileId,
    username: &str,
    purpose: Purpose,
) -> HttpRequest {
    HttpRequest::new(
        Method::POST,
        format!(
            "/v2/authentication-realms/{}/password-profiles/{}/one-time-password-token-request",
            encode(realm_id.as_str()),
            encode(profile_id.as_str())
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

/// `docs/commerce-api.md` §3.2: read one password profile (implicit tokens may read
/// `/authentication-realms`).
pub fn password_profile(realm_id: &RealmId, profile_id: &PasswordProfileId) -> HttpRequest {
    HttpRequest::new(
        Method::GET,
        format!(
            "/v2/authentication-realms/{}/password-profiles/{}",
            encode(realm_id.as_str()),
            encode(profile_id.as_str())
        ),
    )
}

/// `docs/commerce-api.md` §5.1: exchange a code for Account Management Authentication Tokens.
pub fn exchange_code(profile_id: &PasswordProfileId, username: &str, code: &str) -> HttpRequest {
    account_member_tokens(json!({
        "type": "account_management_authentication_token",
        "authentication_mechanism": "passwordless",
        "password_profile_id": profile_id,
        "username": username,
        "one_time_password_token": code,
    }))
}

/// `docs/commerce-api.md` §5.2: sign in with username and password.
pub fn password_sign_in(
    profile_id: &PasswordProfileId,
    username: &str,
    password: &str,
) -> HttpRequest {
    account_member_tokens(json!({
        "type": "account_management_authentication_token",
        "authentication_mechanism": "password",
        "password_profile_id": profile_id.as_str(),
        "username": username,
        "password": password,
    }))
}

fn account_member_tokens(data: serde_json::Value) -> HttpRequest {
    HttpRequest::new(Method::POST, "/v2/account-members/tokens".into())
        .json(json!({ "data": data }))
}

fn password_profile_infos_path(realm_id: &RealmId, member_id: &AccountMemberId) -> String {
    format!(
        "/v2/authentication-realms/{}/user-authentication-info/{}/user-authentication-password-profile-info",
        encode(realm_id.as_str()),
        encode(member_id.as_str())
    )
}

/// `docs/commerce-api.md` §6.1: list the member's password profile infos, as the member (implicit +
/// AM token). The member id is the user-authentication-info id (`docs/commerce-api.md` §6.4).
pub fn list_password_profile_infos(
    realm_id: &RealmId,
    member_id: &AccountMemberId,
    am_token: &AccountManagementToken,
) -> HttpRequest {
    HttpRequest::new(
        Method::GET,
        password_profile_infos_path(realm_id, member_id),
    )
    .header(AM_TOKEN_HEADER, am_token.as_str())
}

/// The ids and values of a password update (`docs/commerce-api.md` §6.3).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PasswordUpdate<'a> {
    pub realm_id: &'a RealmId,
    pub member_id: &'a AccountMemberId,
    pub info_id: &'a PasswordProfileInfoId,
    pub profile_id: &'a PasswordProfileId,
    pub username: &'a str,
    pub password: &'a str,
}

/// `docs/commerce-api.md` §6.3: set a new password. Sends the superset body that satisfies every
/// documented revision, and always the AM token header, which is required with an implicit bearer
/// (`docs/commerce-api.md` §11 #5, #6).
pub fn update_password(
    update: &PasswordUpdate<'_>,
    am_token: &AccountManagementToken,
) -> HttpRequest {
    HttpRequest::new(
        Method::PUT,
        format!(
            "{}/{}",
            password_profile_infos_path(update.realm_id, update.member_id),
            encode(update.info_id.as_str())
        ),
    )
    .header(AM_TOKEN_HEADER, am_token.as_str())
    .json(json!({
        "data": {
            "type": compat::PASSWORD_PROFILE_INFO_TYPE,
            "id": update.info_id.as_str(),
            "password_profile_id": update.profile_id.as_str(),
            "username": update.username,
            "password": update.password,
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn realm(id: &str) -> RealmId {
        RealmId::new(id)
    }

    fn profile(id: &str) -> PasswordProfileId {
        PasswordProfileId::new(id)
    }
    use crate::commerce::http::Body;

    #[test]
    fn implicit_token_is_a_form_post_without_secret() {
        let r = implicit_token("ab c&d");
        assert_eq!(r.method, Method::POST);
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
            &realm("realm"),
            &profile("profile"),
            "john.doe@banks.com",
            Purpose::ResetPassword,
        );
        assert_eq!(r.method, Method::POST);
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
        let r = request_code(
            &realm("r"),
            &profile("p"),
            "u",
            Purpose::PasswordlessAuthentication,
        );
        let Some(Body::Json(body)) = r.body else {
            panic!("json body")
        };
        assert_eq!(body["data"]["purpose"], "passwordless_authentication");
    }

    #[test]
    fn exchange_uses_the_passwordless_mechanism() {
        let r = exchange_code(&profile("pp"), "jane.doe@gmail.com", "abd1g5");
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
        let Some(Body::Json(body)) = password_sign_in(&profile("pp"), "john.doe", "pa$$word").body
        else {
            panic!("json body")
        };
        assert_eq!(body["data"]["authentication_mechanism"], "password");
        assert_eq!(body["data"]["password"], "pa$$word");
        assert_eq!(body["data"].as_object().map(|o| o.len()), Some(5));
    }

    #[test]
    fn password_update_sends_superset_and_am_token() {
        let ids = (
            realm("realm"),
            AccountMemberId::new("member"),
            PasswordProfileInfoId::new("info"),
            profile("pp"),
        );
        let update = PasswordUpdate {
            realm_id: &ids.0,
            member_id: &ids.1,
            info_id: &ids.2,
            profile_id: &ids.3,
            username: "john.doe@banks.com",
            password: "N3w-Passw0rd!",
        };
        let r = update_password(&update, &AccountManagementToken::new("jwt"));
        assert_eq!(r.method, Method::PUT);
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
        let r = list_password_profile_infos(
            &realm("../../v2/integrations?x="),
            &AccountMemberId::new("m"),
            &AccountManagementToken::new("t"),
        );
        assert!(r
            .path
            .starts_with("/v2/authentication-realms/..%2F..%2Fv2%2Fintegrations%3Fx%3D/"));
    }
}

//! Response types and their parsing: plain functions from an HTTP answer to a typed value.

use serde::{Deserialize, Serialize};

use super::error::{classify, CommerceError, Operation};

/// The error a non-2xx `response` to `op` means, with the `Retry-After` of a `429`.
pub fn error_of(op: Operation, response: &HttpResponse) -> CommerceError {
    match classify(op, response.status, &response.body) {
        CommerceError::RateLimited { .. } => CommerceError::RateLimited {
            retry_after_secs: response.retry_after_secs,
        },
        other => other,
    }
}
use super::http::HttpResponse;
use super::ids::{
    AccountManagementToken, AccountMemberId, PasswordProfileId, PasswordProfileInfoId,
};

/// `docs/commerce-api.md` §1: implicit token. Read from the top level (doc page, JS SDK) or from
/// inside `data` (OpenAPI example); see `docs/commerce-api.md` §11 #7.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct AccessToken {
    pub access_token: String,
    /// Seconds until expiry.
    #[serde(default)]
    pub expires_in: Option<f64>,
    /// Expiry as Unix seconds.
    #[serde(default)]
    pub expires: Option<f64>,
}

impl AccessToken {
    /// Expiry in Unix seconds, from `expires`, else `now + expires_in`, else one hour.
    pub fn expires_at(&self, now_secs: f64) -> f64 {
        self.expires
            .or_else(|| self.expires_in.map(|s| now_secs + s))
            .unwrap_or(now_secs + 3600.0)
    }
}

/// One Account Management Authentication Token: one per account of the member
/// (`docs/commerce-api.md` §5.3).
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq)]
pub struct AccountToken {
    pub account_id: String,
    #[serde(default)]
    pub account_name: String,
    pub token: AccountManagementToken,
    /// ISO-8601.
    pub expires: String,
}

/// The answer of `POST /v2/account-members/tokens`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountTokens {
    /// `meta.account_member_id`: also the member's user-authentication-info id
    /// (`docs/commerce-api.md` §6.4).
    pub member_id: AccountMemberId,
    pub accounts: Vec<AccountToken>,
}

/// One user-authentication-password-profile-info (`docs/commerce-api.md` §6.1).
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct PasswordProfileInfo {
    pub id: PasswordProfileInfoId,
    pub password_profile_id: PasswordProfileId,
}

#[derive(Deserialize)]
struct Data<T> {
    data: T,
}

#[derive(Deserialize)]
struct TokensBody {
    #[serde(default)]
    data: Vec<AccountToken>,
    meta: TokensMeta,
}

#[derive(Deserialize)]
struct TokensMeta {
    account_member_id: AccountMemberId,
}

/// Fails with the classified error unless the answer is 2xx.
pub fn expect_success(op: Operation, response: &HttpResponse) -> Result<(), CommerceError> {
    if response.is_success() {
        Ok(())
    } else {
        Err(error_of(op, response))
    }
}

fn decode<'a, T: Deserialize<'a>>(
    op: Operation,
    response: &'a HttpResponse,
) -> Result<T, CommerceError> {
    expect_success(op, response)?;
    serde_json::from_str(&response.body).map_err(|e| CommerceError::Decode(format!("{op:?}: {e}")))
}

pub fn parse_access_token(response: &HttpResponse) -> Result<AccessToken, CommerceError> {
    let op = Operation::ImplicitToken;
    expect_success(op, response)?;
    serde_json::from_str::<AccessToken>(&response.body)
        .or_else(|_| serde_json::from_str::<Data<AccessToken>>(&response.body).map(|d| d.data))
        .map_err(|e| CommerceError::Decode(format!("{op:?}: {e}")))
}

/// Parses the tokens answer; `op` says whether a code or a password was exchanged.
/// An empty `data` means the member has no account to act for (`docs/commerce-api.md` §5.3).
pub fn parse_account_tokens(
    op: Operation,
    response: &HttpResponse,
) -> Result<AccountTokens, CommerceError> {
    let body: TokensBody = decode(op, response)?;
    if body.data.is_empty() {
        return Err(CommerceError::NoAccounts);
    }
    Ok(AccountTokens {
        member_id: body.meta.account_member_id,
        accounts: body.data,
    })
}

pub fn parse_password_profile_infos(
    response: &HttpResponse,
) -> Result<Vec<PasswordProfileInfo>, CommerceError> {
    decode::<Data<Vec<PasswordProfileInfo>>>(Operation::ListPasswordProfileInfos, response)
        .map(|d| d.data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commerce::error::SetupProblem;

    fn ok(status: u16, body: &str) -> HttpResponse {
        HttpResponse::new(
            crate::commerce::http::StatusCode::from_u16(status).unwrap(),
            body,
        )
    }

    #[test]
    fn access_token_unwrapped_and_wrapped() {
        let top = r#"{"access_token":"xa35","token_type":"Bearer","expires_in":3600,"expires":1524486008,"identifier":"implicit"}"#;
        let t = parse_access_token(&ok(200, top)).unwrap();
        assert_eq!(t.access_token, "xa35");
        assert_eq!(t.expires_at(0.0), 1524486008.0);
        let wrapped = r#"{"data":{"access_token":"w","expires_in":3600}}"#;
        let t = parse_access_token(&ok(200, wrapped)).unwrap();
        assert_eq!(t.access_token, "w");
        assert_eq!(t.expires_at(100.0), 3700.0);
    }

    #[test]
    fn access_token_errors() {
        assert_eq!(
            parse_access_token(&ok(
                401,
                r#"{"errors":[{"title":"Unauthorized","status":401}]}"#
            )),
            Err(CommerceError::Setup(SetupProblem::UnknownClientId))
        );
        assert!(matches!(
            parse_access_token(&ok(200, "{}")),
            Err(CommerceError::Decode(_))
        ));
    }

    const TOKENS: &str = r#"{
      "data": [{"type":"account_management_authentication_token","account_id":"e46c","account_name":"Personal Account","token":"eyJ.x.y","expires":"2023-07-19T17:50:12.070Z"}],
      "meta": {"account_member_id":"c825","page":{"limit":20,"offset":0,"current":1,"total":1},"results":{"total":1}},
      "links": {"current":"…","first":"…","last":"…","next":"null","prev":null}
    }"#;

    #[test]
    fn account_tokens_from_the_documented_example() {
        let t = parse_account_tokens(Operation::ExchangeCode, &ok(201, TOKENS)).unwrap();
        assert_eq!(t.member_id, "c825");
        assert_eq!(t.accounts.len(), 1);
        assert_eq!(t.accounts[0].account_name, "Personal Account");
        assert_eq!(t.accounts[0].token, "eyJ.x.y");
    }

    #[test]
    fn empty_accounts_cannot_sign_in() {
        let body = r#"{"data":[],"meta":{"account_member_id":"c825"}}"#;
        assert_eq!(
            parse_account_tokens(Operation::ExchangeCode, &ok(201, body)),
            Err(CommerceError::NoAccounts)
        );
    }

    #[test]
    fn rejected_code_and_password() {
        let body = r#"{"errors":[{"title":"Unauthorized","status":"401"}]}"#;
        assert_eq!(
            parse_account_tokens(Operation::ExchangeCode, &ok(401, body)),
            Err(CommerceError::CodeRejected)
        );
        assert_eq!(
            parse_account_tokens(Operation::PasswordSignIn, &ok(401, body)),
            Err(CommerceError::CredentialsRejected)
        );
    }

    #[test]
    fn password_profile_infos() {
        let body = r#"{"data":[{"id":"95c1","type":"user_authentication_password_profile_info","username":"john.doe@gmail.com","password_profile_id":"3293","meta":{}}],"meta":{},"links":{}}"#;
        let infos = parse_password_profile_infos(&ok(200, body)).unwrap();
        assert_eq!(infos[0].id, "95c1");
        assert_eq!(infos[0].password_profile_id, "3293");
    }
}

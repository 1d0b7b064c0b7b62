//! `CommerceClient`: one implicit token per tab shared by every call, and one method per call.

use std::cell::RefCell;
use std::rc::Rc;

use futures::future::{FutureExt, LocalBoxFuture, Shared};

use super::compat;
use super::error::{CommerceError, Operation, SetupProblem};
use super::http::{HttpRequest, HttpResponse, StatusCode, Transport};
use super::ids::{
    AccountManagementToken, AccountMemberId, PasswordProfileId, PasswordProfileInfoId, RealmId,
};
use super::requests::{self, PasswordUpdate, Purpose};
use super::responses::{self, AccountTokens};

type TokenFetch = Shared<LocalBoxFuture<'static, Result<String, CommerceError>>>;

/// What a `/v2` call carries besides the implicit token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Carries {
    /// Nothing of the shopper's: after a `401` it is sent again with a new implicit token.
    Nothing,
    /// The shopper's code, password or Account Management token: sent once. A `401` is then
    /// the answer to that credential (Commerce counts each failed try); the implicit token is
    /// renewed by its own lifetime, and a stale one by the next call that carries nothing
    /// ("Send a new code" is one).
    Credential,
}

/// The implicit token, kept in memory only (never storage): one per tab.
enum TokenState {
    Empty,
    /// A fetch under way; every caller awaits this same future (no stampede).
    Fetching(TokenFetch),
    Ready {
        token: String,
        expires_at: f64,
    },
}

struct Inner<T> {
    transport: T,
    api_base: String,
    client_id: String,
    token: RefCell<TokenState>,
}

/// Cheap to clone; clones share the token.
pub struct CommerceClient<T: Transport> {
    inner: Rc<Inner<T>>,
}

impl<T: Transport> Clone for CommerceClient<T> {
    fn clone(&self) -> Self {
        Self {
            inner: Rc::clone(&self.inner),
        }
    }
}

impl<T: Transport> CommerceClient<T> {
    pub fn new(transport: T, api_base: impl Into<String>, client_id: impl Into<String>) -> Self {
        Self {
            inner: Rc::new(Inner {
                transport,
                api_base: api_base.into(),
                client_id: client_id.into(),
                token: RefCell::new(TokenState::Empty),
            }),
        }
    }

    pub fn transport(&self) -> &T {
        &self.inner.transport
    }

    /// The current implicit token, fetched when missing or about to expire.
    async fn implicit_token(&self) -> Result<String, CommerceError> {
        let now = self.inner.transport.now_secs();
        let fetch = {
            let mut state = self.inner.token.borrow_mut();
            match &*state {
                TokenState::Ready { token, expires_at }
                    if now < expires_at - compat::TOKEN_RENEW_MARGIN_SECS =>
                {
                    return Ok(token.clone());
                }
                TokenState::Fetching(fetch) => fetch.clone(),
                _ => {
                    let fetch = self.clone().fetch_implicit_token().boxed_local().shared();
                    *state = TokenState::Fetching(fetch.clone());
                    fetch
                }
            }
        };
        fetch.await
    }

    async fn fetch_implicit_token(self) -> Result<String, CommerceError> {
        let request = requests::implicit_token(&self.inner.client_id);
        let result = self
            .send_with_backoff(&request)
            .await
            .and_then(|response| responses::parse_access_token(&response));
        let now = self.inner.transport.now_secs();
        *self.inner.token.borrow_mut() = match &result {
            Ok(token) => TokenState::Ready {
                token: token.access_token.clone(),
                expires_at: token.expires_at(now),
            },
            Err(_) => TokenState::Empty,
        };
        result.map(|token| token.access_token)
    }

    /// Forgets `stale` after a `401`, unless another caller already replaced it.
    fn invalidate(&self, stale: &str) {
        let mut state = self.inner.token.borrow_mut();
        if matches!(&*state, TokenState::Ready { token, .. } if token == stale) {
            *state = TokenState::Empty;
        }
    }

    /// Sends once, waiting and trying again while Commerce answers `429`: as long as its
    /// `Retry-After` says when that is short, else `attempt` seconds; a long `Retry-After` is
    /// returned at once, for the shopper to be told.
    async fn send_with_backoff(
        &self,
        request: &HttpRequest,
    ) -> Result<HttpResponse, CommerceError> {
        let mut attempt = 1;
        loop {
            let response = self
                .inner
                .transport
                .send(&self.inner.api_base, request)
                .await?;
            if response.status != StatusCode::TOO_MANY_REQUESTS
                || attempt >= compat::MAX_ATTEMPTS_ON_RATE_LIMIT
            {
                return Ok(response);
            }
            let wait_secs = match response.retry_after_secs {
                Some(secs) if secs > compat::MAX_UNSEEN_RETRY_AFTER_SECS => return Ok(response),
                Some(secs) => secs,
                None => attempt,
            };
            self.inner.transport.sleep(wait_secs * 1000).await;
            attempt += 1;
        }
    }

    /// Sends a `/v2` call with the implicit token; after a `401` a call that `carries` nothing
    /// of the shopper's fetches a new token and tries once more, as the JS SDK does.
    async fn send(
        &self,
        request: HttpRequest,
        carries: Carries,
    ) -> Result<HttpResponse, CommerceError> {
        let token = self.implicit_token().await?;
        let response = self
            .send_with_backoff(&with_bearer(&request, &token))
            .await?;
        if response.status != StatusCode::UNAUTHORIZED || carries == Carries::Credential {
            return Ok(response);
        }
        self.invalidate(&token);
        let token = self.implicit_token().await?;
        self.send_with_backoff(&with_bearer(&request, &token)).await
    }

    /// `docs/commerce-api.md` §4: asks Commerce to e-mail a code. Succeeds whether or not the
    /// username exists.
    pub async fn request_code(
        &self,
        realm_id: &RealmId,
        profile_id: &PasswordProfileId,
        username: &str,
        purpose: Purpose,
    ) -> Result<(), CommerceError> {
        let response = self
            .send(
                requests::request_code(realm_id, profile_id, username, purpose),
                Carries::Nothing,
            )
            .await?;
        if response.status == StatusCode::NOT_FOUND {
            return self.tell_404_apart(realm_id, profile_id).await;
        }
        responses::expect_success(Operation::RequestCode, &response)
    }

    /// After a `404` on the code request: a store set-up problem if the realm or profile does
    /// not exist, else an unknown username, which must look like a sent code.
    async fn tell_404_apart(
        &self,
        realm_id: &RealmId,
        profile_id: &PasswordProfileId,
    ) -> Result<(), CommerceError> {
        if !compat::OTP_REQUEST_404_CHECKS_PROFILE {
            return Ok(());
        }
        let response = self
            .send(
                requests::password_profile(realm_id, profile_id),
                Carries::Nothing,
            )
            .await?;
        if response.status == StatusCode::NOT_FOUND {
            Err(CommerceError::Setup(SetupProblem::UnknownRealmOrProfile))
        } else {
            // Found, or not readable with this token: nothing says the set-up is wrong.
            Ok(())
        }
    }

    /// `docs/commerce-api.md` §5.1: exchanges a code for one token per account. Spends the code.
    pub async fn exchange_code(
        &self,
        profile_id: &PasswordProfileId,
        username: &str,
        code: &str,
    ) -> Result<AccountTokens, CommerceError> {
        let response = self
            .send(
                requests::exchange_code(profile_id, username, code),
                Carries::Credential,
            )
            .await?;
        responses::parse_account_tokens(Operation::ExchangeCode, &response)
    }

    /// `docs/commerce-api.md` §5.2: signs in with username and password.
    pub async fn sign_in(
        &self,
        profile_id: &PasswordProfileId,
        username: &str,
        password: &str,
    ) -> Result<AccountTokens, CommerceError> {
        let response = self
            .send(
                requests::password_sign_in(profile_id, username, password),
                Carries::Credential,
            )
            .await?;
        responses::parse_account_tokens(Operation::PasswordSignIn, &response)
    }

    /// `docs/commerce-api.md` §6.1: the id of the member's password profile info for `profile_id`.
    pub async fn find_password_profile_info(
        &self,
        realm_id: &RealmId,
        member_id: &AccountMemberId,
        profile_id: &PasswordProfileId,
        am_token: &AccountManagementToken,
    ) -> Result<PasswordProfileInfoId, CommerceError> {
        let response = self
            .send(
                requests::list_password_profile_infos(realm_id, member_id, am_token),
                Carries::Credential,
            )
            .await?;
        responses::parse_password_profile_infos(&response)?
            .into_iter()
            .find(|info| &info.password_profile_id == profile_id)
            .map(|info| info.id)
            .ok_or(CommerceError::Setup(SetupProblem::NoPasswordProfileInfo))
    }

    /// `docs/commerce-api.md` §6.3: sets a new password, acting as the member.
    pub async fn update_password(
        &self,
        update: &PasswordUpdate<'_>,
        am_token: &AccountManagementToken,
    ) -> Result<(), CommerceError> {
        let response = self
            .send(
                requests::update_password(update, am_token),
                Carries::Credential,
            )
            .await?;
        responses::expect_success(Operation::UpdatePassword, &response)
    }
}

fn with_bearer(request: &HttpRequest, token: &str) -> HttpRequest {
    request
        .clone()
        .header("Authorization", format!("Bearer {token}"))
}

#[cfg(test)]
pub(crate) mod fake {
    //! A scripted transport for native tests: answers by path, records every request.
    use super::*;
    use std::cell::Cell;
    use std::collections::VecDeque;

    pub struct FakeTransport {
        pub now: Cell<f64>,
        pub sent: RefCell<Vec<HttpRequest>>,
        pub slept: RefCell<Vec<u32>>,
        answers: RefCell<Vec<(String, VecDeque<HttpResponse>)>>,
    }

    impl FakeTransport {
        pub fn new() -> Self {
            Self {
                now: Cell::new(1_000_000.0),
                sent: RefCell::default(),
                slept: RefCell::default(),
                answers: RefCell::default(),
            }
        }

        /// Queues an answer for requests whose path starts with `path`; the last one repeats.
        pub fn answer(&self, path: &str, status: u16, body: &str) {
            self.answer_with(path, status, body, None);
        }

        /// As [`Self::answer`], with a `Retry-After` of `retry_after_secs`.
        pub fn answer_with(
            &self,
            path: &str,
            status: u16,
            body: &str,
            retry_after_secs: Option<u32>,
        ) {
            let mut answers = self.answers.borrow_mut();
            let response = HttpResponse {
                retry_after_secs,
                status: StatusCode::from_u16(status).expect("a valid status"),
                body: body.into(),
            };
            match answers.iter_mut().find(|(p, _)| p == path) {
                Some((_, queue)) => queue.push_back(response),
                None => answers.push((path.into(), VecDeque::from([response]))),
            }
        }

        pub fn token_answer(&self, token: &str, expires_in: u32) {
            self.answer(
                "/oauth/access_token",
                200,
                &format!(r#"{{"access_token":"{token}","token_type":"Bearer","expires_in":{expires_in},"identifier":"implicit"}}"#),
            );
        }

        pub fn sent_to(&self, path: &str) -> Vec<HttpRequest> {
            self.sent
                .borrow()
                .iter()
                .filter(|r| r.path.starts_with(path))
                .cloned()
                .collect()
        }
    }

    impl Transport for FakeTransport {
        async fn send(
            &self,
            _base: &str,
            request: &HttpRequest,
        ) -> Result<HttpResponse, CommerceError> {
            self.sent.borrow_mut().push(request.clone());
            let mut answers = self.answers.borrow_mut();
            let (_, queue) = answers
                .iter_mut()
                .find(|(p, _)| request.path.starts_with(p.as_str()))
                .ok_or(CommerceError::Network)?;
            let response = if queue.len() > 1 {
                queue.pop_front()
            } else {
                queue.front().cloned()
            };
            response.ok_or(CommerceError::Network)
        }

        fn now_secs(&self) -> f64 {
            self.now.get()
        }

        async fn sleep(&self, millis: u32) {
            self.slept.borrow_mut().push(millis);
        }
    }

    pub fn bearer(request: &HttpRequest) -> Option<String> {
        request
            .headers
            .iter()
            .find(|(n, _)| *n == "Authorization")
            .map(|(_, v)| v.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::fake::{bearer, FakeTransport};
    use super::*;
    use futures::executor::block_on;

    const TOKENS: &str = r#"{"data":[{"account_id":"a1","account_name":"Personal","token":"jwt1","expires":"2030-01-01T00:00:00.000Z"}],"meta":{"account_member_id":"m1"}}"#;

    fn realm() -> RealmId {
        RealmId::new("r")
    }

    fn profile(id: &str) -> PasswordProfileId {
        PasswordProfileId::new(id)
    }

    fn member() -> AccountMemberId {
        AccountMemberId::new("m1")
    }

    fn token() -> AccountManagementToken {
        AccountManagementToken::new("jwt")
    }

    fn client() -> CommerceClient<FakeTransport> {
        CommerceClient::new(FakeTransport::new(), "http://api", "client-1")
    }

    #[test]
    fn one_token_is_shared_by_concurrent_calls() {
        let c = client();
        c.transport().token_answer("t1", 3600);
        c.transport().answer("/v2/authentication-realms", 202, "");
        let (realm, profile) = (realm(), profile("p"));
        let calls = (0..3).map(|_| c.request_code(&realm, &profile, "u", Purpose::ResetPassword));
        let results = block_on(futures::future::join_all(calls));
        assert!(results.iter().all(Result::is_ok));
        assert_eq!(c.transport().sent_to("/oauth").len(), 1);
        let sent = c.transport().sent_to("/v2/");
        assert_eq!(sent.len(), 3);
        assert!(sent
            .iter()
            .all(|r| bearer(r).as_deref() == Some("Bearer t1")));
    }

    #[test]
    fn token_is_renewed_shortly_before_expiry() {
        let c = client();
        c.transport().token_answer("t1", 3600);
        c.transport().token_answer("t2", 3600);
        c.transport().answer("/v2/", 202, "");
        block_on(c.request_code(&realm(), &profile("p"), "u", Purpose::ResetPassword)).unwrap();
        c.transport()
            .now
            .set(c.transport().now.get() + 3600.0 - 30.0);
        block_on(c.request_code(&realm(), &profile("p"), "u", Purpose::ResetPassword)).unwrap();
        let sent = c.transport().sent_to("/v2/");
        assert_eq!(bearer(&sent[1]).as_deref(), Some("Bearer t2"));
    }

    #[test]
    fn a_401_to_a_call_without_a_credential_fetches_a_new_token_and_retries_once() {
        let c = client();
        c.transport().token_answer("old", 3600);
        c.transport().token_answer("new", 3600);
        c.transport().answer(
            "/v2/authentication-realms",
            401,
            r#"{"errors":[{"title":"Unable to validate access token","status":401}]}"#,
        );
        c.transport().answer("/v2/authentication-realms", 202, "");
        block_on(c.request_code(&realm(), &profile("p"), "u", Purpose::ResetPassword)).unwrap();
        let sent = c.transport().sent_to("/v2/");
        assert_eq!(sent.len(), 2);
        assert_eq!(bearer(&sent[1]).as_deref(), Some("Bearer new"));
    }

    #[test]
    fn a_credential_goes_out_with_a_token_renewed_by_its_lifetime() {
        let c = client();
        c.transport().token_answer("t1", 3600);
        c.transport().token_answer("t2", 3600);
        c.transport().answer("/v2/authentication-realms", 202, "");
        c.transport()
            .answer("/v2/account-members/tokens", 201, TOKENS);
        block_on(c.request_code(&realm(), &profile("p"), "u", Purpose::ResetPassword)).unwrap();
        c.transport()
            .now
            .set(c.transport().now.get() + 3600.0 - 30.0);
        let tokens = block_on(c.exchange_code(&profile("p"), "u", "abc123")).unwrap();
        assert_eq!(tokens.member_id, "m1");
        let sent = c.transport().sent_to("/v2/account-members/tokens");
        assert_eq!(sent.len(), 1);
        assert_eq!(bearer(&sent[0]).as_deref(), Some("Bearer t2"));
    }

    #[test]
    fn a_wrong_code_or_password_is_sent_once() {
        let c = client();
        c.transport().token_answer("t", 3600);
        c.transport().answer(
            "/v2/account-members/tokens",
            401,
            r#"{"errors":[{"title":"Unauthorized","status":"401"}]}"#,
        );
        assert_eq!(
            block_on(c.exchange_code(&profile("p"), "u", "nope00")),
            Err(CommerceError::CodeRejected)
        );
        assert_eq!(
            block_on(c.sign_in(&profile("p"), "u", "wrong password")),
            Err(CommerceError::CredentialsRejected)
        );
        assert_eq!(c.transport().sent_to("/v2/").len(), 2, "one each");
        assert_eq!(
            c.transport().sent_to("/oauth/").len(),
            1,
            "and one implicit token"
        );
    }

    #[test]
    fn rate_limited_calls_wait_and_try_again() {
        let c = client();
        c.transport().token_answer("t", 3600);
        c.transport()
            .answer("/v2/", 429, r#"{"errors":[{"title":"Too Many Requests"}]}"#);
        c.transport().answer("/v2/", 202, "");
        block_on(c.request_code(&realm(), &profile("p"), "u", Purpose::ResetPassword)).unwrap();
        assert_eq!(*c.transport().slept.borrow(), vec![1000]);
        c.transport().answer("/v2/", 429, "");
        // The queue now repeats 202 then 429 forever: drain to the repeating 429.
        let c2 = client();
        c2.transport().token_answer("t", 3600);
        c2.transport().answer("/v2/", 429, "");
        assert_eq!(
            block_on(c2.request_code(&realm(), &profile("p"), "u", Purpose::ResetPassword)),
            Err(CommerceError::RateLimited {
                retry_after_secs: None
            })
        );
        assert_eq!(
            c2.transport().sent_to("/v2/").len(),
            compat::MAX_ATTEMPTS_ON_RATE_LIMIT as usize
        );
    }

    #[test]
    fn retry_after_is_waited_out_when_short_and_told_when_long() {
        let c = client();
        c.transport().token_answer("t", 3600);
        c.transport().answer_with("/v2/", 429, "", Some(2));
        c.transport().answer("/v2/", 202, "");
        block_on(c.request_code(&realm(), &profile("p"), "u", Purpose::ResetPassword)).unwrap();
        assert_eq!(*c.transport().slept.borrow(), vec![2000]);

        let c = client();
        c.transport().token_answer("t", 3600);
        c.transport().answer_with("/v2/", 429, "", Some(120));
        assert_eq!(
            block_on(c.request_code(&realm(), &profile("p"), "u", Purpose::ResetPassword)),
            Err(CommerceError::RateLimited {
                retry_after_secs: Some(120)
            })
        );
        assert_eq!(
            c.transport().sent_to("/v2/").len(),
            1,
            "not tried again unseen"
        );
        assert!(c.transport().slept.borrow().is_empty());
    }

    #[test]
    fn a_failed_token_fetch_is_tried_again_next_time() {
        let c = client();
        c.transport().answer("/oauth/access_token", 500, "");
        c.transport().token_answer("t", 3600);
        assert_eq!(
            block_on(c.request_code(&realm(), &profile("p"), "u", Purpose::ResetPassword)),
            Err(CommerceError::Server {
                status: StatusCode::INTERNAL_SERVER_ERROR
            })
        );
        c.transport().answer("/v2/", 202, "");
        assert!(
            block_on(c.request_code(&realm(), &profile("p"), "u", Purpose::ResetPassword)).is_ok()
        );
    }

    #[test]
    fn a_404_for_an_unknown_username_reads_as_sent() {
        let c = client();
        c.transport().token_answer("t", 3600);
        let not_found = r#"{"errors":[{"title":"Not Found"}]}"#;
        c.transport().answer(
            "/v2/authentication-realms/r/password-profiles/p/one",
            404,
            not_found,
        );
        c.transport().answer(
            "/v2/authentication-realms/r/password-profiles/p",
            200,
            r#"{"data":{"id":"p"}}"#,
        );
        let sent = block_on(c.request_code(
            &realm(),
            &profile("p"),
            "nobody@example.com",
            Purpose::ResetPassword,
        ));
        assert_eq!(sent, Ok(()));
    }

    #[test]
    fn a_404_for_an_unknown_profile_is_a_setup_problem() {
        let c = client();
        c.transport().token_answer("t", 3600);
        let not_found = r#"{"errors":[{"title":"Not Found"}]}"#;
        c.transport().answer(
            "/v2/authentication-realms/r/password-profiles/p",
            404,
            not_found,
        );
        assert_eq!(
            block_on(c.request_code(
                &realm(),
                &profile("p"),
                "john@example.com",
                Purpose::ResetPassword
            )),
            Err(CommerceError::Setup(SetupProblem::UnknownRealmOrProfile))
        );
    }

    #[test]
    fn finds_the_profile_info_for_the_configured_profile() {
        let c = client();
        c.transport().token_answer("t", 3600);
        c.transport().answer(
            "/v2/authentication-realms/r/user-authentication-info/m1",
            200,
            r#"{"data":[{"id":"other","password_profile_id":"p0","username":"x"},{"id":"mine","password_profile_id":"p1","username":"x"}]}"#,
        );
        assert_eq!(
            block_on(c.find_password_profile_info(&realm(), &member(), &profile("p1"), &token())),
            Ok(PasswordProfileInfoId::new("mine"))
        );
        assert_eq!(
            block_on(c.find_password_profile_info(&realm(), &member(), &profile("p9"), &token())),
            Err(CommerceError::Setup(SetupProblem::NoPasswordProfileInfo))
        );
    }
}

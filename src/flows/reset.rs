//! Resetting a password: exchange the code, find the password's id if the link did not carry
//! it, set the new password. The exchange spends the code, so what it gave is kept between
//! attempts: a second try after a refused password does not need a new code.

use std::cell::RefCell;

use super::FlowIds;
use crate::commerce::client::CommerceClient;
use crate::commerce::error::SetupProblem;
use crate::commerce::http::Transport;
use crate::commerce::requests::PasswordUpdate;
use crate::commerce::{
    AccountManagementToken, AccountMemberId, CommerceError, PasswordProfileInfoId,
};

/// What the shopper and the e-mail link provide.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResetRequest {
    pub username: String,
    pub code: String,
    pub new_password: String,
    pub ids: FlowIds,
}

/// Proof of the code: the member and an Account Management token, from one exchange.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Proof {
    username: String,
    code: String,
    member_id: AccountMemberId,
    am_token: AccountManagementToken,
    info_id: Option<PasswordProfileInfoId>,
}

/// Keeps the proof of one reset between attempts, in memory.
#[derive(Debug, Default)]
pub struct ResetAttempts {
    proof: RefCell<Option<Proof>>,
}

impl ResetAttempts {
    /// Sets the new password, exchanging the code only if no earlier attempt did. A kept
    /// Account Management token that Commerce no longer takes (it expired between attempts;
    /// Commerce answers as it does when self management is off) starts again from the code:
    /// a new exchange, and if the code is spent by then, "send a new code", never a set-up
    /// message.
    pub async fn reset<T: Transport>(
        &self,
        client: &CommerceClient<T>,
        request: &ResetRequest,
    ) -> Result<(), CommerceError> {
        let kept = self
            .proof
            .borrow()
            .clone()
            .filter(|p| p.username == request.username && p.code == request.code);
        let Some(proof) = kept else {
            let proof = self.prove(client, request).await?;
            return self.finish(client, request, proof).await;
        };
        match self.finish(client, request, proof).await {
            Err(CommerceError::Setup(SetupProblem::SelfManagementDisabled)) => {
                *self.proof.borrow_mut() = None;
                let proof = self.prove(client, request).await?;
                self.finish(client, request, proof).await
            }
            done => done,
        }
    }

    /// Exchanges the code for the member and a token to act with, and keeps them.
    async fn prove<T: Transport>(
        &self,
        client: &CommerceClient<T>,
        request: &ResetRequest,
    ) -> Result<Proof, CommerceError> {
        let tokens = client
            .exchange_code(&request.ids.profile_id, &request.username, &request.code)
            .await?;
        // Every token of the member may act for the member; any one will do.
        let am_token = tokens
            .accounts
            .first()
            .map(|a| a.token.clone())
            .ok_or(CommerceError::NoAccounts)?;
        let proof = Proof {
            username: request.username.clone(),
            code: request.code.clone(),
            member_id: tokens.member_id,
            am_token,
            info_id: request.ids.info_id.clone(),
        };
        *self.proof.borrow_mut() = Some(proof.clone());
        Ok(proof)
    }

    /// Finds the password's id if needed, then sets the new password with `proof`.
    async fn finish<T: Transport>(
        &self,
        client: &CommerceClient<T>,
        request: &ResetRequest,
        mut proof: Proof,
    ) -> Result<(), CommerceError> {
        let info_id = match proof.info_id.clone() {
            Some(id) => id,
            None => {
                let id = client
                    .find_password_profile_info(
                        &request.ids.realm_id,
                        &proof.member_id,
                        &request.ids.profile_id,
                        &proof.am_token,
                    )
                    .await?;
                proof.info_id = Some(id.clone());
                *self.proof.borrow_mut() = Some(proof.clone());
                id
            }
        };

        let update = PasswordUpdate {
            realm_id: &request.ids.realm_id,
            member_id: &proof.member_id,
            info_id: &info_id,
            profile_id: &request.ids.profile_id,
            username: &request.username,
            password: &request.new_password,
        };
        client.update_password(&update, &proof.am_token).await?;
        // Done: the token is not needed any more, and is not kept.
        *self.proof.borrow_mut() = None;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commerce::client::fake::FakeTransport;
    use crate::commerce::http::{Body, Method};
    use futures::executor::block_on;

    const TOKENS: &str = r#"{"data":[{"account_id":"a1","account_name":"Personal","token":"jwt1","expires":"2030-01-01T00:00:00.000Z"}],"meta":{"account_member_id":"m1"}}"#;
    const INFOS: &str =
        r#"{"data":[{"id":"info-1","password_profile_id":"p1","username":"john"}]}"#;

    fn request(info_id: Option<&str>) -> ResetRequest {
        ResetRequest {
            username: "john".into(),
            code: "lprvj4".into(),
            new_password: "N3w-Passw0rd!".into(),
            ids: FlowIds {
                realm_id: crate::commerce::RealmId::new("r1"),
                profile_id: crate::commerce::PasswordProfileId::new("p1"),
                info_id: info_id.map(PasswordProfileInfoId::new),
            },
        }
    }

    fn client() -> CommerceClient<FakeTransport> {
        let c = CommerceClient::new(FakeTransport::new(), "http://api", "cid");
        c.transport().token_answer("t", 3600);
        c.transport()
            .answer("/v2/account-members/tokens", 201, TOKENS);
        c
    }

    #[test]
    fn with_every_id_from_the_link() {
        let c = client();
        c.transport().answer("/v2/authentication-realms/r1/user-authentication-info/m1/user-authentication-password-profile-info/info-9", 200, "{}");
        block_on(ResetAttempts::default().reset(&c, &request(Some("info-9")))).unwrap();
        let puts: Vec<_> = c
            .transport()
            .sent
            .borrow()
            .iter()
            .filter(|r| r.method == Method::PUT)
            .cloned()
            .collect();
        assert_eq!(puts.len(), 1);
        let Some(Body::Json(body)) = &puts[0].body else {
            panic!("json")
        };
        assert_eq!(body["data"]["password"], "N3w-Passw0rd!");
        assert!(puts[0]
            .headers
            .contains(&("EP-Account-Management-Authentication-Token", "jwt1".into())));
        assert!(c
            .transport()
            .sent
            .borrow()
            .iter()
            .all(|r| r.method != Method::GET));
    }

    #[test]
    fn looks_the_profile_info_up_when_the_link_lacks_it() {
        let c = client();
        c.transport().answer("/v2/authentication-realms/r1/user-authentication-info/m1/user-authentication-password-profile-info/info-1", 200, "{}");
        c.transport().answer("/v2/authentication-realms/r1/user-authentication-info/m1/user-authentication-password-profile-info", 200, INFOS);
        block_on(ResetAttempts::default().reset(&c, &request(None))).unwrap();
        let sent = c.transport().sent.borrow();
        let put = sent.iter().find(|r| r.method == Method::PUT).unwrap();
        assert!(put.path.ends_with("/info-1"));
    }

    #[test]
    fn a_refused_password_can_be_retried_without_a_new_code() {
        let c = client();
        let put = "/v2/authentication-realms/r1/user-authentication-info/m1/user-authentication-password-profile-info/info-9";
        c.transport().answer(
            put,
            400,
            r#"{"errors":[{"status":"400","detail":"too weak"}]}"#,
        );
        c.transport().answer(put, 200, "{}");
        let attempts = ResetAttempts::default();
        assert_eq!(
            block_on(attempts.reset(&c, &request(Some("info-9")))),
            Err(CommerceError::PasswordRejected {
                detail: Some("too weak".into())
            })
        );
        block_on(attempts.reset(&c, &request(Some("info-9")))).unwrap();
        assert_eq!(c.transport().sent_to("/v2/account-members/tokens").len(), 1);
    }

    #[test]
    fn a_kept_token_that_expired_means_a_new_exchange_not_a_set_up_problem() {
        let c = client();
        let put = "/v2/authentication-realms/r1/user-authentication-info/m1/user-authentication-password-profile-info/info-9";
        c.transport().answer(
            put,
            400,
            r#"{"errors":[{"status":"400","detail":"too weak"}]}"#,
        );
        c.transport()
            .answer(put, 401, r#"{"errors":[{"status":"401"}]}"#);
        c.transport().answer(put, 200, "{}");
        let attempts = ResetAttempts::default();
        assert!(block_on(attempts.reset(&c, &request(Some("info-9")))).is_err());
        // The second attempt's kept token is refused: the code is exchanged again, and the
        // password set with the new token.
        block_on(attempts.reset(&c, &request(Some("info-9")))).unwrap();
        assert_eq!(c.transport().sent_to("/v2/account-members/tokens").len(), 2);

        // And once the code is spent, that is what the shopper hears.
        let c = CommerceClient::new(FakeTransport::new(), "http://api", "cid");
        c.transport().token_answer("t", 3600);
        c.transport()
            .answer("/v2/account-members/tokens", 201, TOKENS);
        c.transport().answer(
            "/v2/account-members/tokens",
            401,
            r#"{"errors":[{"status":"401"}]}"#,
        );
        c.transport().answer(
            put,
            400,
            r#"{"errors":[{"status":"400","detail":"too weak"}]}"#,
        );
        c.transport()
            .answer(put, 401, r#"{"errors":[{"status":"401"}]}"#);
        let attempts = ResetAttempts::default();
        assert!(block_on(attempts.reset(&c, &request(Some("info-9")))).is_err());
        assert_eq!(
            block_on(attempts.reset(&c, &request(Some("info-9")))),
            Err(CommerceError::CodeRejected)
        );
    }

    #[test]
    fn a_rejected_code_stops_before_the_update() {
        let c = CommerceClient::new(FakeTransport::new(), "http://api", "cid");
        c.transport().token_answer("t", 3600);
        c.transport().answer("/v2/account-members/tokens", 401, "");
        assert_eq!(
            block_on(ResetAttempts::default().reset(&c, &request(Some("i")))),
            Err(CommerceError::CodeRejected)
        );
        assert!(c
            .transport()
            .sent
            .borrow()
            .iter()
            .all(|r| r.method != Method::PUT));
    }
}

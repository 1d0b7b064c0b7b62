//! The calls to Commerce that the pages make, each a split point (`crate::lazy`): its code
//! (the request, reading the answer, the client beneath them) is not needed to show a form,
//! only to send it, so it is fetched when the page that makes the call shows
//! ([`preload_calls`]), and at the latest when the call is made. A part that cannot be fetched
//! is [`CommerceError::Network`]: "we couldn't reach the store", nothing typed is lost.

use std::rc::Rc;

use crate::commerce::{AccountTokens, PasswordProfileId, Purpose, RealmId};
use crate::context::Client;
use crate::flows::reset::{ResetAttempts, ResetRequest};
use crate::lazy::split_call;

split_call! { call_request_code, preload_request_code =>
    /// Asks for a code for `username` ([`CommerceClient::request_code`](crate::commerce::CommerceClient::request_code)).
    pub async fn request_code(
        client: Client,
        realm_id: RealmId,
        profile_id: PasswordProfileId,
        username: String,
        purpose: Purpose,
    ) -> Result<(), CommerceError> {
        client.request_code(&realm_id, &profile_id, &username, purpose).await
    }
}

split_call! { call_sign_in, preload_sign_in =>
    /// Signs in with a password ([`CommerceClient::sign_in`](crate::commerce::CommerceClient::sign_in)).
    pub async fn sign_in(
        client: Client,
        profile_id: PasswordProfileId,
        username: String,
        password: String,
    ) -> Result<AccountTokens, CommerceError> {
        client.sign_in(&profile_id, &username, &password).await
    }
}

split_call! { call_exchange_code, preload_exchange_code =>
    /// Exchanges a code for Account Management Authentication Tokens
    /// ([`CommerceClient::exchange_code`](crate::commerce::CommerceClient::exchange_code)).
    pub async fn exchange_code(
        client: Client,
        profile_id: PasswordProfileId,
        username: String,
        code: String,
    ) -> Result<AccountTokens, CommerceError> {
        client.exchange_code(&profile_id, &username, &code).await
    }
}

split_call! { call_reset, preload_reset =>
    /// Sets the new password of `request` ([`ResetAttempts::reset`]).
    pub async fn reset(
        attempts: Rc<ResetAttempts>,
        client: Client,
        request: ResetRequest,
    ) -> Result<(), CommerceError> {
        attempts.reset(&client, &request).await
    }
}

/// The calls a page may make, fetched in the background once it shows: by the time the
/// shopper has typed, sending waits for nothing but Commerce.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Calls {
    /// A code request.
    RequestCode,
    /// A sign-in with a password.
    SignIn,
    /// A code exchanged for tokens (the passwordless page).
    ExchangeCode,
    /// A reset, then perhaps a sign-in (the change-password page), and a new code.
    Reset,
}

/// Fetches the code of `calls` in the background (nothing in builds without the `split`
/// feature); a failure is left for the call itself to report.
pub fn preload_calls(calls: Calls) {
    use futures::future::{join, join3};
    leptos::task::spawn_local(async move {
        match calls {
            Calls::RequestCode => {
                let _ = preload_request_code().await;
            }
            Calls::SignIn => {
                let _ = preload_sign_in().await;
            }
            Calls::ExchangeCode => {
                let _ = join(preload_request_code(), preload_exchange_code()).await;
            }
            Calls::Reset => {
                let _ = join3(preload_request_code(), preload_sign_in(), preload_reset()).await;
            }
        }
    });
}

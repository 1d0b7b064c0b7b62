//! The signed-in shopper: the chosen Account Management token, kept for this tab only
//! (sessionStorage), and handed to the shop through `commerce-otp:*` events on `window` and
//! `window.commerceOtp.session()`.

use std::time::Duration;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::commerce::{AccountManagementToken, AccountMemberId, AccountToken, AccountTokens};
use crate::platform;

/// The sessionStorage key of this tab's session (JSON of [`Session`]).
const STORAGE_KEY: &str = "commerce-otp.session";
/// Dispatched on `window` after a sign-in, with the [`Session`] as `detail`.
pub const SIGNED_IN_EVENT: &str = "commerce-otp:signed-in";
/// Dispatched on `window` after a sign-out, by the shopper or at expiry; no `detail`.
pub const SIGNED_OUT_EVENT: &str = "commerce-otp:signed-out";

/// What the shop receives; the field names are the documented interface (README).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Session {
    pub username: String,
    pub account_member_id: AccountMemberId,
    pub account_id: String,
    pub account_name: String,
    /// The `EP-Account-Management-Authentication-Token` value.
    pub token: AccountManagementToken,
    /// ISO-8601.
    pub expires: String,
}

impl Session {
    fn new(username: &str, member_id: &AccountMemberId, account: &AccountToken) -> Self {
        Self {
            username: username.to_owned(),
            account_member_id: member_id.clone(),
            account_id: account.account_id.clone(),
            account_name: account.account_name.clone(),
            token: account.token.clone(),
            expires: account.expires.clone(),
        }
    }

    pub fn is_expired(&self) -> bool {
        platform::parse_time_ms(&self.expires).is_none_or(|expires| expires <= platform::now_ms())
    }
}

/// A sign-in that worked for a member of several accounts, waiting for the shopper's pick.
/// In memory only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingChoice {
    pub username: String,
    pub tokens: AccountTokens,
}

/// Where to go after a successful exchange.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    SignedIn,
    ChooseAccount,
}

/// The signed-in shopper of this tab. Every sign-in and sign-out goes through its methods,
/// which keep sessionStorage, the expiry timer and the shop's events in step.
#[derive(Clone, Copy)]
pub struct Auth {
    session: RwSignal<Option<Session>>,
    pending: RwSignal<Option<PendingChoice>>,
}

impl Auth {
    /// The current session, `None` when signed out.
    pub fn session(&self) -> ReadSignal<Option<Session>> {
        self.session.read_only()
    }

    /// A sign-in waiting for the shopper to pick one of several accounts.
    pub fn pending_choice(&self) -> ReadSignal<Option<PendingChoice>> {
        self.pending.read_only()
    }

    /// Restores this tab's session, unless it has expired.
    pub fn restore() -> Self {
        let stored = platform::tab_storage_get(STORAGE_KEY)
            .and_then(|json| serde_json::from_str::<Session>(&json).ok())
            .filter(|s| !s.is_expired());
        if stored.is_none() {
            platform::tab_storage_remove(STORAGE_KEY);
        }
        let auth = Self {
            session: RwSignal::new(stored.clone()),
            pending: RwSignal::new(None),
        };
        if let Some(session) = &stored {
            auth.schedule_expiry(session);
        }
        let session = auth.session;
        platform::expose_handoff(
            move || {
                session
                    .get_untracked()
                    .and_then(|s| serde_json::to_string(&s).ok())
            },
            move || auth.sign_out(),
        );
        auth
    }

    /// Signs in directly with one account; asks the shopper to choose with several.
    pub fn complete(&self, username: &str, tokens: AccountTokens) -> Next {
        match tokens.accounts.as_slice() {
            [only] => {
                self.sign_in(Session::new(username, &tokens.member_id, only));
                Next::SignedIn
            }
            _ => {
                self.pending.set(Some(PendingChoice {
                    username: username.to_owned(),
                    tokens,
                }));
                Next::ChooseAccount
            }
        }
    }

    /// Picks one account of the pending choice; the other tokens are dropped.
    pub fn choose(&self, account_id: &str) -> bool {
        let Some(choice) = self.pending.get_untracked() else {
            return false;
        };
        let Some(account) = choice
            .tokens
            .accounts
            .iter()
            .find(|a| a.account_id == account_id)
        else {
            return false;
        };
        self.sign_in(Session::new(
            &choice.username,
            &choice.tokens.member_id,
            account,
        ));
        self.pending.set(None);
        true
    }

    /// Keeps the session for the tab, then tells the shop; a listener that calls
    /// `commerceOtp.session()` already sees it.
    fn sign_in(&self, session: Session) {
        let json = serde_json::to_string(&session).ok();
        if let Some(json) = &json {
            platform::tab_storage_set(STORAGE_KEY, json);
        }
        self.pending.set(None);
        self.schedule_expiry(&session);
        self.session.set(Some(session));
        if let Some(json) = &json {
            platform::dispatch_window_event(SIGNED_IN_EVENT, Some(json));
        }
    }

    /// Signs out when the token expires, so neither the page nor the shop keeps using a dead
    /// token; unless another sign-in has replaced it by then.
    fn schedule_expiry(&self, session: &Session) {
        let Some(expires) = platform::parse_time_ms(&session.expires) else {
            return;
        };
        let delay = (expires - platform::now_ms()).max(0.0);
        // Browsers fire longer timeouts at once (the delay is a 32-bit count of milliseconds);
        // such a session is checked when a page renders instead.
        if delay > f64::from(i32::MAX) {
            return;
        }
        let (auth, token) = (*self, session.token.clone());
        set_timeout(
            move || {
                let current = auth.session.try_get_untracked().flatten();
                if current.is_some_and(|s| s.token == token) {
                    auth.sign_out();
                }
            },
            Duration::from_millis(delay as u64),
        );
    }

    /// Forgets the session and any pending choice; tells the shop when a session ended.
    pub fn sign_out(&self) {
        platform::tab_storage_remove(STORAGE_KEY);
        self.pending.set(None);
        if self.session.try_get_untracked().flatten().is_some() {
            self.session.set(None);
            platform::dispatch_window_event(SIGNED_OUT_EVENT, None);
        }
    }
}

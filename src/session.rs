//! The signed-in shopper: the chosen Account Management token, kept for this tab only
//! (sessionStorage), announced to the shop (`handoff`), and ended in every tab of the origin
//! when the shopper signs out in one (`BroadcastChannel`).

use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::commerce::{AccountManagementToken, AccountMemberId, AccountToken, AccountTokens};
use crate::handoff::{Announcement, Channel, BROADCAST_CHANNEL};
use crate::platform::{self, Broadcast};

/// The sessionStorage key of this tab's session (JSON of [`Session`]).
pub const STORAGE_KEY: &str = "commerce-otp.session";
/// The sessionStorage key of when that session ends by this browser's clock (milliseconds
/// since the epoch, decimal), kept apart so that the session's JSON is what the shop gets.
const ENDS_KEY: &str = "commerce-otp.session-ends";
/// What one instance posts to the others of its origin when the shopper signs out.
const SIGNED_OUT_MESSAGE: &str = r#"{"type":"signed-out"}"#;
/// What one instance posts to the others when the shopper signs in: no token; the others of
/// the same tab find the session in the tab's storage (other tabs have their own).
const SIGNED_IN_MESSAGE: &str = r#"{"type":"signed-in"}"#;

/// What the shop receives; the field names are the documented interface (README).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Session {
    pub username: String,
    pub account_member_id: AccountMemberId,
    pub account_id: String,
    pub account_name: String,
    /// The `EP-Account-Management-Authentication-Token` value.
    pub token: AccountManagementToken,
    /// ISO-8601, as Commerce gave it (by Commerce's clock).
    pub expires: String,
    /// When the session ends by this browser's clock, in milliseconds since the epoch
    /// ([`lifetime_ms`]); `None` when Commerce's lifetime cannot be told: the session then
    /// lasts until a sign-out or the tab closes. Not for the shop (it has `expires`).
    #[serde(skip)]
    pub(crate) ends_at_ms: Option<u64>,
}

/// How long a session lives from now, in milliseconds, by Commerce's own account, whatever
/// this browser's clock says: the token's lifetime as issued (`exp − iat` of its claims, in
/// seconds, `docs/commerce-api.md` §5); else until `expires_ms` by this clock, if that is
/// ahead; else unknown (`None`). One rule for the page, the storage, the timer and the events.
pub fn lifetime_ms(
    claims: Option<(f64, f64)>,
    expires_ms: Option<f64>,
    now_ms: f64,
) -> Option<f64> {
    match (claims, expires_ms) {
        (Some((iat, exp)), _) if exp > iat => Some((exp - iat) * 1000.0),
        (_, Some(expires)) if expires > now_ms => Some(expires - now_ms),
        _ => None,
    }
}

impl Session {
    fn new(username: &str, member_id: &AccountMemberId, account: &AccountToken) -> Self {
        let now = platform::now_ms();
        let lifetime = lifetime_ms(
            platform::token_times(account.token.as_str()),
            platform::parse_time_ms(&account.expires),
            now,
        );
        Self {
            username: username.to_owned(),
            account_member_id: member_id.clone(),
            account_id: account.account_id.clone(),
            account_name: account.account_name.clone(),
            token: account.token.clone(),
            expires: account.expires.clone(),
            ends_at_ms: lifetime.map(|ms| (now + ms) as u64),
        }
    }

    pub fn is_expired(&self) -> bool {
        self.ends_at_ms
            .is_some_and(|ends| ends as f64 <= platform::now_ms())
    }

    /// The tab's stored session, if there is one that has not ended.
    fn load() -> Option<Self> {
        let json = platform::tab_storage_get(STORAGE_KEY)?;
        let session = Session {
            ends_at_ms: platform::tab_storage_get(ENDS_KEY).and_then(|ms| ms.parse().ok()),
            ..serde_json::from_str::<Session>(&json).ok()?
        };
        (!session.is_expired()).then_some(session)
    }

    /// Keeps the session (as the shop reads it) and, apart, when it ends by this clock.
    fn store(&self) {
        if let Ok(json) = serde_json::to_string(self) {
            platform::tab_storage_set(STORAGE_KEY, &json);
        }
        match self.ends_at_ms {
            Some(ms) => platform::tab_storage_set(ENDS_KEY, &ms.to_string()),
            None => platform::tab_storage_remove(ENDS_KEY),
        }
    }

    fn forget() {
        platform::tab_storage_remove(STORAGE_KEY);
        platform::tab_storage_remove(ENDS_KEY);
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
/// which keep sessionStorage, the expiry timer, the other tabs and the shop in step. Its
/// timer and channel belong to the reactive owner it was made in, and end with it.
#[derive(Clone, Copy)]
pub struct Auth {
    session: RwSignal<Option<Session>>,
    pending: RwSignal<Option<PendingChoice>>,
    channel: StoredValue<Channel, LocalStorage>,
    expiry: StoredValue<Option<Timeout>, LocalStorage>,
    others: StoredValue<Option<Broadcast>, LocalStorage>,
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

    /// Restores this tab's session, unless it has expired, and announces to `channel` from
    /// then on. Nothing is announced until [`Auth::announce_ready`].
    pub fn restore(channel: Channel) -> Self {
        let stored = Session::load();
        if stored.is_none() {
            Session::forget();
        }
        let auth = Self {
            session: RwSignal::new(stored.clone()),
            pending: RwSignal::new(None),
            channel: StoredValue::new_local(channel),
            expiry: StoredValue::new_local(None),
            others: StoredValue::new_local(None),
        };
        if let Some(session) = &stored {
            auth.schedule_expiry(session);
        }
        // Another tab (or element) of this origin signed out: so does this one. Another
        // element of this tab signed in: this one takes the tab's session too.
        let others = Broadcast::join(
            BROADCAST_CHANNEL,
            move |message| match platform::string_field(&message, "type").as_deref() {
                Some("signed-out") => auth.end(false),
                Some("signed-in") => auth.adopt_stored(),
                _ => {}
            },
        );
        auth.others.try_set_value(others);
        auth
    }

    /// Takes the session another element of this tab stored, if it is new to this one, and
    /// announces it (`restored: true`: not signed in here).
    fn adopt_stored(&self) {
        let Some(stored) = Session::load() else {
            return;
        };
        if self.session.try_get_untracked().flatten().as_ref() == Some(&stored) {
            return;
        }
        self.replace_with(&stored);
        self.pending.try_set(None);
        self.schedule_expiry(&stored);
        self.session.try_set(Some(stored.clone()));
        self.announce(|channel| {
            channel.announce(Announcement::SignedIn {
                session: &stored,
                restored: true,
            });
        });
    }

    /// Tells the shop the app is ready: first the restored session, if any, as a
    /// `signed-in` with `restored: true`, then `ready` with the session or `null`.
    pub fn announce_ready(&self) {
        let session = self.session.try_get_untracked().flatten();
        self.announce(|channel| {
            if let Some(session) = &session {
                channel.announce(Announcement::SignedIn {
                    session,
                    restored: true,
                });
            }
            channel.announce(Announcement::Ready {
                session: session.as_ref(),
            });
        });
    }

    /// The session as JSON, for the shop's `session` reads; `None` when signed out.
    pub fn session_json(&self) -> Option<String> {
        self.session
            .try_get_untracked()
            .flatten()
            .and_then(|s| serde_json::to_string(&s).ok())
    }

    fn announce(&self, tell: impl FnOnce(&Channel)) {
        if let Some(channel) = self.channel.try_get_value() {
            tell(&channel);
        }
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

    /// Keeps the session for the tab, then tells the shop; a listener that reads the session
    /// already sees it. A session it replaces is announced as ended first.
    fn sign_in(&self, session: Session) {
        self.replace_with(&session);
        session.store();
        self.pending.set(None);
        self.schedule_expiry(&session);
        self.session.set(Some(session.clone()));
        self.announce(|channel| {
            channel.announce(Announcement::SignedIn {
                session: &session,
                restored: false,
            });
        });
        self.others.try_with_value(|others| {
            if let Some(others) = others {
                others.post(SIGNED_IN_MESSAGE);
            }
        });
    }

    /// Signs out when the token expires, so neither the page nor the shop keeps using a dead
    /// token; a later sign-in replaces the timer.
    fn schedule_expiry(&self, session: &Session) {
        let Some(ends) = session.ends_at_ms else {
            return;
        };
        let delay = (ends as f64 - platform::now_ms()).max(0.0);
        // Browsers fire longer timeouts at once (the delay is a 32-bit count of milliseconds);
        // such a session is checked when a page renders instead.
        if delay > f64::from(i32::MAX) {
            return;
        }
        let auth = *self;
        let timer = Timeout::new(delay as u32, move || auth.end(false));
        self.expiry.try_set_value(Some(timer));
    }

    /// Before `next` takes the place of another session: the shop hears that one ended, so it
    /// never holds two shoppers' tokens believing one.
    fn replace_with(&self, next: &Session) {
        let current = self.session.try_get_untracked().flatten();
        if current.is_some_and(|current| current.token != next.token) {
            self.session.try_set(None);
            self.announce(|channel| channel.announce(Announcement::SignedOut));
        }
    }

    /// Forgets the session and any pending choice, in every tab of this origin; tells the
    /// shop when a session ended.
    pub fn sign_out(&self) {
        self.end(true);
    }

    /// Ends the session here; `everywhere` tells the other tabs and elements too.
    fn end(&self, everywhere: bool) {
        Session::forget();
        self.pending.try_set(None);
        self.expiry.try_set_value(None);
        if everywhere {
            self.others.try_with_value(|others| {
                if let Some(others) = others {
                    others.post(SIGNED_OUT_MESSAGE);
                }
            });
        }
        if self.session.try_get_untracked().flatten().is_some() {
            self.session.set(None);
            self.announce(|channel| channel.announce(Announcement::SignedOut));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: f64 = 1_800_000_000_000.0;

    #[test]
    fn the_tokens_own_lifetime_wins_over_a_skewed_clock() {
        // Issued for 24 h; this clock is 25 h fast, so `expires` looks past.
        let claims = Some((1_799_900_000.0, 1_799_986_400.0));
        let expires = Some(NOW - 3_600_000.0);
        assert_eq!(lifetime_ms(claims, expires, NOW), Some(86_400_000.0));
    }

    #[test]
    fn without_claims_expires_counts_if_it_is_ahead() {
        assert_eq!(lifetime_ms(None, Some(NOW + 5_000.0), NOW), Some(5_000.0));
        assert_eq!(lifetime_ms(None, Some(NOW - 1.0), NOW), None);
        assert_eq!(lifetime_ms(None, None, NOW), None);
        assert_eq!(lifetime_ms(Some((10.0, 10.0)), None, NOW), None);
    }
}

//! The pause between two requests for a code, per purpose and username, for the whole tab
//! (every page and element of it): each request replaces the code, so a second e-mail racing
//! the first only leaves the shopper with a dead code; and a `429` with `Retry-After` is a
//! pause Commerce asked for. In memory; a reload starts afresh.

use std::cell::RefCell;

use crate::commerce::Purpose;
use crate::platform;

/// After a code is sent, asking for another for the same purpose and username waits this
/// long, in milliseconds.
pub const REST_AFTER_SENDING_MS: u32 = 30_000;

/// Why asking waits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    /// A code was just sent.
    Sent,
    /// Commerce answered `429` with `Retry-After`.
    RateLimited,
}

struct Rest {
    purpose: Purpose,
    username: String,
    until_ms: f64,
    why: Why,
}

thread_local! {
    static RESTS: RefCell<Vec<Rest>> = const { RefCell::new(Vec::new()) };
}

/// How long asking for a code for `purpose` and `username` must still wait, in milliseconds,
/// and why; `None` when it may ask now.
pub fn rest_left(purpose: Purpose, username: &str) -> Option<(u32, Why)> {
    let now = platform::now_ms();
    RESTS.with_borrow_mut(|rests| {
        rests.retain(|r| r.until_ms > now);
        rests
            .iter()
            .find(|r| r.purpose == purpose && r.username == username)
            .map(|r| ((r.until_ms - now).ceil() as u32, r.why))
    })
}

/// Asking for a code for `purpose` and `username` waits `millis` from now.
pub fn rest(purpose: Purpose, username: &str, millis: u32, why: Why) {
    let until_ms = platform::now_ms() + f64::from(millis);
    RESTS.with_borrow_mut(|rests| {
        rests.retain(|r| !(r.purpose == purpose && r.username == username));
        rests.push(Rest {
            purpose,
            username: username.to_owned(),
            until_ms,
            why,
        });
    });
}

//! Page behaviour written once: each `use_…` hook returns a small `Copy` struct of signals and
//! callbacks (the leptos-use style), so the pages keep only their own fields and call.

pub mod calls;
mod code_form;
mod fields;
mod lifetime;
mod link;
pub mod rest;

pub use code_form::{use_code_form, CodeForm, CodeSource, NewCode, UseCodeFormOptions};
pub use fields::{check_fields, FieldCheck};
pub use lifetime::{use_page_lifetime, PageLifetime};
pub use link::{use_link, Link};

use crate::commerce::{CommerceError, Purpose};
use crate::context::{Client, Flow};
use crate::flows::FlowIds;
use crate::messages;

/// What a request for a code did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Requested {
    /// A code is on its way; asking again waits `rest::REST_AFTER_SENDING_MS`.
    Sent,
    /// One was sent moments ago, so none was: asking again waits this many more milliseconds.
    Earlier { wait_ms: u32 },
}

/// Asks Commerce to e-mail a code for `purpose`, unless the tab asked for one for this
/// username moments ago (`rest`), then tells the flow's next page, which confirms it in
/// words that do not tell whether the account exists. A `429` with `Retry-After` makes asking
/// wait that long.
pub async fn request_code(
    client: &Client,
    flow: Flow,
    purpose: Purpose,
    username: &str,
    ids: &FlowIds,
) -> Result<Requested, CommerceError> {
    match rest::rest_left(purpose, username) {
        Some((wait_ms, rest::Why::Sent)) => {
            flow.remember_username(username);
            let wait = Some(wait_ms.div_ceil(1000));
            flow.code_sent(
                purpose,
                messages::code_sent("code-recently-sent", username, wait),
            );
            return Ok(Requested::Earlier { wait_ms });
        }
        Some((wait_ms, rest::Why::RateLimited)) => {
            return Err(CommerceError::RateLimited {
                retry_after_secs: Some(wait_ms.div_ceil(1000)),
            });
        }
        None => {}
    }
    let result = calls::request_code(
        client.clone(),
        ids.realm_id.clone(),
        ids.profile_id.clone(),
        username.to_owned(),
        purpose,
    )
    .await;
    match result {
        Ok(()) => {
            rest::rest(
                purpose,
                username,
                rest::REST_AFTER_SENDING_MS,
                rest::Why::Sent,
            );
            flow.remember_username(username);
            flow.code_sent(purpose, messages::code_sent("code-sent", username, None));
            Ok(Requested::Sent)
        }
        Err(CommerceError::RateLimited {
            retry_after_secs: Some(secs),
        }) => {
            rest::rest(
                purpose,
                username,
                secs.saturating_mul(1000),
                rest::Why::RateLimited,
            );
            Err(CommerceError::RateLimited {
                retry_after_secs: Some(secs),
            })
        }
        Err(error) => Err(error),
    }
}

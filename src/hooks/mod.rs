//! Page behaviour written once: each `use_…` hook returns a small `Copy` struct of signals and
//! callbacks (the leptos-use style), so the pages keep only their own fields and call.

mod code_form;
mod fields;
mod lifetime;
mod link;

pub use code_form::{use_code_form, CodeForm, CodeSource, NewCode, UseCodeFormOptions};
pub use fields::{check_fields, FieldCheck};
pub use lifetime::{use_page_lifetime, PageLifetime};
pub use link::{use_link, Link};

use crate::commerce::{CommerceError, Purpose};
use crate::context::{Client, Flow};
use crate::flows::FlowIds;

/// Asks Commerce to e-mail a code for `purpose`, then tells the flow's next page, which
/// confirms it in words that do not tell whether the account exists.
pub async fn request_code(
    client: &Client,
    flow: Flow,
    purpose: Purpose,
    username: &str,
    ids: &FlowIds,
) -> Result<(), CommerceError> {
    client
        .request_code(&ids.realm_id, &ids.profile_id, username, purpose)
        .await?;
    flow.code_sent(purpose, username);
    Ok(())
}

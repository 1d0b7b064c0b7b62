//! The steps of the two flows, apart from any view so they can be tested natively.

pub mod link;
pub mod reset;
pub mod validate;

use crate::commerce::{PasswordProfileId, PasswordProfileInfoId, RealmId};

/// Where a flow's code was requested and where its password lives: read once (from the
/// e-mail link, else from `config.json`) and carried unchanged to every call of the flow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlowIds {
    pub realm_id: RealmId,
    pub profile_id: PasswordProfileId,
    /// The member's login in that profile, when the e-mail link carried it; else the reset
    /// looks it up after the exchange (`docs/commerce-api.md` §6.5).
    pub info_id: Option<PasswordProfileInfoId>,
}

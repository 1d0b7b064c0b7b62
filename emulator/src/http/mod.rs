//! What every endpoint shares, below the resources that use it: extractors,
//! the JSON:API error type, response builders, request-body readers and the
//! access checks. These modules depend on the model (`state`, `seed`, `auth`) and
//! on each other, never on [`crate::api`] or [`crate::control`].
//!
//! Inside, the order is `access` → `extract` → `body` → `error` → `response`:
//! each uses only the ones after it.

pub mod access;
pub mod body;
pub mod error;
pub mod extract;
pub mod response;

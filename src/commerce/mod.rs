//! Typed client for the Elastic Path Commerce calls of the one-time password flows.
//!
//! Knows nothing of views. Request building (`requests`) and response and error parsing
//! (`responses`, `error`) are plain functions; `client` adds the implicit token and retries on
//! top of a `Transport`, which is gloo-net in the browser (`web`) and a fake in tests.

pub mod client;
pub mod compat;
pub mod error;
pub mod http;
pub mod ids;
pub mod requests;
pub mod responses;
pub mod web;

pub use client::CommerceClient;
pub use error::{CommerceError, SetupProblem};
pub use ids::{
    AccountManagementToken, AccountMemberId, PasswordProfileId, PasswordProfileInfoId, RealmId,
};
pub use requests::Purpose;
pub use responses::{AccountToken, AccountTokens};

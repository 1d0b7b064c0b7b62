//! The Commerce endpoints (`/oauth/access_token` and `/v2/…`), one module per
//! resource, each with its `routes()`; [`crate::api_router`] merges them.
//!
//! A resource module depends on the model (`state`, `seed`, `auth`, `clock`,
//! `outbox`), on the helpers in [`crate::http`] and on [`common`], never on another
//! resource module.

pub mod common;
pub mod integrations;
pub mod members;
pub mod oauth;
pub mod otp_request;
pub mod password_profile_infos;
pub mod password_profiles;
pub mod realms;
pub mod settings;
pub mod users;

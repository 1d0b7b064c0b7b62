//! A local stand-in for the Elastic Path Commerce endpoints that the shopper's
//! password-reset and passwordless sign-in app uses, following the project's API
//! notes, `docs/commerce-api.md` (the "§" numbers in this crate's comments are that
//! document's sections). Everything lives in memory and starts from a seed.
//!
//! * [`api_router`]: the API origin (Commerce endpoints plus `/__emulator` controls).
//! * [`app_host::app_router`]: the app origin (static files, `/config.json`).
//! * [`shop_host::shop_router`]: an example shop origin that embeds the app.
//!
//! The modules, each depending only on those listed before it:
//!
//! * the model: [`clock`], [`seed`], [`auth`], [`fault`], [`calls`], [`outbox`],
//!   [`mailbox`], [`state`];
//! * [`webhook`]: the events POSTed to webhook integrations (the one HTTP client);
//! * [`http`]: extractors, errors, request and response bodies, access checks;
//! * [`api`]: one module per Commerce resource, each with its `routes()`;
//! * [`control`]: the `/__emulator` test controls;
//! * [`app_host`], [`shop_host`], and [`api_router`] here, which merges the routes.

pub mod api;
pub mod app_host;
pub mod auth;
pub mod calls;
pub mod clock;
pub mod control;
pub mod fault;
pub mod http;
pub mod mailbox;
pub mod outbox;
pub mod seed;
pub mod shop_host;
pub mod state;
pub mod webhook;

pub use seed::Seed;
pub use state::{Config, Emulator, Shared};

use axum::extract::Request;
use axum::http::{header, HeaderName, Method};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::Router;
use std::time::{Duration, Instant};
use tower_http::cors::{Any, CorsLayer};

/// The API origin: every resource's routes and the test controls, merged here.
/// Layers, outermost first: the `no-cors` fault's header stripping
/// ([`control::strip_cors`]), CORS, the call log ([`control::record_calls`]: CORS
/// preflights, answered by the CORS layer, are not in it), faults, routes; an unknown path is a JSON:API 404,
/// a known path with another method a JSON:API 405. The binary adds the request
/// log (`log_request`); tests that use the router in-process stay quiet.
pub fn api_router(emu: Shared) -> Router {
    Router::new()
        .merge(api::oauth::routes())
        .merge(api::settings::routes())
        .merge(api::realms::routes())
        .merge(api::password_profiles::routes())
        .merge(api::otp_request::routes())
        .merge(api::users::routes())
        .merge(api::password_profile_infos::routes())
        .merge(api::members::routes())
        .merge(api::integrations::routes())
        .merge(control::routes())
        .fallback(http::error::not_found)
        .method_not_allowed_fallback(http::error::method_not_allowed)
        .layer(middleware::from_fn_with_state(
            emu.clone(),
            control::inject_faults,
        ))
        .layer(middleware::from_fn_with_state(
            emu.clone(),
            control::record_calls,
        ))
        .layer(cors())
        .layer(middleware::map_response(control::strip_cors))
        .with_state(emu)
}

/// CORS as a public API would answer it (docs/commerce-api.md §0.6 infers this).
fn cors() -> CorsLayer {
    CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([
            Method::GET,
            Method::POST,
            Method::PUT,
            Method::DELETE,
            Method::OPTIONS,
        ])
        .allow_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            HeaderName::from_static("ep-account-management-authentication-token"),
            header::ACCEPT,
        ])
        .max_age(Duration::from_secs(600))
        // Not a CORS-safelisted response header: a browser reads it only when exposed.
        .expose_headers([header::RETRY_AFTER])
}

/// One stderr line per request: method, path (never the query), status, time.
/// Bodies and headers, where tokens and codes travel, are not logged.
pub async fn log_request(origin: &'static str, req: Request, next: Next) -> Response {
    let method = req.method().clone();
    let path = req.uri().path().to_owned();
    let started = Instant::now();
    let response = next.run(req).await;
    eprintln!(
        "{origin} {method} {path} -> {} ({} ms)",
        response.status().as_u16(),
        started.elapsed().as_millis()
    );
    response
}

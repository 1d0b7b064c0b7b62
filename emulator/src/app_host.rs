//! Serves the built app (a Trunk `dist/`) on its own origin, with a generated
//! `/config.json` pointing it at this emulator, and an SPA fallback so that deep
//! links such as `/change_password?…` from the outbox load `index.html`.

use crate::state::Emulator;
use axum::extract::State;
use axum::http::{header, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde_json::{json, Value};
use std::path::PathBuf;
use std::sync::Arc;
use tower_http::services::ServeDir;

/// The app's runtime configuration for this emulator and its seed.
pub fn config_json(emu: &Emulator, api_base: &str) -> Value {
    let world = emu.world();
    let profile_id = world
        .password_profiles
        .iter()
        .find(|p| p.enable_one_time_password_token)
        .or_else(|| world.password_profiles.first())
        .map(|p| p.id.clone());
    json!({
        "client_id": emu.store.client_id,
        "api_base": api_base,
        "authentication_realm_id": world.settings.authentication_realm_id,
        "password_profile_id": profile_id,
        "flows": ["reset_password", "passwordless_authentication"],
    })
}

/// The app origin: `GET /config.json` (generated; it wins over a file of that name),
/// then the files of `dir` (a `.br` or `.gz` beside a file when the browser accepts it),
/// then `index.html` for the app's paths: one segment, no extension.
pub fn app_router(dir: PathBuf, config: Value) -> Router {
    let config = Arc::new(config.to_string());
    let index = Arc::new(dir.join("index.html"));
    let files = ServeDir::new(&dir)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(get(spa_fallback).with_state(index));
    Router::new()
        .route("/config.json", get(move || serve_config(config.clone())))
        .fallback_service(files)
}

async fn serve_config(config: Arc<String>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        config.as_str().to_owned(),
    )
        .into_response()
}

/// A path of one segment without an extension (`/change_password`) is one of the app's pages.
/// Deeper paths are not: the app's assets are relative to its folder, so `index.html` served
/// at `/a/b` could not load them, and the host's plain 404 says more than an empty page.
async fn spa_fallback(State(index): State<Arc<PathBuf>>, uri: Uri) -> Response {
    let segment = uri.path().trim_start_matches('/');
    if segment.contains(['/', '.']) {
        return (StatusCode::NOT_FOUND, "Not Found").into_response();
    }
    match tokio::fs::read(index.as_ref()).await {
        Ok(html) => (
            [
                (header::CONTENT_TYPE, "text/html; charset=utf-8"),
                (header::CACHE_CONTROL, "no-cache"),
            ],
            html,
        )
            .into_response(),
        Err(_) => (
            StatusCode::NOT_FOUND,
            "index.html is missing from the app directory",
        )
            .into_response(),
    }
}

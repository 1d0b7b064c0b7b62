//! Serves the built app (a Trunk `dist/`) on its own origin, with a generated
//! `/config.json` pointing it at this emulator, and an SPA fallback so that deep
//! links such as `/change_password?…` from the outbox load `index.html`.
//!
//! It answers like a deploy configured for the embeddable widget: a shop page on
//! another origin imports the loader, the wasm-bindgen glue, the wasm, the CSS and
//! `config.json` cross-origin (so every response allows any origin), and may frame
//! the app (so every response names the shops that may, in `frame-ancestors`).

use crate::state::Emulator;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode, Uri};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde_json::{json, Value};
use std::path::PathBuf;
use std::sync::Arc;
use tower_http::cors::{Any, CorsLayer};
use tower_http::services::ServeDir;

/// The app's runtime configuration for this emulator and its seed: the password profile
/// with one-time password tokens on (else the first), and its `username_format` (`"email"`
/// or `"any"`; neither key's value when there is no profile, and then no `username_format`).
///
/// `shop_origins` are the origins that may embed the app (`http://127.0.0.1:PORT` of the
/// shop host). When there are any, they are written twice, as `embed_origins` (who may
/// frame or import the widget) and as `allowed_return_origins` (where the app may send
/// the shopper back to); the app reads both. When there are none, neither key is written,
/// as in a deploy without the widget.
pub fn config_json(emu: &Emulator, api_base: &str, shop_origins: &[String]) -> Value {
    let world = emu.world();
    let profile = world
        .password_profiles
        .iter()
        .find(|p| p.enable_one_time_password_token)
        .or_else(|| world.password_profiles.first());
    let mut config = json!({
        "client_id": emu.store.client_id,
        "api_base": api_base,
        "authentication_realm_id": world.settings.authentication_realm_id,
        "password_profile_id": profile.map(|p| p.id.clone()),
        "flows": ["reset_password", "passwordless_authentication"],
    });
    if let Some(profile) = profile {
        config["username_format"] = json!(profile.username_format.as_str());
    }
    if !shop_origins.is_empty() {
        config["embed_origins"] = json!(shop_origins);
        config["allowed_return_origins"] = json!(shop_origins);
    }
    config
}

/// The app origin: `GET /config.json` (generated; it wins over a file of that name),
/// then the files of `dir` (a `.br` or `.gz` beside a file when the browser accepts it),
/// then `index.html` for the app's paths: one segment, no extension.
///
/// Every response, an error or a preflight too, carries `Access-Control-Allow-Origin: *`
/// (public static files, fetched without credentials) and
/// `Content-Security-Policy: frame-ancestors 'self' ORIGIN…`, the origins being the
/// config's `embed_origins`, so that the host and the app agree on who may embed it.
pub fn app_router(dir: PathBuf, config: Value) -> Router {
    let frame_ancestors = frame_ancestors(&config);
    let config = Arc::new(config.to_string());
    let index = Arc::new(dir.join("index.html"));
    let files = ServeDir::new(&dir)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(get(spa_fallback).with_state(index));
    Router::new()
        .route("/config.json", get(move || serve_config(config.clone())))
        .fallback_service(files)
        .layer(cors())
        .layer(middleware::from_fn_with_state(
            frame_ancestors,
            add_frame_ancestors,
        ))
}

/// Any origin may read the app's files; a preflight (none is needed for a plain GET,
/// but a page may still send one) is answered for GET and HEAD.
fn cors() -> CorsLayer {
    CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::GET, Method::HEAD])
}

/// `frame-ancestors 'self' ORIGIN…` for the config's `embed_origins`. An entry that is not
/// a single source expression (empty, or with a space, `;`, `,` or a non-ASCII character,
/// which would end it or add a directive) is left out rather than trusted.
fn frame_ancestors(config: &Value) -> HeaderValue {
    let mut policy = String::from("frame-ancestors 'self'");
    let origins = config
        .get("embed_origins")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .filter(|origin| {
            !origin.is_empty()
                && origin
                    .chars()
                    .all(|c| c.is_ascii_graphic() && c != ';' && c != ',')
        });
    for origin in origins {
        policy.push(' ');
        policy.push_str(origin);
    }
    HeaderValue::from_str(&policy).unwrap_or(HeaderValue::from_static("frame-ancestors 'self'"))
}

async fn add_frame_ancestors(
    State(policy): State<HeaderValue>,
    req: Request,
    next: Next,
) -> Response {
    let mut response = next.run(req).await;
    response
        .headers_mut()
        .insert(header::CONTENT_SECURITY_POLICY, policy);
    response
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

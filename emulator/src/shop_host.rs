//! Serves example shop pages on an origin of their own, the "shop" that embeds the
//! app's widget: a page there imports `commerce-otp.js` from the app origin, or frames
//! the app, and the app talks to the API origin. Three origins, as in production.
//!
//! The pages cannot know the emulator's ports in advance, so HTML files name them by
//! placeholder: `__APP_URL__` (the hosted app's origin, `http://127.0.0.1:8080`, no
//! trailing slash) and `__API_URL__` (the API's, likewise), replaced as they are served.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Router;
use std::path::PathBuf;
use std::sync::Arc;
use tower::ServiceExt;
use tower_http::services::ServeDir;

/// The shop's files, and what an HTML file's placeholders become.
struct Shop {
    files: ServeDir,
    app_url: String,
    api_url: String,
}

/// The largest HTML file that is rewritten; the example pages are a few kilobytes.
const MAX_HTML_BYTES: usize = 4 * 1024 * 1024;

/// The shop origin: the files of `dir`, looked up by `ServeDir` (which refuses `..`,
/// percent-encoded or not, so nothing outside `dir` is reachable; an unknown file is a 404),
/// `/` and any `…/` being that folder's `index.html`.
///
/// An HTML file (by its type: `.html`, and a folder's index) is sent with its placeholders
/// replaced, as `text/html; charset=utf-8` with `Cache-Control: no-cache`; other files as
/// they are. Every response has `Referrer-Policy: strict-origin-when-cross-origin`, the
/// browsers' default said out loud, so a framed app sees the shop's origin as referrer.
/// No CSP: the example pages are the shop's, not the app's.
///
/// `app_url` and `api_url` are origins without a trailing slash (one is trimmed if given).
pub fn shop_router(dir: PathBuf, app_url: &str, api_url: &str) -> Router {
    let shop = Arc::new(Shop {
        files: ServeDir::new(dir),
        app_url: app_url.trim_end_matches('/').to_owned(),
        api_url: api_url.trim_end_matches('/').to_owned(),
    });
    Router::new().fallback(serve_file).with_state(shop)
}

/// HTML is rewritten on the way out, so neither the file's date nor its byte offsets
/// describe what is sent: this host takes no conditional or range requests (the files
/// are few and small) and says so by dropping `Accept-Ranges` and `Last-Modified`.
/// A HEAD is looked up as a GET, so that its `Content-Length` is the rewritten one.
async fn serve_file(State(shop): State<Arc<Shop>>, req: Request) -> Response {
    let (mut parts, _) = req.into_parts();
    let head = parts.method == Method::HEAD;
    if head {
        parts.method = Method::GET;
    }
    for name in [
        header::RANGE,
        header::IF_RANGE,
        header::IF_MODIFIED_SINCE,
        header::IF_UNMODIFIED_SINCE,
        header::IF_NONE_MATCH,
        header::IF_MATCH,
    ] {
        parts.headers.remove(name);
    }
    // ServeDir's error type is `Infallible`: a missing file is a 404 response, not an error.
    let Ok(response) = shop
        .files
        .clone()
        .oneshot(Request::from_parts(parts, Body::empty()))
        .await;
    let mut response = response.map(Body::new);
    if response.status() == StatusCode::OK && is_html(&response) {
        response = substitute(&shop, response).await;
    }
    let headers = response.headers_mut();
    headers.remove(header::ACCEPT_RANGES);
    headers.remove(header::LAST_MODIFIED);
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    if head {
        *response.body_mut() = Body::empty();
    }
    response
}

fn is_html(response: &Response) -> bool {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|mime| mime.trim().eq_ignore_ascii_case("text/html"))
}

/// The HTML file with `__APP_URL__` and `__API_URL__` replaced. It must be UTF-8 (it is
/// sent as such); one that is not, or that cannot be read, is a 500 that says why.
async fn substitute(shop: &Shop, response: Response) -> Response {
    let bytes = match axum::body::to_bytes(response.into_body(), MAX_HTML_BYTES).await {
        Ok(bytes) => bytes,
        Err(e) => return failure(format!("cannot read the HTML file: {e}")),
    };
    let html = match String::from_utf8(bytes.to_vec()) {
        Ok(html) => html,
        Err(_) => return failure("the HTML file is not UTF-8".to_owned()),
    };
    let html = html
        .replace("__APP_URL__", &shop.app_url)
        .replace("__API_URL__", &shop.api_url);
    // Explicit, so that a HEAD, sent without the body, still says the body's length.
    let length = HeaderValue::from(html.len());
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
            (header::CONTENT_LENGTH, length),
        ],
        html,
    )
        .into_response()
}

fn failure(message: String) -> Response {
    (StatusCode::INTERNAL_SERVER_ERROR, message).into_response()
}

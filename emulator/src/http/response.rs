//! JSON:API response bodies: single resources, single-page lists, and the
//! `links` base URL.

use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

/// A JSON response with `Content-Type: application/json`.
pub fn json_response(status: StatusCode, body: &Value) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response()
}

/// `http://host:port` as the caller addressed us (the `Host` header, else
/// `127.0.0.1`), the base of every `links` URL.
pub fn base_url(headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("127.0.0.1");
    format!("http://{host}")
}

/// `{"data": …, "links": {"self": …}}`, the shape of every single-resource answer;
/// the top-level `links` are copied from `data.links`.
pub fn single_with(status: StatusCode, data: Value) -> Response {
    let links = data["links"].clone();
    json_response(status, &json!({ "data": data, "links": links }))
}

/// [`single_with`] and 200.
pub fn single(data: Value) -> Response {
    single_with(StatusCode::OK, data)
}

/// The envelope of a single-page list (docs/commerce-api.md §3.1, §5.3, §6.1): `data`,
/// `meta.page` (offset 0, page 1 of 1, `limit` as given), `meta.results.total`, and
/// `links` whose `current`, `first` and `last` are `page_url` with that page's query.
pub fn list_body(data: Vec<Value>, limit: usize, page_url: &str) -> Value {
    let total = data.len();
    let link = format!("{page_url}?page[offset]=0&page[limit]={limit}");
    json!({
        "data": data,
        "meta": {
            "page": { "limit": limit, "offset": 0, "current": 1, "total": 1 },
            "results": { "total": total },
        },
        "links": { "current": link, "first": link, "last": link, "next": null, "prev": null },
    })
}

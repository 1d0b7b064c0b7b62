//! The transport boundary: plain request/response values and the one trait a transport
//! implements. Everything above it is pure Rust and runs in native tests.

use std::future::Future;

pub use http::{Method, StatusCode};

use super::error::CommerceError;

/// A request body with the content type it is sent as.
#[derive(Clone, Debug, PartialEq)]
pub enum Body {
    /// `application/x-www-form-urlencoded`, only for `/oauth/access_token`.
    Form(String),
    /// `application/json`, wrapped in `data` (JSON:API).
    Json(serde_json::Value),
}

impl Body {
    pub fn content_type(&self) -> &'static str {
        match self {
            Body::Form(_) => "application/x-www-form-urlencoded",
            Body::Json(_) => "application/json",
        }
    }

    pub fn to_text(&self) -> String {
        match self {
            Body::Form(text) => text.clone(),
            Body::Json(value) => value.to_string(),
        }
    }
}

/// A request relative to the API base, before the bearer token is attached.
#[derive(Clone, Debug, PartialEq)]
pub struct HttpRequest {
    pub method: Method,
    /// Path and query, starting with `/`, every segment already percent-encoded.
    pub path: String,
    pub headers: Vec<(&'static str, String)>,
    pub body: Option<Body>,
}

impl HttpRequest {
    pub fn new(method: Method, path: String) -> Self {
        Self {
            method,
            path,
            headers: Vec::new(),
            body: None,
        }
    }

    pub fn header(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }

    pub fn json(mut self, body: serde_json::Value) -> Self {
        self.body = Some(Body::Json(body));
        self
    }

    pub fn form(mut self, body: String) -> Self {
        self.body = Some(Body::Form(body));
        self
    }

    /// Every header as sent, `Content-Type` included.
    pub fn all_headers(&self) -> Vec<(&'static str, String)> {
        let mut headers = self.headers.clone();
        if let Some(body) = &self.body {
            headers.push(("Content-Type", body.content_type().to_owned()));
        }
        headers
    }
}

/// An HTTP answer: its status and its body as text (empty when it had none).
#[derive(Clone, Debug, PartialEq)]
pub struct HttpResponse {
    pub status: StatusCode,
    pub body: String,
    /// The `Retry-After` header in seconds, when the answer had one the browser may read
    /// (CORS: only if the API exposes it) and it parsed (seconds, or an HTTP date).
    pub retry_after_secs: Option<u32>,
}

impl HttpResponse {
    /// An answer without a `Retry-After`.
    pub fn new(status: StatusCode, body: impl Into<String>) -> Self {
        Self {
            status,
            body: body.into(),
            retry_after_secs: None,
        }
    }

    pub fn is_success(&self) -> bool {
        self.status.is_success()
    }
}

/// What the client needs from the platform: send a request, tell the time, wait.
/// The browser implementation is `web::WebTransport`; tests use a scripted fake.
pub trait Transport: 'static {
    /// Sends `request` to `base` + `request.path`. `Err` only when no HTTP answer arrived.
    fn send(
        &self,
        base: &str,
        request: &HttpRequest,
    ) -> impl Future<Output = Result<HttpResponse, CommerceError>>;

    /// Seconds since the Unix epoch.
    fn now_secs(&self) -> f64;

    /// Waits `millis` milliseconds.
    fn sleep(&self, millis: u32) -> impl Future<Output = ()>;
}

//! The browser transport: `fetch` through gloo-net. Thin on purpose; all logic is above it.
//! Every request has a time limit, and is aborted (`AbortController`) when it runs out or when
//! whoever awaits it stops waiting (a page the shopper left drops its call).

use futures::future::{select, Either};
use gloo_net::http::RequestBuilder;
use gloo_timers::future::TimeoutFuture;

use super::error::CommerceError;
use super::http::{HttpRequest, HttpResponse, StatusCode, Transport};

/// How long one request may take, in milliseconds, from sending to the whole body read. Commerce
/// answers these calls in well under a second; 15 s leaves room for a slow phone network, and
/// is short enough that a shopper is not left watching "Sending…".
pub const REQUEST_TIMEOUT_MS: u32 = 15_000;

/// Aborts the fetch it guards when dropped before [`AbortOnDrop::disarm`].
struct AbortOnDrop(Option<web_sys::AbortController>);

impl AbortOnDrop {
    fn disarm(mut self) {
        self.0 = None;
    }
}

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(controller) = self.0.take() {
            controller.abort();
        }
    }
}

#[derive(Clone, Copy, Debug, Default)]
pub struct WebTransport;

impl Transport for WebTransport {
    async fn send(&self, base: &str, request: &HttpRequest) -> Result<HttpResponse, CommerceError> {
        let controller = web_sys::AbortController::new().map_err(|_| CommerceError::Network)?;
        let signal = controller.signal();
        let guard = AbortOnDrop(Some(controller));
        let exchange = Box::pin(fetch(base, request, &signal));
        let outcome = select(exchange, TimeoutFuture::new(REQUEST_TIMEOUT_MS)).await;
        match outcome {
            Either::Left((result, _)) => {
                guard.disarm();
                result
            }
            // `guard` drops here and aborts the fetch.
            Either::Right(_) => Err(CommerceError::TimedOut),
        }
    }

    fn now_secs(&self) -> f64 {
        js_sys::Date::now() / 1000.0
    }

    async fn sleep(&self, millis: u32) {
        TimeoutFuture::new(millis).await;
    }
}

/// One fetch of `request`, whole body read, abortable through `signal`.
async fn fetch(
    base: &str,
    request: &HttpRequest,
    signal: &web_sys::AbortSignal,
) -> Result<HttpResponse, CommerceError> {
    let mut builder = RequestBuilder::new(&format!("{base}{}", request.path))
        .method(request.method.clone())
        .abort_signal(Some(signal));
    for (name, value) in request.all_headers() {
        builder = builder.header(name, &value);
    }
    let built = match &request.body {
        Some(body) => builder.body(body.to_text()),
        None => builder.build(),
    };
    // A fetch that rejects never reached an HTTP answer: offline, DNS, CORS, server down.
    let response = built
        .map_err(|_| CommerceError::Network)?
        .send()
        .await
        .map_err(|_| CommerceError::Network)?;
    // fetch only resolves with a status the HTTP grammar allows (100–599).
    let status = StatusCode::from_u16(response.status()).map_err(|_| CommerceError::Network)?;
    let retry_after_secs = response
        .headers()
        .get("retry-after")
        .and_then(|value| retry_after_secs(&value));
    let body = response.text().await.unwrap_or_default();
    Ok(HttpResponse {
        status,
        body,
        retry_after_secs,
    })
}

/// `Retry-After` in seconds: a number of seconds, or an HTTP date (RFC 9110 §10.2.3).
fn retry_after_secs(value: &str) -> Option<u32> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u32>() {
        return Some(secs);
    }
    let at = js_sys::Date::parse(value);
    (!at.is_nan()).then(|| {
        ((at - js_sys::Date::now()) / 1000.0)
            .ceil()
            .clamp(0.0, 86_400.0) as u32
    })
}

//! The browser transport: `fetch` through gloo-net. Thin on purpose; all logic is above it.

use gloo_net::http::RequestBuilder;
use gloo_timers::future::TimeoutFuture;

use super::error::CommerceError;
use super::http::{HttpRequest, HttpResponse, StatusCode, Transport};

#[derive(Clone, Copy, Debug, Default)]
pub struct WebTransport;

impl Transport for WebTransport {
    async fn send(&self, base: &str, request: &HttpRequest) -> Result<HttpResponse, CommerceError> {
        let mut builder =
            RequestBuilder::new(&format!("{base}{}", request.path)).method(request.method.clone());
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
        let body = response.text().await.unwrap_or_default();
        Ok(HttpResponse { status, body })
    }

    fn now_secs(&self) -> f64 {
        js_sys::Date::now() / 1000.0
    }

    async fn sleep(&self, millis: u32) {
        TimeoutFuture::new(millis).await;
    }
}

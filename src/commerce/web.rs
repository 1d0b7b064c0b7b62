//! The browser transport: `fetch` through gloo-net. Thin on purpose; all logic is above it.

use gloo_net::http::{Method as GlooMethod, RequestBuilder};
use wasm_bindgen::JsCast;

use super::error::CommerceError;
use super::http::{HttpRequest, HttpResponse, Method, Transport};

#[derive(Clone, Copy, Debug, Default)]
pub struct WebTransport;

impl Transport for WebTransport {
    async fn send(&self, base: &str, request: &HttpRequest) -> Result<HttpResponse, CommerceError> {
        let method = match request.method {
            Method::Get => GlooMethod::GET,
            Method::Post => GlooMethod::POST,
            Method::Put => GlooMethod::PUT,
        };
        let mut builder = RequestBuilder::new(&format!("{base}{}", request.path)).method(method);
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
        let status = response.status();
        let body = response.text().await.unwrap_or_default();
        Ok(HttpResponse { status, body })
    }

    fn now_secs(&self) -> f64 {
        js_sys::Date::now() / 1000.0
    }

    async fn sleep(&self, millis: u32) {
        let promise = js_sys::Promise::new(&mut |resolve, _reject| {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                    resolve.unchecked_ref(),
                    i32::try_from(millis).unwrap_or(i32::MAX),
                );
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
}

//! The HTTP half: Commerce's webhook deliveries (docs/commerce-api.md §7), `/healthz` and
//! `/readyz`.
//!
//! | Request | Answer |
//! |---|---|
//! | `POST /` or `POST /one-time-password-token-notification`, right secret, valid event | `202 {"status":"queued"}` |
//! | the same event id again | `200 {"status":"duplicate"}` |
//! | an event whose code has expired (10 min after `payload.created_at`) | `200 {"status":"expired"}`, no e-mail |
//! | `X-MOLTIN-SECRET-KEY` wrong or missing | `401` |
//! | body over 64 KiB | `413` |
//! | `Content-Type` present but not JSON | `415` |
//! | body not JSON | `400` |
//! | another event, a field missing or malformed | `422` |
//! | stopping, queue full, or the seen-ids store unreachable | `503` with `Retry-After` (Commerce retries) |
//!
//! Errors are `{"errors":[{"status":"422","title":"…","detail":"…"}]}` (the JSON:API shape
//! Commerce uses, docs/commerce-api.md §0.4); the detail never repeats the body.
//! Commerce counts any answer but 2xx, or one slower than 10 s, as a failed delivery
//! (integrations spec), so every check here is quick and the sending happens later.

use crate::deliver::Job;
use crate::event::{self, Rejection};
use crate::seen::SeenIds;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use http_body_util::{BodyExt, LengthLimitError, Limited};
use serde_json::json;
use sha2::{Digest, Sha256};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, SystemTime};
use subtle::{Choice, ConstantTimeEq};
use tokio::sync::mpsc;
use tracing::{info, warn};

/// The largest body read, in bytes. The guide's event is about 1 KB.
pub const MAX_BODY: usize = 64 * 1024;

/// How long a body may take to arrive.
const BODY_TIMEOUT: Duration = Duration::from_secs(10);

/// The header Commerce puts the integration's `secret_key` in (docs/commerce-api.md §7.2).
pub const SECRET_HEADER: &str = "x-moltin-secret-key";

/// What the handlers share.
pub(crate) struct Shared {
    /// SHA-256 of each accepted secret: compared in constant time, whatever their length.
    secrets: Vec<[u8; 32]>,
    pub seen: Arc<SeenIds>,
    /// `None` once stopping: nothing more is queued.
    queue: RwLock<Option<mpsc::Sender<Job>>>,
    accepting: AtomicBool,
    capacity: usize,
}

impl Shared {
    pub fn new(
        secrets: &[crate::config::Secret],
        seen: Arc<SeenIds>,
        queue: mpsc::Sender<Job>,
        capacity: usize,
    ) -> Self {
        Self {
            secrets: secrets
                .iter()
                .map(|s| Sha256::digest(s.expose().as_bytes()).into())
                .collect(),
            seen,
            queue: RwLock::new(Some(queue)),
            accepting: AtomicBool::new(true),
            capacity,
        }
    }

    /// From now on deliveries are answered 503 and the queue is closed, so that the
    /// dispatcher ends once it has sent what is queued.
    pub fn stop_accepting(&self) {
        self.accepting.store(false, Ordering::SeqCst);
        match self.queue.write() {
            Ok(mut queue) => drop(queue.take()),
            Err(poisoned) => drop(poisoned.into_inner().take()),
        }
    }

    fn sender(&self) -> Option<mpsc::Sender<Job>> {
        if !self.accepting.load(Ordering::SeqCst) {
            return None;
        }
        self.queue.read().ok().and_then(|queue| queue.clone())
    }

    fn secret_matches(&self, headers: &HeaderMap) -> bool {
        let Some(given) = headers.get(SECRET_HEADER) else {
            return false;
        };
        let given: [u8; 32] = Sha256::digest(given.as_bytes()).into();
        let matched = self
            .secrets
            .iter()
            .fold(Choice::from(0), |acc, secret| acc | secret.ct_eq(&given));
        matched.into()
    }
}

/// The routes.
pub(crate) fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/", post(receive))
        .route("/one-time-password-token-notification", post(receive))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .with_state(shared)
}

fn status_body(status: StatusCode, what: &str) -> Response {
    (status, Json(json!({ "status": what }))).into_response()
}

fn error(status: StatusCode, detail: &str) -> Response {
    let body = json!({ "errors": [{
        "status": status.as_str(),
        "title": status.canonical_reason().unwrap_or("Error"),
        "detail": detail,
    }]});
    let mut response = (status, Json(body)).into_response();
    if status == StatusCode::SERVICE_UNAVAILABLE {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
    }
    response
}

/// A refusal, logged by status and reason only.
fn reject(status: StatusCode, detail: &str) -> Response {
    warn!(
        status = status.as_u16(),
        reason = detail,
        "delivery refused"
    );
    error(status, detail)
}

fn is_json(headers: &HeaderMap) -> bool {
    let Some(value) = headers.get(header::CONTENT_TYPE) else {
        // Not every sender names it; the body must still parse as the event.
        return true;
    };
    let Ok(value) = value.to_str() else {
        return false;
    };
    let essence = value
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

async fn receive(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    if !shared.accepting.load(Ordering::SeqCst) {
        return reject(
            StatusCode::SERVICE_UNAVAILABLE,
            "stopping; deliver again later",
        );
    }
    let (parts, body) = request.into_parts();
    if !shared.secret_matches(&parts.headers) {
        return reject(
            StatusCode::UNAUTHORIZED,
            "wrong or missing X-MOLTIN-SECRET-KEY",
        );
    }
    if !is_json(&parts.headers) {
        return reject(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "the body must be application/json",
        );
    }
    let declared = parts
        .headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BODY as u64) {
        return reject(StatusCode::PAYLOAD_TOO_LARGE, "the body is over 64 KiB");
    }
    let bytes = match read_body(body).await {
        Ok(bytes) => bytes,
        Err(response) => return response,
    };
    let event = match event::parse(&bytes) {
        Ok(event) => event,
        Err(rejection) => {
            let status = match rejection {
                Rejection::NotJson => StatusCode::BAD_REQUEST,
                Rejection::OtherEvent | Rejection::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            };
            return reject(status, &rejection.to_string());
        }
    };
    let id = event.id.clone();

    let now = SystemTime::now();
    let expires_at = event.expires_at(now);
    let Ok(left) = expires_at.duration_since(now) else {
        warn!(
            event_id = %id,
            purpose = %event.purpose,
            created_at = %event.created_at,
            "the code has expired (10 minutes after created_at); no e-mail sent"
        );
        return status_body(StatusCode::OK, "expired");
    };

    match shared.seen.claim(&id).await {
        Ok(true) => {}
        Ok(false) => {
            info!(event_id = %id, attempt = event.attempt, "duplicate delivery; already accepted");
            return status_body(StatusCode::OK, "duplicate");
        }
        Err(e) => {
            warn!(event_id = %id, error = %e, "cannot check the event id");
            return error(
                StatusCode::SERVICE_UNAVAILABLE,
                "cannot check for duplicates now; deliver again later",
            );
        }
    }
    let purpose = event.purpose;
    let attempt = event.attempt;
    let job = Job {
        event,
        deadline: tokio::time::Instant::now() + left,
    };
    let queued = match shared.sender() {
        Some(queue) => queue.try_send(job).map_err(|e| match e {
            mpsc::error::TrySendError::Full(_) => "the queue is full; deliver again later",
            mpsc::error::TrySendError::Closed(_) => "stopping; deliver again later",
        }),
        None => Err("stopping; deliver again later"),
    };
    match queued {
        Ok(()) => {
            info!(event_id = %id, purpose = %purpose, attempt, "accepted");
            status_body(StatusCode::ACCEPTED, "queued")
        }
        Err(why) => {
            if let Err(e) = shared.seen.release(&id).await {
                warn!(event_id = %id, error = %e, "could not release the event id");
            }
            reject(StatusCode::SERVICE_UNAVAILABLE, why)
        }
    }
}

/// The body, at most [`MAX_BODY`] bytes, within [`BODY_TIMEOUT`].
async fn read_body(body: Body) -> Result<Vec<u8>, Response> {
    let collected = tokio::time::timeout(BODY_TIMEOUT, Limited::new(body, MAX_BODY).collect())
        .await
        .map_err(|_| reject(StatusCode::REQUEST_TIMEOUT, "the body took too long"))?;
    match collected {
        Ok(collected) => Ok(collected.to_bytes().to_vec()),
        Err(e) if e.downcast_ref::<LengthLimitError>().is_some() => Err(reject(
            StatusCode::PAYLOAD_TOO_LARGE,
            "the body is over 64 KiB",
        )),
        Err(_) => Err(reject(
            StatusCode::BAD_REQUEST,
            "the body could not be read",
        )),
    }
}

/// `200 {"status":"ok"}` while the process runs.
async fn healthz() -> Response {
    status_body(StatusCode::OK, "ok")
}

/// `200` when deliveries can be accepted: not stopping, room in the queue, and the
/// seen-ids store answering; else `503`. The body says which:
/// `{"ready":true,"accepting":true,"queue":{"waiting":0,"capacity":1000},"seen_ids":"redis","store":"ok"}`.
async fn readyz(State(shared): State<Arc<Shared>>) -> Response {
    let sender = shared.sender();
    let accepting = sender.is_some();
    let free = sender.as_ref().map_or(0, mpsc::Sender::capacity);
    // Unknown once the queue is closed.
    let waiting = sender
        .as_ref()
        .map(|_| shared.capacity.saturating_sub(free));
    let store = shared.seen.ping().await;
    let ready = accepting && free > 0 && store.is_ok();
    let body = json!({
        "ready": ready,
        "accepting": accepting,
        "queue": { "waiting": waiting, "capacity": shared.capacity },
        "seen_ids": shared.seen.kind(),
        "store": if store.is_ok() { "ok" } else { "unreachable" },
    });
    let status = if ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, Json(body)).into_response()
}

//! Test controls under `/__emulator/…` (no auth): outbox (and, with `--mail-dir`, the
//! e-mails a real SMTP server received), webhook deliveries, the API calls answered,
//! reset, queued codes, clock, settings, injected faults, and a state summary. Nothing
//! here exists in Commerce.
//!
//! The bodies are plain JSON (no `data` wrapper), read into structs that refuse
//! unknown keys; errors keep serde's wording behind "Invalid control request: ".
//! Faults are parsed here into the model's [`crate::fault::Fault`], and applied by
//! [`inject_faults`]; the API calls are recorded by [`record_calls`].

use crate::calls::{self, Call};
use crate::clock;
use crate::fault::{self, Fault, FaultKind};
use crate::http::body::json_object;
use crate::http::error::ApiError;
use crate::http::extract::RawBody;
use crate::http::response::json_response;
use crate::mailbox::{self, Mail};
use crate::outbox::{render_html, render_html_with_mail};
use crate::seed::SelfManagement;
use crate::state::Shared;
use axum::body::Body;
use axum::extract::{
    DefaultBodyLimit, FromRequest, FromRequestParts, Path, RawPathParams, Request, State,
};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{RequestExt, Router};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{json, Value};
use std::convert::Infallible;
use std::path::PathBuf;
use std::time::Duration;
use tower::{Layer, ServiceExt};

/// Every control path starts with this; requests under it are never faulted.
pub const PREFIX: &str = "/__emulator";

/// The control endpoints.
pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/__emulator/outbox", get(outbox))
        .route("/__emulator/outbox.html", get(outbox_html))
        .route("/__emulator/mails", get(mails))
        .route("/__emulator/mail/{file}", get(mail_html))
        .route("/__emulator/deliveries", get(deliveries))
        .route("/__emulator/calls", get(calls))
        .route("/__emulator/reset", post(reset))
        .route("/__emulator/next-codes", post(next_codes))
        .route("/__emulator/clock", post(advance_clock))
        .route("/__emulator/settings", post(update_settings))
        .route("/__emulator/faults", post(add_fault).delete(clear_faults))
        .route("/__emulator/state", get(state))
}

/// A control body: plain JSON (no `data` wrapper) deserialized into `T`; an empty
/// body is `{}`. A non-empty body must be a JSON object sent as `application/json`
/// (the 400s of [`json_object`]); a body `T` does not take is 400 "Invalid control
/// request: {serde's message}".
struct ControlBody<T>(T);

impl<S, T> FromRequest<S> for ControlBody<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let headers = req.headers().clone();
        let RawBody(body) = RawBody::from_request(req, state).await?;
        let value = if body.is_empty() {
            Value::Object(Default::default())
        } else {
            Value::Object(json_object(&headers, &body)?)
        };
        serde_json::from_value(value)
            .map(Self)
            .map_err(|e| ApiError::bad_request(format!("Invalid control request: {e}")))
    }
}

fn ok(body: Value) -> Response {
    json_response(StatusCode::OK, &body)
}

async fn outbox(State(emu): State<Shared>) -> Response {
    let entries = emu.world().outbox.clone();
    ok(json!(entries))
}

/// The outbox page; with `--mail-dir`, the e-mails the SMTP server received first.
async fn outbox_html(State(emu): State<Shared>) -> Html<String> {
    let entries = emu.world().outbox.clone();
    let Some(dir) = emu.mail_dir() else {
        return Html(render_html(&entries));
    };
    let mails = read_mails(dir.to_owned()).await;
    Html(render_html_with_mail(&entries, dir, mails.as_deref()))
}

/// The records in the `--mail-dir` folder, oldest first, each with its `id` (the
/// file's stem); `[]` when the folder is missing, 404 without `--mail-dir`.
async fn mails(State(emu): State<Shared>) -> Result<Response, ApiError> {
    let dir = emu
        .mail_dir()
        .ok_or_else(|| ApiError::not_found("The emulator was started without --mail-dir"))?;
    let mails = read_mails(dir.to_owned()).await.unwrap_or_default();
    Ok(ok(mails.iter().map(Mail::to_json).collect()))
}

/// What a received mail's HTML part may do when shown: use its inline styles and
/// `data:` images, nothing else (no scripts, no requests).
pub const MAIL_CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/// `/__emulator/mail/{id}.html`: a received mail's HTML part, as sent, under [`MAIL_CSP`].
async fn mail_html(State(emu): State<Shared>, Path(file): Path<String>) -> Response {
    let found = match (emu.mail_dir(), file.strip_suffix(".html")) {
        (Some(dir), Some(id)) if mailbox::is_id(id) => {
            let (dir, id) = (dir.to_owned(), id.to_owned());
            tokio::task::spawn_blocking(move || mailbox::read_one(&dir, &id))
                .await
                .ok()
                .flatten()
        }
        _ => None,
    };
    let Some(html) = found.as_ref().and_then(|mail| mail.field("html")) else {
        return ApiError::not_found("No such e-mail, or it has no HTML part").into_response();
    };
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CONTENT_SECURITY_POLICY, MAIL_CSP),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (header::REFERRER_POLICY, "no-referrer"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        html.to_owned(),
    )
        .into_response()
}

/// [`mailbox::read_all`] off the async threads.
async fn read_mails(dir: PathBuf) -> Option<Vec<Mail>> {
    tokio::task::spawn_blocking(move || mailbox::read_all(&dir))
        .await
        .ok()
        .flatten()
}

/// Every webhook delivery attempt, oldest first (`crate::webhook`).
async fn deliveries(State(emu): State<Shared>) -> Response {
    let attempts = emu.world().deliveries.clone();
    ok(json!(attempts))
}

/// The Commerce API calls answered since the start or the last reset, in the order
/// they arrived: `[{"method":"POST","path":"/oauth/access_token","status":200}, …]`
/// (see [`Call`] and [`record_calls`]).
async fn calls(State(emu): State<Shared>) -> Response {
    let calls = emu.world().calls.clone();
    ok(json!(calls))
}

async fn reset(State(emu): State<Shared>) -> Response {
    emu.reset();
    ok(json!({ "reset": true }))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NextCodes {
    codes: Vec<String>,
}

async fn next_codes(
    State(emu): State<Shared>,
    ControlBody(req): ControlBody<NextCodes>,
) -> Result<Response, ApiError> {
    if req.codes.iter().any(|c| c.is_empty() || c.len() > 64) {
        return Err(ApiError::bad_request(
            "Each code must be 1 to 64 characters",
        ));
    }
    let mut world = emu.world();
    world.next_codes.extend(req.codes);
    Ok(ok(json!({ "queued": world.next_codes.len() })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Advance {
    advance_secs: u32,
}

async fn advance_clock(
    State(emu): State<Shared>,
    ControlBody(req): ControlBody<Advance>,
) -> Result<Response, ApiError> {
    let mut world = emu.world();
    world.clock_offset_secs = world
        .clock_offset_secs
        .saturating_add(i64::from(req.advance_secs));
    Ok(ok(
        json!({ "offset_secs": world.clock_offset_secs, "now": clock::iso_z(world.now_ms()) }),
    ))
}

/// Change the account authentication settings a test needs to vary (Commerce does
/// this with a client_credentials `PUT /v2/settings/account-authentication`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SettingsChange {
    account_member_self_management: Option<SelfManagement>,
    account_management_authentication_token_timeout_secs: Option<u64>,
}

async fn update_settings(
    State(emu): State<Shared>,
    ControlBody(req): ControlBody<SettingsChange>,
) -> Result<Response, ApiError> {
    let mut world = emu.world();
    if let Some(mode) = req.account_member_self_management {
        world.settings.account_member_self_management = mode;
    }
    if let Some(secs) = req.account_management_authentication_token_timeout_secs {
        world
            .settings
            .account_management_authentication_token_timeout_secs = secs;
    }
    Ok(ok(json!(world.settings)))
}

/// The JSON of a fault, as `POST /__emulator/faults` takes it: `path_prefix`
/// required; `kind` (default `"status"`; also `"drop"`, `"garbage"`, `"wrong-shape"`,
/// `"no-cors"`, see [`FaultKind`]), `method` (default any), `status` (default 0: a
/// delay only for `status` and `no-cors`, 200 for `garbage` and `wrong-shape`, and
/// the only value `drop` takes), `times` (default 1), `delay_ms` (default 0), `title`
/// (default the reason phrase) and `retry_after_secs` (default none: no
/// `Retry-After` header).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FaultBody {
    #[serde(default)]
    method: Option<String>,
    path_prefix: String,
    #[serde(default)]
    kind: FaultKind,
    #[serde(default)]
    status: u16,
    #[serde(default = "one")]
    times: u32,
    #[serde(default)]
    delay_ms: u64,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    retry_after_secs: Option<u32>,
}

fn one() -> u32 {
    1
}

impl From<FaultBody> for Fault {
    fn from(body: FaultBody) -> Self {
        Self {
            method: body.method,
            path_prefix: body.path_prefix,
            kind: body.kind,
            status: body.status,
            times: body.times,
            delay_ms: body.delay_ms,
            title: body.title,
            retry_after_secs: body.retry_after_secs,
        }
    }
}

/// A fault as the control answers list it, with the keys of [`FaultBody`].
fn fault_json(fault: &Fault) -> Value {
    json!({
        "method": fault.method,
        "path_prefix": fault.path_prefix,
        "kind": fault.kind,
        "status": fault.status,
        "times": fault.times,
        "delay_ms": fault.delay_ms,
        "title": fault.title,
        "retry_after_secs": fault.retry_after_secs,
    })
}

fn faults_json(faults: &[Fault]) -> Value {
    faults.iter().map(fault_json).collect()
}

async fn add_fault(
    State(emu): State<Shared>,
    ControlBody(body): ControlBody<FaultBody>,
) -> Result<Response, ApiError> {
    if !body.kind.allows_status(body.status) {
        return Err(ApiError::bad_request(match body.kind {
            FaultKind::Status | FaultKind::NoCors => "status must be 0 (delay only) or 400-599",
            FaultKind::Drop => "a drop has no status: leave it out or send 0",
            FaultKind::Garbage | FaultKind::WrongShape => "status must be 0 (200) or 200-599",
        }));
    }
    let mut world = emu.world();
    world.faults.push(body.into());
    Ok(ok(json!({ "faults": faults_json(&world.faults) })))
}

async fn clear_faults(State(emu): State<Shared>) -> Response {
    emu.world().faults.clear();
    ok(json!({ "faults": [] }))
}

/// A summary for debugging; no password hashes, no codes.
async fn state(State(emu): State<Shared>) -> Response {
    let world = emu.world();
    let users: Vec<Value> = world
        .users
        .iter()
        .map(|u| {
            json!({
                "id": u.id,
                "name": u.name,
                "email": u.email,
                "accounts": u.accounts,
                "password_profile_infos": u.infos.iter().map(|i| json!({
                    "id": i.id,
                    "password_profile_id": i.password_profile_id,
                    "username": i.username,
                    "updated_at": i.updated_at,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let now = world.now_ms();
    ok(json!({
        "store_id": emu.store.store_id,
        "client_id": emu.store.client_id,
        "settings": world.settings,
        "password_profiles": world.password_profiles,
        "integrations": world.integrations.iter().map(|i| json!({
            "id": i.id,
            "name": i.name,
            "enabled": i.enabled,
            "observes": i.observes,
            "url": i.configuration.get("url"),
        })).collect::<Vec<_>>(),
        "users": users,
        "live_codes": world.codes.values().filter(|c| c.expires_ms > now).count(),
        "queued_codes": world.next_codes.len(),
        "outbox": world.outbox.len(),
        "webhook_url": emu.store.integration.url,
        "mail_dir": emu.mail_dir().map(|dir| dir.display().to_string()),
        "deliveries": world.deliveries.len(),
        "calls": world.calls.len(),
        "faults": faults_json(&world.faults),
        "clock_offset_secs": world.clock_offset_secs,
        "now": clock::iso_z(now),
    }))
}

/// Middleware: apply the first matching fault (before auth and routing): wait its
/// delay, then answer as its [`FaultKind`] says: its status as a JSON:API error with
/// the detail "Injected by the emulator's fault controls" (or, status 0, pass the
/// request on); a dropped connection; a body that is not JSON; JSON of the wrong
/// shape; or an answer marked [`NoCors`] for [`strip_cors`].
/// The control endpoints themselves are never faulted.
pub async fn inject_faults(State(emu): State<Shared>, req: Request, next: Next) -> Response {
    let path = req.uri().path();
    let fault = if path.starts_with(PREFIX) {
        None
    } else {
        fault::take(&mut emu.world().faults, req.method().as_str(), path)
    };
    let Some(fault) = fault else {
        return next.run(req).await;
    };
    if fault.delay_ms > 0 {
        tokio::time::sleep(Duration::from_millis(fault.delay_ms)).await;
    }
    let mut response = match fault.kind {
        FaultKind::Status | FaultKind::NoCors => match error_status(&fault) {
            Some(status) => injected_error(status, fault.title.clone()),
            None => next.run(req).await,
        },
        FaultKind::Drop => {
            let mut response = dropped_connection().await;
            response.extensions_mut().insert(Dropped);
            return response;
        }
        FaultKind::Garbage => (
            success_or(fault.status),
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            GARBAGE_BODY,
        )
            .into_response(),
        FaultKind::WrongShape => json_response(
            success_or(fault.status),
            &json!({ "data": { "unexpected": true } }),
        ),
    };
    if let Some(secs) = fault.retry_after_secs {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, secs.into());
    }
    if fault.kind == FaultKind::NoCors {
        response.extensions_mut().insert(NoCors);
    }
    response
}

/// What a `garbage` fault answers: an HTML page, as a proxy or gateway sends one.
pub const GARBAGE_BODY: &str =
    "<html><head><title>oops</title></head><body><h1>oops</h1><p>Injected by the emulator's fault controls</p></body></html>";

/// The error status of a `status` or `no-cors` fault; `None` for status 0 (pass on).
fn error_status(fault: &Fault) -> Option<StatusCode> {
    (fault.status != 0)
        .then(|| StatusCode::from_u16(fault.status).ok())
        .flatten()
}

/// A `garbage` or `wrong-shape` fault's status: its own, or 200 when it has none.
fn success_or(status: u16) -> StatusCode {
    StatusCode::from_u16(status)
        .ok()
        .filter(|_| status != 0)
        .unwrap_or(StatusCode::OK)
}

fn injected_error(status: StatusCode, title: Option<String>) -> Response {
    let title = title.unwrap_or_else(|| status.canonical_reason().unwrap_or("Error").to_string());
    ApiError::new(
        status,
        title,
        Some("Injected by the emulator's fault controls".into()),
    )
    .into_response()
}

/// An answer that never reaches the wire: its body fails on the first read, and hyper,
/// which writes the status line and headers together with the body's first bytes,
/// then closes the connection with nothing written. The client sees the connection
/// close without an HTTP answer.
///
/// The failing body is axum's own request-size limit (`http_body_util::Limited`, as
/// [`RequestExt::with_limited_body`] applies it) at 0 bytes around a 7-byte body, read
/// as a stream of unknown length: the emulator's dependencies offer no plainer body
/// type that fails.
async fn dropped_connection() -> Response {
    let limit_to_nothing =
        DefaultBodyLimit::max(0).layer(tower::service_fn(|req: Request| async {
            Ok::<_, Infallible>(req.with_limited_body().into_body())
        }));
    let limited = match limit_to_nothing
        .oneshot(Request::new(Body::from("dropped")))
        .await
    {
        Ok(body) => body,
        Err(never) => match never {},
    };
    // As a stream it has no size: the limit's exact 0 would be sent as an empty answer.
    let mut response = Response::new(Body::from_stream(limited.into_data_stream()));
    // Not stored, not reused: a proxy in between must not keep what never came.
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Marks the answer of a `drop` fault, which never reaches the caller: [`record_calls`]
/// lists it without a status.
#[derive(Debug, Clone, Copy)]
struct Dropped;

/// Middleware, inside the CORS layer and outside the faults: lists every request that is
/// not a control (`/__emulator/…`) in [`crate::state::World::calls`] as it arrives, then
/// its status once answered (a faulted call with the fault's answer). A CORS preflight
/// (`OPTIONS`) never gets here: the CORS layer answers it, so none is listed. The path is
/// the route's, its ids as the route names them ([`calls::template`]); nothing of the
/// query, headers or body is kept. A call still under way at a reset is not written into
/// the new list.
pub async fn record_calls(State(emu): State<Shared>, req: Request, next: Next) -> Response {
    if req.uri().path().starts_with(PREFIX) {
        return next.run(req).await;
    }
    let (mut parts, body) = req.into_parts();
    let params = RawPathParams::from_request_parts(&mut parts, &())
        .await
        .ok();
    let path = calls::template(parts.uri.path(), params.iter().flatten());
    let call = Call {
        method: parts.method.to_string(),
        path,
        status: None,
    };
    let (generation, index) = {
        let mut world = emu.world();
        world.calls.push(call);
        (emu.generation(), world.calls.len() - 1)
    };
    let response = next.run(Request::from_parts(parts, body)).await;
    if response.extensions().get::<Dropped>().is_none() {
        let mut world = emu.world();
        if emu.generation() == generation {
            if let Some(call) = world.calls.get_mut(index) {
                call.status = Some(response.status().as_u16());
            }
        }
    }
    response
}

/// Marks a response whose `Access-Control-*` headers [`strip_cors`] removes.
#[derive(Debug, Clone, Copy)]
pub struct NoCors;

/// Response mapper, outside the CORS layer: removes every `Access-Control-*` header from
/// a response marked [`NoCors`], so the browser refuses it to the page.
pub async fn strip_cors(mut response: Response) -> Response {
    if response.extensions().get::<NoCors>().is_some() {
        let names: Vec<_> = response
            .headers()
            .keys()
            .filter(|name| name.as_str().starts_with("access-control-"))
            .cloned()
            .collect();
        for name in names {
            response.headers_mut().remove(&name);
        }
    }
    response
}

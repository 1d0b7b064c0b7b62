//! Test controls under `/__emulator/…` (no auth): outbox, reset, queued codes,
//! clock, settings, injected faults, and a state summary. Nothing here exists in Commerce.

use crate::api::{json_object, RawBody};
use crate::clock;
use crate::errors::{json_response, ApiError};
use crate::outbox::render_html;
use crate::seed::SelfManagement;
use crate::state::Shared;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::time::Duration;

pub const PREFIX: &str = "/__emulator";

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/__emulator/outbox", get(outbox))
        .route("/__emulator/outbox.html", get(outbox_html))
        .route("/__emulator/reset", post(reset))
        .route("/__emulator/next-codes", post(next_codes))
        .route("/__emulator/clock", post(advance_clock))
        .route("/__emulator/settings", post(update_settings))
        .route("/__emulator/faults", post(add_fault).delete(clear_faults))
        .route("/__emulator/state", get(state))
}

/// An injected failure: the next `times` requests matching `method` (any if absent)
/// and `path_prefix` wait `delay_ms`, then answer `status` (0 = only the delay).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fault {
    #[serde(default)]
    pub method: Option<String>,
    pub path_prefix: String,
    #[serde(default)]
    pub status: u16,
    #[serde(default = "one")]
    pub times: u32,
    #[serde(default)]
    pub delay_ms: u64,
    #[serde(default)]
    pub title: Option<String>,
}

fn one() -> u32 {
    1
}

/// Parse a control body (plain JSON, no `data` wrapper); an empty body is `{}`.
fn control_body<T: serde::de::DeserializeOwned>(
    headers: &HeaderMap,
    body: &[u8],
) -> Result<T, ApiError> {
    let value = if body.is_empty() {
        Value::Object(Default::default())
    } else {
        Value::Object(json_object(headers, body)?)
    };
    serde_json::from_value(value)
        .map_err(|e| ApiError::bad_request(format!("Invalid control request: {e}")))
}

fn ok(body: Value) -> Response {
    json_response(StatusCode::OK, &body)
}

async fn outbox(State(emu): State<Shared>) -> Response {
    let entries = emu.world().outbox.clone();
    ok(json!(entries))
}

async fn outbox_html(State(emu): State<Shared>) -> Html<String> {
    Html(render_html(&emu.world().outbox))
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
    headers: HeaderMap,
    RawBody(body): RawBody,
) -> Result<Response, ApiError> {
    let req: NextCodes = control_body(&headers, &body)?;
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
    headers: HeaderMap,
    RawBody(body): RawBody,
) -> Result<Response, ApiError> {
    let req: Advance = control_body(&headers, &body)?;
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
    headers: HeaderMap,
    RawBody(body): RawBody,
) -> Result<Response, ApiError> {
    let req: SettingsChange = control_body(&headers, &body)?;
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

async fn add_fault(
    State(emu): State<Shared>,
    headers: HeaderMap,
    RawBody(body): RawBody,
) -> Result<Response, ApiError> {
    let fault: Fault = control_body(&headers, &body)?;
    if fault.status != 0 && !(400..=599).contains(&fault.status) {
        return Err(ApiError::bad_request(
            "status must be 0 (delay only) or 400-599",
        ));
    }
    let mut world = emu.world();
    world.faults.push(fault);
    Ok(ok(json!({ "faults": world.faults })))
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
        "faults": world.faults,
        "clock_offset_secs": world.clock_offset_secs,
        "now": clock::iso_z(now),
    }))
}

/// Middleware: apply the first matching fault (before auth and routing).
/// The control endpoints themselves are never faulted.
pub async fn inject_faults(State(emu): State<Shared>, req: Request, next: Next) -> Response {
    let path = req.uri().path();
    let fault = if path.starts_with(PREFIX) {
        None
    } else {
        let mut world = emu.world();
        let method = req.method().as_str();
        let found = world.faults.iter_mut().find(|f| {
            f.times > 0
                && path.starts_with(&f.path_prefix)
                && f.method
                    .as_deref()
                    .is_none_or(|m| m.eq_ignore_ascii_case(method))
        });
        let fault = found.map(|f| {
            f.times -= 1;
            f.clone()
        });
        world.faults.retain(|f| f.times > 0);
        fault
    };
    let Some(fault) = fault else {
        return next.run(req).await;
    };
    if fault.delay_ms > 0 {
        tokio::time::sleep(Duration::from_millis(fault.delay_ms)).await;
    }
    match StatusCode::from_u16(fault.status) {
        Ok(status) if fault.status != 0 => {
            let title = fault
                .title
                .unwrap_or_else(|| status.canonical_reason().unwrap_or("Error").to_string());
            ApiError::new(
                status,
                title,
                Some("Injected by the emulator's fault controls".into()),
            )
            .into_response()
        }
        _ => next.run(req).await,
    }
}

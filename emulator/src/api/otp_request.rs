//! `POST /v2/authentication-realms/{realmId}/password-profiles/{profileId}/one-time-password-token-request`
//! (docs/commerce-api.md §4): hand out a one-time password token, "sent" to the outbox
//! and POSTed to the webhook integrations that observe the event (`crate::webhook`).

use super::common::{check_realm, find_profile};
use crate::http::body::Field;
use crate::http::error::ApiError;
use crate::http::extract::{Caller, Deferred, Ids, JsonApi, JsonApiData};
use crate::outbox::{CodeRequest, Purpose};
use crate::state::{IssuedCode, Shared};
use crate::webhook;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use rand::Rng;
use serde::Deserialize;

/// A code is valid for 10 minutes (the OTP guide, docs/commerce-api.md §0.7).
const CODE_TTL_MS: i64 = 10 * 60 * 1000;

/// `POST …/password-profiles/{profile_id}/one-time-password-token-request`.
pub fn routes() -> Router<Shared> {
    Router::new().route(
        "/v2/authentication-realms/{realm_id}/password-profiles/{profile_id}/one-time-password-token-request",
        post(request_code),
    )
}

/// Six characters of `a-z0-9`, like every documented example (`lprvj4`, `abd1g5`).
fn random_code() -> String {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    let mut rng = rand::rng();
    (0..6)
        .map(|_| char::from(ALPHABET[rng.random_range(0..ALPHABET.len())]))
        .collect()
}

/// The body is `data`-wrapped with an underscored type (docs/commerce-api.md §11 #3, #16).
#[derive(Default, Deserialize)]
#[serde(default)]
struct CodeRequestBody {
    username: Field<String>,
    purpose: Field<String>,
}

impl JsonApiData for CodeRequestBody {
    const TYPE: &'static str = "one_time_password_token_request";
}

/// Implicit tokens may call this (docs/commerce-api.md §4, §11 #2). Always 202 with
/// an empty body.
async fn request_code(
    _caller: Caller,
    State(emu): State<Shared>,
    Ids((realm_id, profile_id)): Ids<(String, String)>,
    body: Deferred<JsonApi<CodeRequestBody>>,
) -> Result<Response, ApiError> {
    let profile = {
        let world = emu.world();
        check_realm(&world, &realm_id)?;
        find_profile(&world, &profile_id)?
    };
    let JsonApi(body) = body.into_result()?;
    let username = body.username.required("username")?;
    let purpose = Purpose::parse(&body.purpose.required("purpose")?).ok_or_else(|| {
        ApiError::bad_request("Validation failed: field 'purpose' must be 'reset_password' or 'passwordless_authentication'")
    })?;
    // UNCONFIRMED in docs/commerce-api.md §4 ("possibly OTP is not enabled"): 422 is
    // its suggestion.
    if !profile.enable_one_time_password_token {
        return Err(ApiError::unprocessable(
            "One-time password tokens are not enabled for this password profile",
        ));
    }

    let mut world = emu.world();
    // UNCONFIRMED (docs/commerce-api.md §4): an unknown username gets the same 202
    // and no event, so nobody can learn which usernames exist.
    let Some((user, info)) = world.find_login(&profile, &username) else {
        return Ok(StatusCode::ACCEPTED.into_response());
    };
    let (user_id, user_name, email) = (user.id.clone(), user.name.clone(), user.email.clone());
    let (info_id, stored_username) = (info.id.clone(), info.username.clone());
    let code = world.next_codes.pop_front().unwrap_or_else(random_code);
    let now_ms = world.now_ms();
    // One live code per user and profile: a new request replaces (invalidates) the old
    // one. Single use is enforced at the exchange (docs/commerce-api.md §11 #12's
    // working assumption).
    world.codes.insert(
        info_id.clone(),
        IssuedCode {
            code: code.clone(),
            expires_ms: now_ms.saturating_add(CODE_TTL_MS),
        },
    );

    let request = CodeRequest {
        store_id: &emu.store.store_id,
        realm_id: &realm_id,
        password_profile_id: &profile.id,
        purpose,
        code: &code,
        user_id: &user_id,
        user_name: &user_name,
        email: &email,
        info_id: &info_id,
        username: &stored_username,
        now_ms,
    };
    let event_id = uuid::Uuid::new_v4().to_string();
    let delivered_to = format!("{}/__emulator/outbox", emu.config.api_url);
    let event = request.event(&event_id, &emu.store.integration, &delivered_to);
    let entry = request.entry(event, &emu.config.app_url);
    // The same event for each webhook that observes it, naming that integration.
    let deliveries: Vec<_> = webhook::targets(&emu, &world)
        .into_iter()
        .map(|target| {
            let event = request.event(&event_id, &target.integration, &target.url);
            (target, event)
        })
        .collect();
    // The one deliberate log of a code: this is the emulator's "mail server".
    eprintln!(
        "outbox: {} code for {} -> {}",
        purpose.as_str(),
        entry.to,
        entry.link
    );
    world.outbox.push(entry);
    drop(world);
    // In the background: the answer does not wait for the receivers.
    for (target, event) in deliveries {
        webhook::spawn(emu.clone(), target, event);
    }
    Ok(StatusCode::ACCEPTED.into_response())
}

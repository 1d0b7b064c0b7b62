//! `/v2/integrations` (docs/commerce-api.md §7.2; the spec's `integrations.yaml`): list,
//! create, get, update and delete, for client_credentials tokens only
//! (docs/commerce-api.md §0.8: implicit tokens have no access).
//!
//! Every event goes to the emulator's outbox whatever integrations exist; an enabled
//! `webhook` integration that observes `one-time-password-token-request.created` also
//! gets it POSTed to its `configuration.url` (`crate::webhook`).
//!
//! Where the sources differ, the emulator takes:
//! * the path `/v2/integrations` (docs/commerce-api.md §7.2, JS SDK); the spec's paths lack `/v2`;
//! * `observes` (the field every example uses); the spec's `required` list says `observers`;
//! * 200 for a create, as the spec has it (docs/commerce-api.md notes 201 is unconfirmed);
//! * 422 for a body that fails validation, as the spec's responses say (its example
//!   body says 400); a body that is not JSON or has the wrong `type` stays 400;
//! * `configuration.secret_key` is returned as stored: the spec does not mark it
//!   write-only, and the event payload echoes it too (docs/commerce-api.md §7.1);
//! * an update changes only the attributes sent ("the values of the other attributes
//!   remain the same"), and inside `configuration` only the keys sent;
//! * a delete answers 200 with an empty body (spec), and 404 for an unknown id.

use crate::clock;
use crate::http::access::require_client_credentials;
use crate::http::body::Field;
use crate::http::error::ApiError;
use crate::http::extract::{Caller, Deferred, Ids, JsonApi, JsonApiData};
use crate::http::response::{base_url, json_response, list_body};
use crate::state::{IntegrationRecord, Shared};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use serde_json::{json, Map, Value};

const INTEGRATION_TYPES: [&str; 3] = ["webhook", "aws_sqs", "stomp"];

/// The list (`GET`, `POST`) and one integration (`GET`, `PUT`, `DELETE`).
pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/v2/integrations", get(list).post(create))
        .route(
            "/v2/integrations/{integration_id}",
            get(get_one).put(update).delete(delete),
        )
}

fn integration_json(i: &IntegrationRecord, base: &str) -> Value {
    let mut data = json!({
        "id": i.id,
        "type": "integration",
        "name": i.name,
        "enabled": i.enabled,
        "integration_type": i.integration_type,
        "observes": i.observes,
        "configuration": i.configuration,
        "links": { "self": format!("{base}/v2/integrations/{}", i.id) },
        "meta": { "timestamps": { "created_at": i.created_at, "updated_at": i.updated_at } },
    });
    if let Some(description) = &i.description {
        data["description"] = json!(description);
    }
    data
}

fn one(status: StatusCode, i: &IntegrationRecord, base: &str) -> Response {
    json_response(status, &json!({ "data": integration_json(i, base) }))
}

fn invalid(detail: impl Into<String>) -> ApiError {
    ApiError::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        "Validation Error",
        Some(detail.into()),
    )
}

fn not_found() -> ApiError {
    ApiError::not_found("Integration not found")
}

/// An `integration` body, for a create or an update. `configuration` stays a JSON
/// object and is checked by hand in [`check_configuration`]: it is stored as sent
/// (whatever keys the integration type uses) and an update merges it key by key, and
/// its `url` is "required" whatever else was sent in its place, which a typed struct
/// would word as a type error.
#[derive(Default, Deserialize)]
#[serde(default)]
struct IntegrationBody {
    id: Field<String>,
    name: Field<String>,
    description: Field<String>,
    enabled: Field<bool>,
    integration_type: Field<String>,
    observes: Field<Vec<String>>,
    configuration: Field<Map<String, Value>>,
}

impl JsonApiData for IntegrationBody {
    const TYPE: &'static str = "integration";
}

/// The attributes of a create or update body; `None` where the body has none.
#[derive(Default)]
struct Attributes {
    name: Option<String>,
    description: Option<String>,
    enabled: Option<bool>,
    integration_type: Option<String>,
    observes: Option<Vec<String>>,
    configuration: Option<Map<String, Value>>,
}

fn attributes(body: IntegrationBody) -> Result<Attributes, ApiError> {
    // Type errors in a field are validation errors here (422), not 400.
    let revalidate = |e: ApiError| invalid(e.detail.unwrap_or_default());
    let name = body.name.optional("name").map_err(revalidate)?;
    if name.as_deref() == Some("") {
        return Err(invalid("Validation failed: field 'name' must not be empty"));
    }
    let integration_type = body
        .integration_type
        .optional("integration_type")
        .map_err(revalidate)?;
    if let Some(t) = &integration_type {
        if !INTEGRATION_TYPES.contains(&t.as_str()) {
            return Err(invalid(
                "Validation failed: field 'integration_type' must be webhook, aws_sqs or stomp",
            ));
        }
    }
    let observes = match body.observes {
        Field::Absent => None,
        Field::Value(names) if names.iter().all(|n| !n.is_empty()) => Some(names),
        Field::Value(_) | Field::Invalid => {
            return Err(invalid(
                "Validation failed: field 'observes' must be a list of event names",
            ))
        }
    };
    let configuration = match body.configuration {
        Field::Absent => None,
        Field::Value(map) => Some(map),
        Field::Invalid => {
            return Err(invalid(
                "Validation failed: field 'configuration' must be an object",
            ))
        }
    };
    Ok(Attributes {
        name,
        description: body
            .description
            .optional("description")
            .map_err(revalidate)?,
        enabled: body.enabled.optional("enabled").map_err(revalidate)?,
        integration_type,
        observes,
        configuration,
    })
}

/// Every integration type needs a `configuration.url` string; a webhook's must be http(s).
fn check_configuration(
    integration_type: &str,
    config: &Map<String, Value>,
) -> Result<(), ApiError> {
    let url = match config.get("url") {
        Some(Value::String(url)) if !url.is_empty() => url,
        _ => {
            return Err(invalid(
                "Validation failed: field 'configuration.url' is required",
            ))
        }
    };
    if integration_type == "webhook" && !(url.starts_with("https://") || url.starts_with("http://"))
    {
        return Err(invalid(
            "Validation failed: field 'configuration.url' must be an http(s) URL",
        ));
    }
    match config.get("secret_key") {
        None | Some(Value::Null | Value::String(_)) => Ok(()),
        Some(_) => Err(invalid(
            "Validation failed: field 'configuration.secret_key' must be a string",
        )),
    }
}

async fn list(
    caller: Caller,
    State(emu): State<Shared>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    require_client_credentials(&caller, "list integrations")?;
    let base = base_url(&headers);
    let data = emu
        .world()
        .integrations
        .iter()
        .map(|i| integration_json(i, &base))
        .collect();
    Ok(json_response(
        StatusCode::OK,
        &list_body(data, 100, &format!("{base}/v2/integrations")),
    ))
}

/// `name`, `integration_type`, `observes` and `configuration` (with `url`) are required;
/// `enabled` defaults to false.
async fn create(
    caller: Caller,
    State(emu): State<Shared>,
    headers: HeaderMap,
    body: Deferred<JsonApi<IntegrationBody>>,
) -> Result<Response, ApiError> {
    require_client_credentials(&caller, "create integrations")?;
    let JsonApi(body) = body.into_result()?;
    let attrs = attributes(body)?;
    let required = |field: &str| invalid(format!("Validation failed: field '{field}' is required"));
    let name = attrs.name.ok_or_else(|| required("name"))?;
    let integration_type = attrs
        .integration_type
        .ok_or_else(|| required("integration_type"))?;
    let observes = attrs.observes.ok_or_else(|| required("observes"))?;
    let configuration = attrs
        .configuration
        .ok_or_else(|| required("configuration"))?;
    check_configuration(&integration_type, &configuration)?;

    let mut world = emu.world();
    let now = clock::iso_z(world.now_ms());
    let record = IntegrationRecord {
        id: uuid::Uuid::new_v4().to_string(),
        name,
        description: attrs.description,
        enabled: attrs.enabled.unwrap_or(false),
        integration_type,
        observes,
        configuration,
        created_at: now.clone(),
        updated_at: now,
    };
    world.integrations.push(record.clone());
    drop(world);
    Ok(one(StatusCode::OK, &record, &base_url(&headers)))
}

async fn get_one(
    caller: Caller,
    State(emu): State<Shared>,
    Ids(id): Ids<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    require_client_credentials(&caller, "read integrations")?;
    let record = emu
        .world()
        .integrations
        .iter()
        .find(|i| i.id == id)
        .cloned()
        .ok_or_else(not_found)?;
    Ok(one(StatusCode::OK, &record, &base_url(&headers)))
}

/// Any attributes; `id`, when sent, must be the one in the path (400, like a body
/// that is not JSON, rather than 422).
async fn update(
    caller: Caller,
    State(emu): State<Shared>,
    Ids(id): Ids<String>,
    headers: HeaderMap,
    body: Deferred<JsonApi<IntegrationBody>>,
) -> Result<Response, ApiError> {
    require_client_credentials(&caller, "change integrations")?;
    if !emu.world().integrations.iter().any(|i| i.id == id) {
        return Err(not_found());
    }
    let JsonApi(mut body) = body.into_result()?;
    if std::mem::take(&mut body.id)
        .optional("id")?
        .is_some_and(|sent| sent != id)
    {
        return Err(ApiError::bad_request(
            "Validation failed: field 'id' must match the id in the path",
        ));
    }
    let attrs = attributes(body)?;

    let mut world = emu.world();
    let now = clock::iso_z(world.now_ms());
    let record = world
        .integrations
        .iter_mut()
        .find(|i| i.id == id)
        .ok_or_else(not_found)?;
    let mut updated = record.clone();
    if let Some(name) = attrs.name {
        updated.name = name;
    }
    if let Some(description) = attrs.description {
        updated.description = Some(description);
    }
    if let Some(enabled) = attrs.enabled {
        updated.enabled = enabled;
    }
    if let Some(integration_type) = attrs.integration_type {
        updated.integration_type = integration_type;
    }
    if let Some(observes) = attrs.observes {
        updated.observes = observes;
    }
    if let Some(configuration) = attrs.configuration {
        updated.configuration.extend(configuration);
    }
    check_configuration(&updated.integration_type, &updated.configuration)?;
    updated.updated_at = now;
    *record = updated.clone();
    drop(world);
    Ok(one(StatusCode::OK, &updated, &base_url(&headers)))
}

async fn delete(
    caller: Caller,
    State(emu): State<Shared>,
    Ids(id): Ids<String>,
) -> Result<Response, ApiError> {
    require_client_credentials(&caller, "delete integrations")?;
    let mut world = emu.world();
    let before = world.integrations.len();
    world.integrations.retain(|i| i.id != id);
    if world.integrations.len() == before {
        return Err(not_found());
    }
    Ok(StatusCode::OK.into_response())
}

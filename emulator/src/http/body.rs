//! Reading request bodies in Commerce's words: the `Content-Type` check, JSON
//! objects, the JSON:API `data` object and its `type`, and [`Field`], which lets a
//! typed body be checked field by field with the same 400 details as Commerce.

use super::error::ApiError;
use axum::http::{header, HeaderMap};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};

/// Whether the `Content-Type` header names `expected` (parameters such as `charset`
/// ignored, case-insensitive). Used for JSON here and for the form of `/oauth/access_token`.
pub fn content_type_is(headers: &HeaderMap, expected: &str) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case(expected))
}

/// A JSON body as an object. Commerce takes only `application/json`
/// (docs/commerce-api.md §0.2). Errors, all 400: "Content-Type must be
/// application/json", "The request body must be a JSON object", "The request body is
/// not valid JSON: …".
pub fn json_object(headers: &HeaderMap, body: &[u8]) -> Result<Map<String, Value>, ApiError> {
    if !content_type_is(headers, "application/json") {
        return Err(ApiError::bad_request(
            "Content-Type must be application/json",
        ));
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(ApiError::bad_request(
            "The request body must be a JSON object",
        )),
        Err(e) => Err(ApiError::bad_request(format!(
            "The request body is not valid JSON: {e}"
        ))),
    }
}

/// The `data` object of a JSON:API request body, its `type` checked against
/// `expected_type`. Errors, all 400: those of [`json_object`], then "Validation
/// failed: field 'data' is required and must be an object", "… field 'type' is
/// required" (absent or not a string), `… field 'type' must be '{expected_type}'`.
pub fn json_data(
    headers: &HeaderMap,
    body: &[u8],
    expected_type: &str,
) -> Result<Map<String, Value>, ApiError> {
    let mut body = json_object(headers, body)?;
    let Some(Value::Object(data)) = body.remove("data") else {
        return Err(ApiError::bad_request(
            "Validation failed: field 'data' is required and must be an object",
        ));
    };
    match data.get("type").and_then(Value::as_str) {
        Some(t) if t == expected_type => Ok(data),
        Some(_) => Err(ApiError::bad_request(format!(
            "Validation failed: field 'type' must be '{expected_type}'"
        ))),
        None => Err(ApiError::bad_request(
            "Validation failed: field 'type' is required",
        )),
    }
}

/// One attribute of a request body as it was sent: absent (or `null`), a value of
/// type `T`, or a value of another type.
///
/// Deserializing a `Field` never fails, so a typed body (with `#[serde(default)]`)
/// always deserializes, and the handler checks its fields in its own order with
/// Commerce's wording ([`Field::optional`], [`Field::required`]) instead of serde's
/// ("invalid type: …", "missing field …"), and the first error it reports is the
/// same whatever order the client sent the keys in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Field<T> {
    /// The key is missing, or its value is `null`.
    #[default]
    Absent,
    /// A value of the expected type.
    Value(T),
    /// A value of another type.
    Invalid,
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Field<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(match Value::deserialize(deserializer)? {
            Value::Null => Self::Absent,
            value => serde_json::from_value(value).map_or(Self::Invalid, Self::Value),
        })
    }
}

impl<T> Field<T> {
    /// `None` when absent; 400 `Validation failed: field '{name}' must be {what}`
    /// when of another type.
    fn optional_as(self, name: &str, what: &str) -> Result<Option<T>, ApiError> {
        match self {
            Self::Absent => Ok(None),
            Self::Value(value) => Ok(Some(value)),
            Self::Invalid => Err(ApiError::bad_request(format!(
                "Validation failed: field '{name}' must be {what}"
            ))),
        }
    }
}

impl Field<String> {
    /// An optional string field named `name`: absent or `null` is `None`, any other
    /// non-string is 400 `Validation failed: field '{name}' must be a string`.
    pub fn optional(self, name: &str) -> Result<Option<String>, ApiError> {
        self.optional_as(name, "a string")
    }

    /// A required, non-empty string field: the errors of [`Self::optional`], and
    /// 400 `Validation failed: field '{name}' is required` when absent or empty.
    pub fn required(self, name: &str) -> Result<String, ApiError> {
        match self.optional(name)? {
            Some(s) if !s.is_empty() => Ok(s),
            _ => Err(ApiError::bad_request(format!(
                "Validation failed: field '{name}' is required"
            ))),
        }
    }
}

impl Field<bool> {
    /// An optional boolean field named `name`: absent or `null` is `None`, any other
    /// non-boolean is 400 `Validation failed: field '{name}' must be a boolean`.
    pub fn optional(self, name: &str) -> Result<Option<bool>, ApiError> {
        self.optional_as(name, "a boolean")
    }
}

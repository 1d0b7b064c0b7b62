//! Extractors. Each rejects with an [`ApiError`], so that even a request the
//! handler never sees is answered in JSON:API.

use super::body::json_data;
use super::error::ApiError;
use crate::auth::AccessKind;
use crate::state::Shared;
use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, FromRequestParts, Path, Request};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, StatusCode};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// The bearer token of a `/v2` call, as what it was granted: present (`Authorization:
/// Bearer …`, scheme case-insensitive), known and unexpired, else 401 "Unable to
/// validate access token".
pub struct Caller(pub AccessKind);

impl FromRequestParts<Shared> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, emu: &Shared) -> Result<Self, ApiError> {
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split_once(' '))
            .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
            .map(|(_, token)| token.trim())
            .ok_or_else(ApiError::invalid_access_token)?;
        let world = emu.world();
        let now_secs = world.now_ms() / 1000;
        match world.access_tokens.get(token) {
            Some(t) if now_secs < t.expires_secs => Ok(Self(t.kind)),
            _ => Err(ApiError::invalid_access_token()),
        }
    }
}

/// Path parameters (a `String`, or a tuple of them in path order); a path that does
/// not decode is simply not found (404).
pub struct Ids<T>(pub T);

impl<T, S> FromRequestParts<S> for Ids<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Path::<T>::from_request_parts(parts, state)
            .await
            .map(|Path(ids)| Self(ids))
            .map_err(|_| ApiError::not_found("The requested resource could not be found"))
    }
}

/// The most a request body may hold: 64 KiB.
const MAX_BODY_BYTES: usize = 64 * 1024;

/// The whole body, or 413 "The request body is too large" beyond [`MAX_BODY_BYTES`].
async fn read_body(body: Body) -> Result<Bytes, ApiError> {
    axum::body::to_bytes(body, MAX_BODY_BYTES)
        .await
        .map_err(|_| {
            ApiError::status(
                StatusCode::PAYLOAD_TOO_LARGE,
                "The request body is too large",
            )
        })
}

/// The raw request body (at most 64 KiB, else 413), read here so that even a failed
/// read answers in JSON:API.
pub struct RawBody(pub Bytes);

impl<S: Send + Sync> FromRequest<S> for RawBody {
    type Rejection = ApiError;

    async fn from_request(req: Request, _state: &S) -> Result<Self, ApiError> {
        read_body(req.into_body()).await.map(Self)
    }
}

/// The `data` of a JSON:API request body, as [`JsonApi`] reads it.
///
/// Give attributes the type [`Field`](super::body::Field) and the struct
/// `#[serde(default)]`, so that deserializing never fails and the handler words
/// each field's error as Commerce does.
pub trait JsonApiData: DeserializeOwned {
    /// The `type` that `data` must have, e.g. `password_profile`.
    const TYPE: &'static str;
}

/// A JSON:API request body: the body is read (as [`RawBody`]), `Content-Type` must be
/// `application/json`, `data` must be an object whose `type` is [`JsonApiData::TYPE`],
/// and `data` is deserialized into `T` (the `type` key and unknown keys are ignored).
/// Every error is a 400 with the detail of [`json_data`] (or 413 for a body too large).
pub struct JsonApi<T>(pub T);

impl<T: JsonApiData> JsonApi<T> {
    /// Parse a body that has been read already.
    pub fn parse(headers: &HeaderMap, body: &[u8]) -> Result<Self, ApiError> {
        let data = json_data(headers, body, T::TYPE)?;
        serde_json::from_value(Value::Object(data))
            .map(Self)
            .map_err(|e| ApiError::bad_request(format!("Validation failed: {e}")))
    }
}

impl<T, S> FromRequest<S> for JsonApi<T>
where
    T: JsonApiData,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, _state: &S) -> Result<Self, ApiError> {
        let (parts, body) = req.into_parts();
        let body = read_body(body).await?;
        Self::parse(&parts.headers, &body)
    }
}

/// A body extractor whose error waits for the handler: for endpoints that check the
/// caller, the realm or the ids in the path before the body, as Commerce does, so
/// that a request wrong in both ways gets the same answer as before the body was read.
///
/// The body is still read at once, so a body over 64 KiB is refused with 413 before
/// anything else, as on every endpoint. `T`'s own error is kept for
/// [`Deferred::into_result`], which the handler calls where it checks the body.
pub struct Deferred<T>(Result<T, ApiError>);

impl<T> Deferred<T> {
    /// The extracted value, or the error `T`'s extractor rejected the request with.
    pub fn into_result(self) -> Result<T, ApiError> {
        self.0
    }
}

impl<T, S> FromRequest<S> for Deferred<T>
where
    T: FromRequest<S, Rejection = ApiError>,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let (parts, body) = req.into_parts();
        let body = read_body(body).await?;
        let req = Request::from_parts(parts, Body::from(body));
        Ok(Self(T::from_request(req, state).await))
    }
}

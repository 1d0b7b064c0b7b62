//! JSON:API error bodies, the only error shape the emulator ever sends:
//! `{"errors":[{"status":"<code as string>","title":"…","detail":"…"}]}` (reference §0.4).

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::json;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    pub title: String,
    pub detail: Option<String>,
}

impl ApiError {
    pub fn new(status: StatusCode, title: impl Into<String>, detail: Option<String>) -> Self {
        Self {
            status,
            title: title.into(),
            detail,
        }
    }

    /// An error titled with the status' reason phrase ("Bad Request", "Not Found", …).
    pub fn status(status: StatusCode, detail: impl Into<String>) -> Self {
        let title = status.canonical_reason().unwrap_or("Error");
        Self::new(status, title, Some(detail.into()))
    }

    /// 400 for a body that is not what the endpoint takes.
    pub fn bad_request(detail: impl Into<String>) -> Self {
        Self::status(StatusCode::BAD_REQUEST, detail)
    }

    /// 401 for a missing, unknown or expired bearer token; the title is the documented one.
    pub fn invalid_access_token() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "Unable to validate access token",
            None,
        )
    }

    /// 401 for rejected credentials. The same body for every cause, so it reveals nothing.
    pub fn unauthorized() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "Unauthorized",
            Some("The credentials supplied are invalid or have expired".into()),
        )
    }

    pub fn forbidden(detail: impl Into<String>) -> Self {
        Self::status(StatusCode::FORBIDDEN, detail)
    }

    pub fn not_found(detail: impl Into<String>) -> Self {
        Self::status(StatusCode::NOT_FOUND, detail)
    }

    pub fn unprocessable(detail: impl Into<String>) -> Self {
        Self::status(StatusCode::UNPROCESSABLE_ENTITY, detail)
    }

    pub fn body(&self) -> serde_json::Value {
        let mut entry = json!({ "status": self.status.as_u16().to_string(), "title": self.title });
        if let Some(detail) = &self.detail {
            entry["detail"] = json!(detail);
        }
        json!({ "errors": [entry] })
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        json_response(self.status, &self.body())
    }
}

/// A JSON response with `Content-Type: application/json`.
pub fn json_response(status: StatusCode, body: &serde_json::Value) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response()
}

/// Router fallback: unknown path.
pub async fn not_found() -> ApiError {
    ApiError::not_found("The requested resource could not be found")
}

/// Router fallback: known path, wrong method.
pub async fn method_not_allowed() -> ApiError {
    ApiError::status(
        StatusCode::METHOD_NOT_ALLOWED,
        "This method is not allowed on this resource",
    )
}

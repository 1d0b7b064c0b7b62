//! JSON:API error bodies, the only error shape the emulator ever sends:
//! `{"errors":[{"status":"<code as string>","title":"…","detail":"…"}]}`
//! (docs/commerce-api.md §0.4).

use super::response::json_response;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// One JSON:API error; as a response, its status with the body of [`ApiError::body`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// The HTTP status, also sent as the string `errors[0].status`.
    pub status: StatusCode,
    /// `errors[0].title`.
    pub title: String,
    /// `errors[0].detail`, left out of the body when `None`.
    pub detail: Option<String>,
}

impl ApiError {
    /// An error with any title and detail.
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

    /// 403 "Forbidden": a valid bearer token without the permission.
    pub fn forbidden(detail: impl Into<String>) -> Self {
        Self::status(StatusCode::FORBIDDEN, detail)
    }

    /// 404 "Not Found".
    pub fn not_found(detail: impl Into<String>) -> Self {
        Self::status(StatusCode::NOT_FOUND, detail)
    }

    /// 422 "Unprocessable Entity".
    pub fn unprocessable(detail: impl Into<String>) -> Self {
        Self::status(StatusCode::UNPROCESSABLE_ENTITY, detail)
    }

    /// `{"errors":[{"status":"400","title":"…","detail":"…"}]}`, `detail` only when set.
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

/// Router fallback: unknown path, 404.
pub async fn not_found() -> ApiError {
    ApiError::not_found("The requested resource could not be found")
}

/// Router fallback: known path, wrong method, 405.
pub async fn method_not_allowed() -> ApiError {
    ApiError::status(
        StatusCode::METHOD_NOT_ALLOWED,
        "This method is not allowed on this resource",
    )
}

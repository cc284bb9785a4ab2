//! The one error type every handler returns, and its stable JSON body.

use axum::http::header::RETRY_AFTER;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use porthole_identity::Rejection;
use porthole_types::{ErrorBody, ErrorDetail};

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// A field failed validation; the form shows `message` beside `field`.
    #[error("{message}")]
    InvalidField {
        field: &'static str,
        message: String,
    },
    #[error("{0}")]
    MalformedJson(String),
    #[error("{0}")]
    InvalidBody(String),
    #[error("{0}")]
    InvalidQuery(String),
    #[error("expected a JSON body with Content-Type: application/json")]
    UnsupportedMediaType,
    #[error("the request body is too large")]
    PayloadTooLarge,
    #[error("the request could not be parsed as HTTP")]
    MalformedRequest,
    #[error("the URL is too long")]
    UriTooLong,
    #[error("the request headers are too large")]
    HeadersTooLarge,
    /// The request body stopped arriving (`serve::BODY_IDLE_TIMEOUT`).
    #[error("the request body stopped arriving; send it again")]
    BodyTimeout,
    /// The database cannot take writes now (its disk is full, or failing): nothing was
    /// written, and trying again later can work.
    #[error("the server cannot save anything right now; nothing was changed, try again shortly")]
    StorageUnavailable,
    /// `/healthz`: the server cannot serve fully, for this reason.
    #[error("not ready: {0}")]
    NotReady(String),
    #[error("credentials are missing")]
    MissingCredentials,
    #[error("the session is invalid or has expired")]
    InvalidSession,
    #[error("the API key is invalid or revoked")]
    InvalidApiKey,
    #[error("identity could not be verified")]
    Identity(Rejection),
    #[error("this origin is not allowed for the workspace")]
    OriginNotAllowed,
    #[error("only an admin may change the workspace; this role is agent")]
    AdminOnly,
    #[error(
        "a console request that changes something must come from the console, with its CSRF token"
    )]
    CsrfRefused,
    #[error("not found")]
    NotFound,
    #[error("method not allowed")]
    MethodNotAllowed,
    #[error("{1}")]
    Conflict(&'static str, &'static str),
    /// Too many of something in a window; the client may try again after this many seconds.
    #[error("too many requests; try again in {} minutes", (.0 + 59) / 60)]
    RateLimited(i64),
    /// The holder already has as many event streams open as it may.
    #[error("too many event streams are open with these credentials; close one first")]
    TooManyStreams,
    /// This binary was built without the widget (`scripts/build-widget.sh` was not run).
    #[error("the support widget is not part of this build")]
    WidgetNotBuilt,
    /// Anything the client could not have caused. Logged in full, answered in general terms.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl ApiError {
    pub fn invalid(field: &'static str, message: impl Into<String>) -> Self {
        ApiError::InvalidField {
            field,
            message: message.into(),
        }
    }

    fn status(&self) -> StatusCode {
        use ApiError::*;
        match self {
            InvalidField { .. } | InvalidBody(_) => StatusCode::UNPROCESSABLE_ENTITY,
            MalformedJson(_) | InvalidQuery(_) => StatusCode::BAD_REQUEST,
            UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            MalformedRequest => StatusCode::BAD_REQUEST,
            UriTooLong => StatusCode::URI_TOO_LONG,
            HeadersTooLarge => StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            BodyTimeout => StatusCode::REQUEST_TIMEOUT,
            StorageUnavailable | NotReady(_) => StatusCode::SERVICE_UNAVAILABLE,
            MissingCredentials | InvalidSession | InvalidApiKey | Identity(_) => {
                StatusCode::UNAUTHORIZED
            }
            OriginNotAllowed | AdminOnly | CsrfRefused => StatusCode::FORBIDDEN,
            NotFound => StatusCode::NOT_FOUND,
            MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Conflict(..) => StatusCode::CONFLICT,
            RateLimited(_) | TooManyStreams => StatusCode::TOO_MANY_REQUESTS,
            WidgetNotBuilt => StatusCode::SERVICE_UNAVAILABLE,
            Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn code(&self) -> &'static str {
        use ApiError::*;
        match self {
            InvalidField { .. } => "invalid_field",
            MalformedJson(_) => "malformed_json",
            InvalidBody(_) => "invalid_body",
            InvalidQuery(_) => "invalid_query",
            UnsupportedMediaType => "unsupported_media_type",
            PayloadTooLarge => "payload_too_large",
            MalformedRequest => "malformed_request",
            UriTooLong => "uri_too_long",
            HeadersTooLarge => "headers_too_large",
            BodyTimeout => "request_timeout",
            StorageUnavailable => "storage_unavailable",
            NotReady(_) => "not_ready",
            MissingCredentials => "missing_credentials",
            InvalidSession => "invalid_session",
            InvalidApiKey => "invalid_api_key",
            Identity(Rejection::BadHash) => "invalid_identity",
            Identity(Rejection::TimestampRequired) => "timestamp_required",
            Identity(Rejection::TimestampOutsideWindow) => "timestamp_outside_window",
            OriginNotAllowed => "origin_not_allowed",
            AdminOnly => "admin_only",
            CsrfRefused => "csrf_refused",
            NotFound => "not_found",
            MethodNotAllowed => "method_not_allowed",
            Conflict(code, _) => code,
            RateLimited(_) => "rate_limited",
            TooManyStreams => "too_many_streams",
            WidgetNotBuilt => "widget_not_built",
            Internal(_) => "internal",
        }
    }

    /// The explanation shown to people: specific, and never internal.
    pub fn message(&self) -> String {
        match self {
            ApiError::Identity(Rejection::BadHash) => {
                "the verification hash does not match this email".into()
            }
            ApiError::Identity(Rejection::TimestampRequired) => {
                "this workspace requires a timestamped verification hash".into()
            }
            ApiError::Identity(Rejection::TimestampOutsideWindow) => {
                "the verification timestamp is outside the allowed window; sign a fresh one".into()
            }
            ApiError::Internal(_) => "something went wrong on our side; try again".into(),
            other => other.to_string(),
        }
    }
}

impl ApiError {
    /// The error as the JSON body states it.
    pub fn detail(&self) -> ErrorDetail {
        let field = match self {
            ApiError::InvalidField { field, .. } => Some((*field).to_owned()),
            _ => None,
        };
        ErrorDetail {
            code: self.code().to_owned(),
            message: self.message(),
            field,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let ApiError::Internal(err) = &self {
            tracing::error!(error = ?err, "internal error");
        }
        let body = ErrorBody {
            error: self.detail(),
        };
        let mut response = (self.status(), Json(body)).into_response();
        let retry_after = match self {
            ApiError::RateLimited(secs) => Some(secs.max(1)),
            ApiError::StorageUnavailable => Some(STORAGE_RETRY_SECS),
            _ => None,
        };
        if let Some(secs) = retry_after {
            response
                .headers_mut()
                .insert(RETRY_AFTER, HeaderValue::from(secs));
        }
        response
    }
}

impl From<porthole_core::CoreError> for ApiError {
    fn from(err: porthole_core::CoreError) -> Self {
        use porthole_core::CoreError as D;
        match err {
            D::NotFound => ApiError::NotFound,
            D::Conflict(code, message) => ApiError::Conflict(code, message),
            D::Invalid(field, message) => ApiError::invalid(field, message),
            D::InvalidRequest(message) => ApiError::InvalidBody(message),
            D::RateLimited(secs) => ApiError::RateLimited(secs),
            D::Identity(rejection) => ApiError::Identity(rejection),
            D::Internal(err) => match err.downcast::<sqlx::Error>() {
                Ok(err) => ApiError::from(err),
                Err(err) => ApiError::Internal(err),
            },
        }
    }
}

impl From<crate::store::StoreError> for ApiError {
    fn from(err: crate::store::StoreError) -> Self {
        match err {
            crate::store::StoreError::Core(err) => err.into(),
            crate::store::StoreError::Engine(err) => err.into(),
        }
    }
}

/// When to try again after `503 storage_unavailable`.
const STORAGE_RETRY_SECS: i64 = 5;

impl From<sqlx::Error> for ApiError {
    fn from(err: sqlx::Error) -> Self {
        if crate::store::is_storage_fault(&err) {
            tracing::error!(error = %err, "the database cannot be written");
            return ApiError::StorageUnavailable;
        }
        ApiError::Internal(err.into())
    }
}

/// Whether reading a request body failed because it stopped arriving.
pub fn body_timed_out(err: &(dyn std::error::Error + 'static)) -> bool {
    let mut next = Some(err);
    while let Some(err) = next {
        if err.is::<tower_http::timeout::TimeoutError>() {
            return true;
        }
        next = err.source();
    }
    false
}

pub type ApiResult<T> = Result<T, ApiError>;

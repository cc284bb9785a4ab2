//! Extractors whose rejections speak our error format instead of axum's plain text.

use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts};
use axum::response::{IntoResponse, Response};

use crate::http::error::ApiError;

/// `Json` that rejects with [`ApiError`].
#[derive(FromRequest)]
#[from_request(via(axum::Json), rejection(ApiError))]
pub struct AppJson<T>(pub T);

impl<T: serde::Serialize> IntoResponse for AppJson<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        match rejection {
            JsonRejection::MissingJsonContentType(_) => ApiError::UnsupportedMediaType,
            JsonRejection::JsonSyntaxError(e) => ApiError::MalformedJson(e.body_text()),
            JsonRejection::JsonDataError(e) => ApiError::InvalidBody(e.body_text()),
            JsonRejection::BytesRejection(e) if e.status() == 413 => ApiError::PayloadTooLarge,
            JsonRejection::BytesRejection(e) if crate::http::error::body_timed_out(&e) => {
                ApiError::BodyTimeout
            }
            other => ApiError::MalformedJson(other.body_text()),
        }
    }
}

/// `Query` that rejects with [`ApiError`].
#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(ApiError))]
pub struct AppQuery<T>(pub T);

impl From<QueryRejection> for ApiError {
    fn from(rejection: QueryRejection) -> Self {
        ApiError::InvalidQuery(rejection.body_text())
    }
}

/// `Path` that rejects with [`ApiError`]: a path that cannot be decoded names nothing, so 404.
#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(ApiError))]
pub struct AppPath<T>(pub T);

impl From<PathRejection> for ApiError {
    fn from(_: PathRejection) -> Self {
        ApiError::NotFound
    }
}

/// `Multipart` that rejects with [`ApiError`].
pub struct AppMultipart(pub axum::extract::Multipart);

impl<S: Send + Sync> FromRequest<S> for AppMultipart {
    type Rejection = ApiError;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, ApiError> {
        let multipart = axum::extract::Multipart::from_request(req, state).await?;
        Ok(Self(multipart))
    }
}

/// A multipart form as read: its text fields in order, and its files (parts with a file name;
/// a file input left empty sends a nameless empty part, which is dropped).
#[derive(Default)]
pub struct MultipartForm {
    pub fields: Vec<(String, String)>,
    pub files: Vec<crate::files::Incoming>,
}

impl MultipartForm {
    pub async fn read(mut multipart: axum::extract::Multipart) -> Result<Self, ApiError> {
        let mut form = Self::default();
        while let Some(part) = multipart.next_field().await.map_err(multipart_error)? {
            let name = part.name().unwrap_or_default().to_owned();
            match part.file_name().map(str::to_owned) {
                Some(file_name) => {
                    let bytes = part.bytes().await.map_err(multipart_error)?;
                    if !(file_name.is_empty() && bytes.is_empty()) {
                        form.files.push(crate::files::Incoming {
                            name: file_name,
                            bytes,
                        });
                    }
                }
                None => {
                    let text = part.text().await.map_err(multipart_error)?;
                    form.fields.push((name, text));
                }
            }
        }
        Ok(form)
    }
}

fn multipart_error(err: axum::extract::multipart::MultipartError) -> ApiError {
    if err.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::PayloadTooLarge
    } else if crate::http::error::body_timed_out(&err) {
        ApiError::BodyTimeout
    } else {
        ApiError::InvalidBody(format!("the form could not be read: {}", err.body_text()))
    }
}

impl From<axum::extract::multipart::MultipartRejection> for ApiError {
    fn from(rejection: axum::extract::multipart::MultipartRejection) -> Self {
        match rejection {
            axum::extract::multipart::MultipartRejection::InvalidBoundary(_) => {
                ApiError::InvalidBody("expected a multipart/form-data body".into())
            }
            other => ApiError::InvalidBody(other.body_text()),
        }
    }
}

//! Uploading files to attach, and downloading attached ones, in the widget and agent APIs.
//!
//! An upload is staged and answered with its id; the ticket or message that lists the id
//! claims it. A download is served only to the ticket's owner or the workspace's agents, and
//! always as an attachment in a sandbox, whatever the file is.

use axum::body::Body;
use axum::extract::{DefaultBodyLimit, Multipart, State};
use axum::http::header::{
    CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_LENGTH, CONTENT_SECURITY_POLICY, CONTENT_TYPE,
};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use porthole_types::{limits, Attachment, ErrorBody};

use super::responses::{OriginNotAllowed, Unauthorized};
use crate::files::{Incoming, UploadError, Uploader, VERIFIED_UPLOADS_PER_WINDOW};
use crate::http::auth::{Agent, UserSession};
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{AppJson, AppMultipart, AppPath, MultipartForm};
use crate::http::state::AppState;
use crate::store::AGENT_OWNER;

/// One file and the form around it.
pub const UPLOAD_LIMIT_BYTES: usize = limits::FILE_MAX_BYTES + 64 * 1024;
/// Agents upload through scripts and integrations; their allowance is a guard, not a policy.
const AGENT_UPLOADS_PER_WINDOW: i64 = 200;

pub fn widget_routes() -> Router<AppState> {
    use super::widget::at;
    Router::new()
        .route(
            &at("/uploads"),
            post(widget_upload).layer(DefaultBodyLimit::max(UPLOAD_LIMIT_BYTES)),
        )
        .route(&at("/attachments/{id}"), get(widget_download))
}

pub fn agent_routes() -> Router<AppState> {
    Router::new()
        .route(
            "/uploads",
            post(agent_upload).layer(DefaultBodyLimit::max(UPLOAD_LIMIT_BYTES)),
        )
        .route("/attachments/{id}", get(agent_download))
}

impl From<UploadError> for ApiError {
    fn from(err: UploadError) -> Self {
        match err {
            UploadError::Refused { reason, .. } => ApiError::invalid("file", reason.to_string()),
            UploadError::TooMany => ApiError::invalid("file", "send one file per upload"),
            UploadError::RateLimited(secs) => ApiError::RateLimited(secs),
            UploadError::Internal(err) => ApiError::Internal(err),
        }
    }
}

/// The one file of an upload request: its `file` part.
async fn one_file(multipart: Multipart) -> ApiResult<Incoming> {
    let mut form = MultipartForm::read(multipart).await?;
    if form.files.len() > 1 {
        return Err(UploadError::TooMany.into());
    }
    form.files
        .pop()
        .ok_or_else(|| ApiError::invalid("file", "choose a file to attach"))
}

async fn stage_one(state: &AppState, who: Uploader, file: Incoming) -> ApiResult<Attachment> {
    let now = state.clock.now_ms();
    let mut staged = state
        .files
        .stage_all(&state.store, &who, vec![file], 1, now)
        .await?;
    staged
        .pop()
        .ok_or_else(|| anyhow::anyhow!("a staged file went missing").into())
}

#[utoipa::path(
    post, path = "/api/v1/widget/{slug}/uploads", tag = "widget",
    params(("slug" = String, Path, description = "The workspace")),
    request_body(content_type = "multipart/form-data", description = "One `file` part, at most 10 MB: JPEG, PNG, GIF, WebP, PDF, text, CSV, Word or Excel, judged by its bytes"),
    security(("session" = [])),
    responses(
        (status = 201, description = "Kept for an hour, for the user's next ticket or reply to list in `attachments`", body = Attachment),
        Unauthorized,
        OriginNotAllowed,
        (status = 413, description = "over 10 MB", body = ErrorBody),
        (status = 422, description = "no file, more than one, an empty one, a kind that cannot be attached, or an image that does not decode or is over 50 megapixels", body = ErrorBody),
        (status = 429, description = "more than 10 uploads in 10 minutes; see Retry-After", body = ErrorBody)
    )
)]
async fn widget_upload(
    State(state): State<AppState>,
    session: UserSession,
    AppMultipart(multipart): AppMultipart,
) -> ApiResult<impl IntoResponse> {
    let file = one_file(multipart).await?;
    let scope = &session.scope;
    let uploader = format!("user:{}:{}", scope.workspace_id, scope.email);
    let who = Uploader::customer(
        scope.workspace_id,
        &scope.email,
        uploader,
        VERIFIED_UPLOADS_PER_WINDOW,
    );
    let staged = stage_one(&state, who, file).await?;
    Ok((StatusCode::CREATED, AppJson(staged)))
}

#[utoipa::path(
    post, path = "/api/v1/agent/uploads", tag = "agent",
    request_body(content_type = "multipart/form-data", description = "One `file` part, at most 10 MB, of an allowed kind"),
    security(("api_key" = [])),
    responses(
        (status = 201, description = "Kept for an hour, for a reply to list in `attachments`", body = Attachment),
        Unauthorized,
        (status = 413, description = "over 10 MB", body = ErrorBody),
        (status = 422, description = "no file, more than one, an empty one, a kind that cannot be attached, or an image that does not decode or is over 50 megapixels", body = ErrorBody),
        (status = 429, description = "too many uploads; see Retry-After", body = ErrorBody)
    )
)]
async fn agent_upload(
    State(state): State<AppState>,
    Agent(key): Agent,
    AppMultipart(multipart): AppMultipart,
) -> ApiResult<impl IntoResponse> {
    let file = one_file(multipart).await?;
    let who = Uploader {
        workspace_id: key.workspace_id,
        owner: AGENT_OWNER.into(),
        uploader: key.principal.clone(),
        per_window: AGENT_UPLOADS_PER_WINDOW,
    };
    let staged = stage_one(&state, who, file).await?;
    Ok((StatusCode::CREATED, AppJson(staged)))
}

#[utoipa::path(
    get, path = "/api/v1/widget/{slug}/attachments/{id}", tag = "widget",
    params(("slug" = String, Path, description = "The workspace"), ("id" = String, Path, description = "The attachment's id")),
    security(("session" = [])),
    responses(
        (status = 200, description = "The file, as a download", content_type = "application/octet-stream"),
        Unauthorized,
        OriginNotAllowed,
        (status = 404, description = "no such file on the user's tickets", body = ErrorBody)
    )
)]
async fn widget_download(
    State(state): State<AppState>,
    session: UserSession,
    AppPath((_slug, id)): AppPath<(String, String)>,
) -> ApiResult<Response> {
    let found = state
        .store
        .user_attachment(&session.scope, None, &id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(download(
        &found,
        Body::from_stream(state.files.stream(&found.id).await?),
    ))
}

#[utoipa::path(
    get, path = "/api/v1/agent/attachments/{id}", tag = "agent",
    params(("id" = String, Path, description = "The attachment's id")),
    security(("api_key" = [])),
    responses(
        (status = 200, description = "The file, as a download", content_type = "application/octet-stream"),
        Unauthorized,
        (status = 404, description = "no such file in the workspace", body = ErrorBody)
    )
)]
async fn agent_download(
    State(state): State<AppState>,
    Agent(key): Agent,
    AppPath(id): AppPath<String>,
) -> ApiResult<Response> {
    let found = state
        .store
        .agent_attachment(key.workspace_id, &id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(download(
        &found,
        Body::from_stream(state.files.stream(&found.id).await?),
    ))
}

/// A file as a download no browser will render: `attachment`, a sandbox with nothing allowed,
/// the type its bytes showed (and `nosniff`, set for every answer), and no caching.
pub fn download(attachment: &Attachment, body: Body) -> Response {
    let disposition = format!(
        "attachment; filename=\"{}\"; filename*=UTF-8''{}",
        ascii_fallback(&attachment.name),
        rfc5987(&attachment.name)
    );
    let mut response = body.into_response();
    let headers = response.headers_mut();
    let content_type = HeaderValue::from_str(&attachment.content_type)
        .unwrap_or(HeaderValue::from_static("application/octet-stream"));
    headers.insert(CONTENT_TYPE, content_type);
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(CONTENT_DISPOSITION, value);
    }
    headers.insert(
        CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("sandbox; default-src 'none'"),
    );
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    headers.insert(CONTENT_LENGTH, HeaderValue::from(attachment.size));
    headers.insert(
        "cross-origin-resource-policy",
        HeaderValue::from_static("same-origin"),
    );
    response
}

/// The name for browsers that ignore `filename*`: printable ASCII, quotes and backslashes
/// replaced.
fn ascii_fallback(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            ' '..='~' if c != '"' && c != '\\' => c,
            _ => '_',
        })
        .collect()
}

/// RFC 5987 `value-chars`: attr-chars as they are, every other byte of the UTF-8 as `%XX`.
fn rfc5987(name: &str) -> String {
    let mut out = String::with_capacity(name.len() * 3);
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_in_headers_cannot_break_out_of_their_quotes() {
        assert_eq!(ascii_fallback("a\"b\\c é.txt"), "a_b_c _.txt");
        assert_eq!(rfc5987("é a.txt"), "%C3%A9%20a.txt");
        assert_eq!(rfc5987("x\";y.txt"), "x%22%3By.txt");
    }
}

//! Files on the script-free pages: forms posted as `multipart/form-data`, the file field, the
//! files of a conversation as links, and their downloads.

use axum::extract::{FromRequest, Multipart, Request};
use axum::http::header::CONTENT_TYPE;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use porthole_types::Attachment;
use serde::de::DeserializeOwned;

use super::fragments::FieldErrors;
use super::{Page, PageError, PageForm, Site};
use crate::files::{file_size, Incoming, UploadError, Uploader};
use crate::http::extract::MultipartForm;
use crate::http::state::AppState;
use crate::i18n::{fill, Catalogue};
use crate::store::UserScope;

/// Three files of 10 MB and the form around them: what a customer's form post may carry.
pub const FORM_LIMIT_BYTES: usize = 3 * porthole_types::limits::FILE_MAX_BYTES + 256 * 1024;

/// What the file input accepts; the server decides by content all the same.
const ACCEPT: &str = "image/jpeg,image/png,image/gif,image/webp,application/pdf,text/plain,\
    text/csv,.csv,.txt,.doc,.docx,.xls,.xlsx";

/// A form that may carry files: multipart or url-encoded alike, its text fields read into `T`.
pub struct PageUpload<T> {
    pub form: T,
    pub files: Vec<Incoming>,
}

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for PageUpload<T> {
    type Rejection = PageError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let multipart = req
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("multipart/form-data"));
        if !multipart {
            let PageForm(form) = PageForm::<T>::from_request(req, state).await?;
            return Ok(Self {
                form,
                files: vec![],
            });
        }
        let multipart = Multipart::from_request(req, state)
            .await
            .map_err(|e| PageError::from(crate::http::error::ApiError::from(e)))?;
        let read = MultipartForm::read(multipart).await?;
        // Every field of these forms is text, so a map of strings reads into any of them.
        let fields: serde_json::Map<String, serde_json::Value> = read
            .fields
            .into_iter()
            .map(|(k, v)| (k, serde_json::Value::String(v)))
            .collect();
        let form = serde_json::from_value(serde_json::Value::Object(fields))
            .map_err(|e| PageError::BadRequest(format!("the form could not be read: {e}")))?;
        Ok(Self {
            form,
            files: read.files,
        })
    }
}

/// Why files were not taken: the status to answer with, and the reason to show beside the
/// file field.
pub type Refused = (StatusCode, String);

/// Stages a customer's files from a page, counted under `uploader` with `per_window` allowed:
/// their ids, or why not.
pub async fn stage(
    state: &AppState,
    site: &Site,
    scope: &UserScope,
    (uploader, per_window): (String, i64),
    files: Vec<Incoming>,
) -> Result<Result<Vec<String>, Refused>, PageError> {
    let t = site.t;
    let who = Uploader::customer(scope.workspace_id, &scope.email, uploader, per_window);
    let max = porthole_types::limits::FILES_PER_CUSTOMER_MESSAGE;
    let now = state.clock.now_ms();
    match state
        .files
        .stage_all(&state.store, &who, files, max, now)
        .await
    {
        Ok(staged) => Ok(Ok(staged.into_iter().map(|a| a.id).collect())),
        Err(UploadError::TooMany) => Ok(Err((
            StatusCode::UNPROCESSABLE_ENTITY,
            t.page.attach_too_many.to_owned(),
        ))),
        Err(UploadError::RateLimited(_)) => Ok(Err((
            StatusCode::TOO_MANY_REQUESTS,
            t.page.attach_wait.to_owned(),
        ))),
        // The refused file is named, so that the visitor knows which one to change.
        Err(UploadError::Refused { name, .. }) => Ok(Err((
            StatusCode::UNPROCESSABLE_ENTITY,
            format!(
                "{} {}",
                fill(t.page.attach_refused, name),
                t.page.attach_hint
            ),
        ))),
        Err(UploadError::Internal(err)) => Err(PageError::Internal(err)),
    }
}

/// Stages a new ticket form's files: their ids, or the form drawn again by `render` with the
/// reason beside the file field.
pub async fn stage_for_form(
    state: &AppState,
    (site, scope): (&Site, &UserScope),
    uploader: (String, i64),
    files: Vec<Incoming>,
    render: impl FnOnce(&FieldErrors) -> Page,
) -> Result<Result<Vec<String>, Response>, PageError> {
    Ok(match stage(state, site, scope, uploader, files).await? {
        Ok(ids) => Ok(ids),
        Err((status, reason)) => {
            let mut errors = FieldErrors::default();
            errors.add("files", reason);
            Err(render(&errors).status(status).into_response())
        }
    })
}

/// The file field of a ticket or reply form, with its hint and any error.
pub fn file_field(t: &Catalogue, id: &str, error: Option<&str>) -> Markup {
    html! {
        label.ph-label for=(id) { (t.page.attach) }
        input.ph-input id=(id) name="files" type="file" multiple accept=(ACCEPT)
            aria-describedby={ (id) "-hint " (id) "-error" }
            aria-invalid=(if error.is_some() { "true" } else { "false" });
        p.ph-hint id={ (id) "-hint" } { (t.page.attach_hint) }
        @if let Some(message) = error { p.ph-field-error id={ (id) "-error" } role="alert" { (message) } }
    }
}

/// A message's files, each a link to `{base}/{id}`, which serves it as a download.
pub fn file_links(t: &Catalogue, base: &str, files: &[Attachment]) -> Markup {
    html! {
        @if !files.is_empty() {
            ul.ph-files aria-label=(t.page.attachments) {
                @for f in files {
                    li { a.ph-link href={ (base) "/" (f.id) } download=(f.name) { (f.name) } " " span.ph-size { "(" (file_size(f.size)) ")" } }
                }
            }
        }
    }
}

/// Serves file `id` of ticket `number` to `scope`'s user, or not found.
pub async fn download(
    state: &AppState,
    scope: &UserScope,
    number: i64,
    id: &str,
) -> Result<Response, PageError> {
    let found = state
        .store
        .user_attachment(scope, Some(number), id)
        .await?
        .ok_or(PageError::NotFound)?;
    let stream = state
        .files
        .stream(&found.id)
        .await
        .map_err(PageError::Internal)?;
    Ok(crate::http::api::download(
        &found,
        axum::body::Body::from_stream(stream),
    ))
}

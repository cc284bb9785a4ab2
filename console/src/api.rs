//! The agent API, called with the console's cookie (sent by the browser, never read here) and,
//! on every change, the session's CSRF token from the page.

use gloo_net::http::{Request, RequestBuilder, Response};
use porthole_types::ErrorBody;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::{page_meta, words};

/// Why a call failed, in words an agent can act on.
#[derive(Debug, Clone, PartialEq)]
pub struct Failed(pub String);

fn url(path: &str) -> String {
    format!("/api/v1/agent{path}")
}

fn with_csrf(builder: RequestBuilder) -> RequestBuilder {
    builder.header("x-csrf-token", &page_meta("ph-csrf"))
}

async fn checked(res: Result<Response, gloo_net::Error>) -> Result<Response, Failed> {
    let res = res.map_err(|_| Failed(words().unreachable.into()))?;
    if res.ok() {
        return Ok(res);
    }
    if res.status() == 401 {
        // The session ended (signed out elsewhere, or expired): back to the sign-in page.
        let _ = web_sys::window().map(|w| w.location().set_href("/console/sign-in"));
    }
    match res.json::<ErrorBody>().await {
        Ok(body) => Err(Failed(body.error.message)),
        Err(_) => Err(Failed(porthole_text::fill(
            words().server_answered,
            res.status(),
        ))),
    }
}

async fn decoded<T: DeserializeOwned>(res: Result<Response, gloo_net::Error>) -> Result<T, Failed> {
    checked(res)
        .await?
        .json()
        .await
        .map_err(|_| Failed(words().unreadable_answer.into()))
}

pub async fn get<T: DeserializeOwned>(path: &str) -> Result<T, Failed> {
    decoded(Request::get(&url(path)).send().await).await
}

/// A change: `POST`, `PATCH` or `PUT` with a JSON body.
pub async fn send<B: Serialize, T: DeserializeOwned>(
    method: &str,
    path: &str,
    body: &B,
) -> Result<T, Failed> {
    let builder = match method {
        "PATCH" => Request::patch(&url(path)),
        "PUT" => Request::put(&url(path)),
        _ => Request::post(&url(path)),
    };
    let request = with_csrf(builder)
        .json(body)
        .map_err(|_| Failed(words().unwritable_request.into()))?;
    decoded(request.send().await).await
}

pub async fn delete(path: &str) -> Result<(), Failed> {
    checked(with_csrf(Request::delete(&url(path))).send().await).await?;
    Ok(())
}

/// A `POST` with no body whose answer has none either (`202`).
pub async fn poke(path: &str) -> Result<(), Failed> {
    checked(with_csrf(Request::post(&url(path))).send().await).await?;
    Ok(())
}

/// Uploads one file for the next message; its id goes in the message's `attachments`.
pub async fn upload(file: &web_sys::File) -> Result<porthole_types::Attachment, Failed> {
    let unreadable = || Failed(words().unreadable_file.into());
    let form = web_sys::FormData::new().map_err(|_| unreadable())?;
    form.append_with_blob_and_filename("file", file, &file.name())
        .map_err(|_| unreadable())?;
    let request = with_csrf(Request::post(&url("/uploads")))
        .body(form)
        .map_err(|_| unreadable())?;
    decoded(request.send().await).await
}

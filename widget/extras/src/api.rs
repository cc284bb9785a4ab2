//! The calls this module makes, with the session token in a header and serde's typed decoding
//! of the `porthole_types` shapes.

use gloo_net::http::{Request, RequestBuilder, Response};
use porthole_types::{Attachment, ErrorBody, Ticket};
use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::texts::workspace;

/// Why a call failed: the server's status (with our error body), or no answer at all.
#[derive(Debug)]
pub enum Failed {
    Api(u16),
    Network,
}

/// An article offered while a subject is typed.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Suggestion {
    pub id: i64,
    pub title: String,
}

#[derive(Deserialize)]
struct Suggestions {
    articles: Vec<Suggestion>,
}

/// An article to read in place: its body is HTML the server sanitised.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ArticleView {
    pub id: i64,
    pub title: String,
    pub html: String,
}

fn url(path: &str) -> String {
    format!("/api/v1/widget/{}{path}", workspace())
}

fn authorised(builder: RequestBuilder) -> RequestBuilder {
    builder.header("Authorization", &format!("Bearer {}", crate::token()))
}

async fn checked(res: Result<Response, gloo_net::Error>) -> Result<Response, Failed> {
    let res = res.map_err(|_| Failed::Network)?;
    if res.ok() {
        return Ok(res);
    }
    let status = res.status();
    match res.json::<ErrorBody>().await {
        Ok(_) => Err(Failed::Api(status)),
        Err(_) => Err(Failed::Network),
    }
}

async fn read<T: DeserializeOwned>(res: Result<Response, gloo_net::Error>) -> Result<T, Failed> {
    checked(res)
        .await?
        .json()
        .await
        .map_err(|_| Failed::Network)
}

pub async fn upload(file: &web_sys::File) -> Result<Attachment, Failed> {
    let form = web_sys::FormData::new().map_err(|_| Failed::Network)?;
    form.append_with_blob_and_filename("file", file, &file.name())
        .map_err(|_| Failed::Network)?;
    let request = authorised(Request::post(&url("/uploads")))
        .body(form)
        .map_err(|_| Failed::Network)?;
    read(request.send().await).await
}

pub async fn ticket(reference: &str) -> Result<Ticket, Failed> {
    let request = authorised(Request::get(&url(&format!("/tickets/{reference}"))));
    read(request.send().await).await
}

pub async fn rate(reference: &str, score: i64, comment: String) -> Result<(), Failed> {
    let body = serde_json::json!({ "score": score, "comment": comment });
    let request = authorised(Request::post(&url(&format!("/tickets/{reference}/rating"))))
        .json(&body)
        .map_err(|_| Failed::Network)?;
    checked(request.send().await).await.map(drop)
}

pub async fn suggestions(typed: &str) -> Result<Vec<Suggestion>, Failed> {
    let q = String::from(js_sys::encode_uri_component(typed));
    let request = authorised(Request::get(&url(&format!("/articles?q={q}"))));
    read::<Suggestions>(request.send().await)
        .await
        .map(|s| s.articles)
}

pub async fn article(id: i64) -> Result<ArticleView, Failed> {
    let request = authorised(Request::get(&url(&format!("/articles/{id}"))));
    read(request.send().await).await
}

/// A file's bytes, as a blob to hand to the browser's download.
pub async fn file(id: &str) -> Result<web_sys::Blob, Failed> {
    let request = authorised(Request::get(&url(&format!("/attachments/{id}"))));
    let res = checked(request.send().await).await?;
    let bytes = res.binary().await.map_err(|_| Failed::Network)?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes.as_slice()));
    web_sys::Blob::new_with_u8_array_sequence(&parts).map_err(|_| Failed::Network)
}

/// Counts an opened FAQ. Best effort: a lost count is not worth bothering the user with.
pub async fn faq_click(question: String) {
    let body = serde_json::json!({ "question": question });
    if let Ok(request) = authorised(Request::post(&url("/faqs/clicks"))).json(&body) {
        let _ = request.send().await;
    }
}

//! The widget's calls to the Porthole API. Same-origin, with the session token in a header:
//! never in a URL, never in storage.

use gloo_net::http::{Request, RequestBuilder, Response};
use porthole_types::{CreateTicket, ErrorBody, Ticket, TicketList};

use crate::json::{object, parse, FromJson};

/// Why a call failed, in the terms the UI needs.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// The server answered with our error format.
    Api { status: u16, body: ErrorBody },
    /// No answer, or one we could not read: worth a retry.
    Network,
}

impl Failure {
    /// The session is gone (revoked, expired, or its origin no longer allowed).
    pub fn session_ended(&self) -> bool {
        matches!(
            self,
            Failure::Api {
                status: 401 | 403,
                ..
            }
        )
    }
}

#[derive(Clone)]
pub struct Api {
    base: String,
    token: String,
}

impl Api {
    pub fn new(workspace: &str, token: String) -> Self {
        Self {
            base: format!("/api/v1/widget/{workspace}"),
            token,
        }
    }

    fn request(&self, builder: RequestBuilder) -> RequestBuilder {
        builder.header("Authorization", &format!("Bearer {}", self.token))
    }

    /// A page of the user's tickets: the first, or the one after `cursor`.
    pub async fn tickets(&self, cursor: Option<&str>) -> Result<TicketList, Failure> {
        let mut url = format!("{}/tickets", self.base);
        if let Some(cursor) = cursor {
            url.push_str("?cursor=");
            url.push_str(&String::from(js_sys::encode_uri_component(cursor)));
        }
        read(self.request(Request::get(&url)).send().await).await
    }

    pub async fn ticket(&self, reference: &str) -> Result<Ticket, Failure> {
        let url = format!("{}/tickets/{reference}", self.base);
        read(self.request(Request::get(&url)).send().await).await
    }

    /// `key` stays the same across retries of one form, so a retry never makes a second ticket.
    /// `files`: the form's `attachments` field (see `json::object`).
    pub async fn create(
        &self,
        (ticket, files): (&CreateTicket, &str),
        key: &str,
    ) -> Result<Ticket, Failure> {
        let url = format!("{}/tickets", self.base);
        let builder = self
            .request(Request::post(&url))
            .header("Idempotency-Key", key);
        let body = object(
            &[
                ("subject", Some(&ticket.subject)),
                ("description", ticket.description.as_deref()),
                ("type", ticket.ticket_type.map(|t| t.as_str())),
                ("category", ticket.category.as_deref()),
            ],
            files,
        );
        send_json(builder, body).await
    }

    /// The user marks their own ticket solved.
    pub async fn solve(&self, reference: &str) -> Result<Ticket, Failure> {
        let url = format!("{}/tickets/{reference}/solve", self.base);
        send_json(self.request(Request::post(&url)), "{}".into()).await
    }

    pub async fn reply(
        &self,
        reference: &str,
        (body, files): (String, String),
    ) -> Result<Ticket, Failure> {
        let url = format!("{}/tickets/{reference}/messages", self.base);
        send_json(
            self.request(Request::post(&url)),
            object(&[("body", Some(&body))], &files),
        )
        .await
    }

    /// The session token, for the lazily loaded module (see `extras`).
    pub fn token(&self) -> &str {
        &self.token
    }
}

async fn send_json<T: FromJson>(builder: RequestBuilder, body: String) -> Result<T, Failure> {
    let request = builder
        .header("Content-Type", "application/json")
        .body(body)
        .map_err(|_| Failure::Network)?;
    read(request.send().await).await
}

async fn read<T: FromJson>(res: Result<Response, gloo_net::Error>) -> Result<T, Failure> {
    let res = res.map_err(|_| Failure::Network)?;
    let text = res.text().await.map_err(|_| Failure::Network)?;
    if res.ok() {
        return parse(&text).ok_or(Failure::Network);
    }
    let body = parse::<ErrorBody>(&text).ok_or(Failure::Network)?;
    Err(Failure::Api {
        status: res.status(),
        body,
    })
}

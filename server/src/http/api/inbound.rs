//! Email in: a mail provider's inbound hook posts each raw message (RFC 5322) that reached the
//! inbound address. A reply with a valid token from the ticket's own customer continues the
//! ticket, as a reply in the widget would. A message without a token, to the support address,
//! continues the ticket of an email it answers (by `In-Reply-To`/`References`) if it is the
//! same sender's, and otherwise opens a ticket. Automatic, bulk and list mail, bounces and
//! Porthole's own are refused with their reason, and nothing is written.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::header::AUTHORIZATION;
use axum::http::HeaderMap;
use axum::routing::post;
use axum::{Json, Router};
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use porthole_types::{limits, Channel, ErrorBody};
use serde::Serialize;
use subtle::ConstantTimeEq;

use crate::files::{Incoming, UploadError, Uploader, VERIFIED_UPLOADS_PER_WINDOW};
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::AppPath;
use crate::http::state::AppState;
use crate::mail::inbound::{read, InboundReply};
use crate::store::{ReplyTarget, UserScope};
use porthole_core::opening::{open_ticket, NewTicket, Outcome};
use porthole_core::tickets::{self, CustomerPost};
use porthole_core::{hash_token, normalise_email, CoreError, EmailAddress, TicketRef};

/// The largest message taken in: replies with a few attachments.
pub const MAX_MESSAGE_BYTES: usize = 25 * 1024 * 1024;

pub fn routes() -> Router<AppState> {
    Router::new().route(
        "/api/v1/inbound/{slug}",
        post(take_in).layer(DefaultBodyLimit::max(MAX_MESSAGE_BYTES)),
    )
}

#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct Taken {
    /// `accepted`, or `duplicate` for a message taken in before (same `Message-ID`).
    status: &'static str,
    ticket: String,
}

/// The inbound secret, sent as a bearer token or as the password of HTTP Basic
/// authentication (which most providers' hooks use).
fn presented_secret(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, rest) = value.split_once(' ')?;
    if scheme.eq_ignore_ascii_case("bearer") {
        return Some(rest.trim().to_owned());
    }
    if scheme.eq_ignore_ascii_case("basic") {
        let decoded = String::from_utf8(BASE64.decode(rest.trim()).ok()?).ok()?;
        return decoded
            .split_once(':')
            .map(|(_, password)| password.to_owned());
    }
    None
}

/// Refuses the message: logged with its reason (never its content), answered 422.
fn refuse(slug: &str, reason: &'static str) -> ApiError {
    tracing::warn!(workspace = %slug, reason, "inbound email refused");
    ApiError::InvalidBody(format!("message refused: {reason}"))
}

#[utoipa::path(
    post, path = "/api/v1/inbound/{slug}", tag = "operations",
    params(("slug" = String, Path, description = "The workspace")),
    request_body(content = String, content_type = "message/rfc822", description = "The raw message, as received"),
    security(("inbound" = [])),
    responses(
        (status = 200, description = "Added to its ticket or opened one, or already taken in", body = Taken),
        (status = 401, description = "missing or wrong inbound secret", body = ErrorBody),
        (status = 404, description = "replies by email are off", body = ErrorBody),
        (status = 413, description = "message over 25 MiB", body = ErrorBody),
        (status = 422, description = "refused: not an email, an unknown reply address, another sender, an automatic, bulk or list message or a bounce, Porthole's own address, no text, or a closed ticket", body = ErrorBody),
        (status = 429, description = "the sender opened 10 tickets by email this hour; see Retry-After", body = ErrorBody)
    )
)]
async fn take_in(
    State(state): State<AppState>,
    AppPath(slug): AppPath<String>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<Json<Taken>> {
    let reply_local = state
        .mailer
        .as_ref()
        .and_then(|m| m.reply_local())
        .ok_or(ApiError::NotFound)?;
    let presented = presented_secret(&headers).ok_or(ApiError::MissingCredentials)?;
    let (workspace_id, expected) = state
        .store
        .inbound_secret_hash(&slug)
        .await?
        .ok_or(ApiError::InvalidApiKey)?;
    if !bool::from(hash_token(&presented).as_bytes().ct_eq(expected.as_bytes())) {
        return Err(ApiError::InvalidApiKey);
    }
    let body = body.map_err(|err| match err.status().as_u16() {
        413 => ApiError::PayloadTooLarge,
        _ => ApiError::MalformedRequest,
    })?;
    let reply = read(&body, reply_local).ok_or_else(|| refuse(&slug, "not a readable email"))?;
    if reply.automatic {
        return Err(refuse(&slug, "an automatic reply"));
    }
    if reply.bulk {
        return Err(refuse(&slug, "a list, bulk or delivery-report message"));
    }
    let sender = normalise_email(&reply.from);
    if state.mailer.as_ref().is_some_and(|m| m.is_own(&sender)) {
        return Err(refuse(&slug, "a message from Porthole's own address"));
    }
    // Without a Message-ID the content identifies it: the same message sent twice is one.
    let message_id = reply
        .message_id
        .clone()
        .unwrap_or_else(|| format!("sha256:{}", hash_token(&String::from_utf8_lossy(&body))));
    let target = match &reply.token {
        Some(token) => {
            let target = state
                .store
                .reply_target(workspace_id, &hash_token(token))
                .await?
                .ok_or_else(|| refuse(&slug, "unknown reply address"))?;
            if sender != target.email {
                return Err(refuse(&slug, "the sender is not the ticket's customer"));
            }
            target
        }
        // To the support address: it continues the ticket of an email it answers, if it is
        // the same sender's; otherwise it opens a ticket.
        // A participant answering with "reply all" continues it too.
        None => match state
            .store
            .thread_of(workspace_id, &sender, &reply.answers)
            .await?
        {
            Some(target) if target.email == sender => target,
            Some(target) if reachable(&state, (workspace_id, &sender), target.number).await? => {
                ReplyTarget {
                    email: sender.clone(),
                    ..target
                }
            }
            _ => return open_by_email(&state, (&slug, workspace_id), reply, message_id).await,
        },
    };
    if reply.text.is_empty() && reply.files.is_empty() {
        return Err(refuse(&slug, "no text above the quoted history"));
    }
    let text = shorten(&reply.text, limits::MESSAGE_MAX_CHARS);
    let files = stage_files(&state, (&slug, workspace_id), &target.email, reply.files).await?;
    let scope = UserScope {
        workspace_id,
        email: target.email,
        name: reply.from_name,
    };
    let post = (CustomerPost::rendered(text, files), &message_id[..]);
    let now = state.clock.now_ms();
    let added = tickets::reply_by_email(&state.store, &scope, target.number, post, now)
        .await
        .map_err(|err| match err {
            CoreError::Conflict(..) => refuse(&slug, "the ticket is closed"),
            CoreError::NotFound => refuse(&slug, "the sender no longer takes part in the ticket"),
            other => other.into(),
        })?;
    Ok(Json(Taken {
        status: if added { "accepted" } else { "duplicate" },
        ticket: TicketRef(target.number).to_string(),
    }))
}

/// Keeps the files of a reply by email under the rules of every other upload: the first three
/// that pass are kept; the rest, and any that fail, are dropped with the reason in the log.
async fn stage_files(
    state: &AppState,
    (slug, workspace_id): (&str, i64),
    email: &str,
    sent: Vec<(String, Vec<u8>)>,
) -> ApiResult<Vec<String>> {
    let mut kept = Vec::new();
    let now = state.clock.now_ms();
    for (name, bytes) in sent {
        if kept.len() == limits::FILES_PER_CUSTOMER_MESSAGE {
            tracing::warn!(workspace = %slug, "inbound email: files past the third dropped");
            break;
        }
        let who = Uploader::customer(
            workspace_id,
            email,
            format!("email:{workspace_id}:{email}"),
            VERIFIED_UPLOADS_PER_WINDOW,
        );
        let file = Incoming {
            name,
            bytes: bytes.into(),
        };
        match state
            .files
            .stage_all(&state.store, &who, vec![file], 1, now)
            .await
        {
            Ok(staged) => kept.extend(staged.into_iter().map(|a| a.id)),
            Err(UploadError::Internal(err)) => return Err(err.into()),
            Err(refused) => {
                tracing::warn!(workspace = %slug, reason = %refused, "inbound email: a file dropped");
            }
        }
    }
    Ok(kept)
}

/// An email to the support address that answers nothing known: a new ticket for its sender,
/// with its subject, its text and its files, on channel Email.
async fn open_by_email(
    state: &AppState,
    (slug, workspace_id): (&str, i64),
    email: InboundReply,
    message_id: String,
) -> ApiResult<Json<Taken>> {
    let sender = EmailAddress::parse(&email.from)
        .map_err(|_| refuse(slug, "the sender's address is not valid"))?
        .to_string();
    let printable = |text: &str| -> String {
        text.chars()
            .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
            .collect()
    };
    let subject = shorten(
        &printable(&email.subject).replace('\n', " "),
        limits::SUBJECT_MAX_CHARS,
    );
    let subject = if subject.trim().is_empty() {
        "(no subject)".to_owned()
    } else {
        subject.trim().to_owned()
    };
    let body = shorten(&printable(&email.body), limits::DESCRIPTION_MAX_CHARS);
    let files = stage_files(state, (slug, workspace_id), &sender, email.files).await?;
    let participants = copied(state, slug, &sender, &email.cc);
    let scope = UserScope {
        workspace_id,
        email: sender,
        name: email.from_name,
    };
    let new = NewTicket {
        subject,
        description: Some(body).filter(|b| !b.trim().is_empty()),
        ticket_type: None,
        category: None,
        channel: Channel::Email,
        locale: None,
        attachments: files,
        message_id: Some(message_id),
        participants,
        portal: None,
    };
    let outcome = open_ticket(&state.store, &scope, new, None, state.clock.now_ms()).await?;
    let (status, ticket) = match outcome {
        Outcome::Created(t) => ("accepted", t),
        Outcome::Replayed(t) => ("duplicate", t),
    };
    Ok(Json(Taken {
        status,
        ticket: ticket.reference,
    }))
}

/// The people copied on an email that opens a ticket, who become its participants: valid
/// addresses other than the sender's and Porthole's own, up to the per-ticket limit.
fn copied(state: &AppState, slug: &str, sender: &str, cc: &[String]) -> Vec<EmailAddress> {
    let mut kept: Vec<EmailAddress> = vec![];
    for address in cc {
        let Ok(address) = EmailAddress::participant(address) else {
            continue;
        };
        let own = state
            .mailer
            .as_ref()
            .is_some_and(|m| m.is_own(address.as_str()));
        if own || address.as_str() == sender || kept.contains(&address) {
            continue;
        }
        if kept.len() == limits::PARTICIPANTS_PER_TICKET {
            tracing::warn!(workspace = %slug, "inbound email: Cc addresses past the limit not copied");
            break;
        }
        kept.push(address);
    }
    kept
}

async fn reachable(
    state: &AppState,
    (workspace_id, email): (i64, &str),
    number: i64,
) -> ApiResult<bool> {
    let scope = UserScope {
        workspace_id,
        email: email.to_owned(),
        name: None,
    };
    Ok(state
        .store
        .reachable_ticket(&scope, number)
        .await?
        .is_some())
}

/// A text longer than `max` characters keeps its start, marked as cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max - 2).collect();
    format!("{} …", cut.trim_end())
}

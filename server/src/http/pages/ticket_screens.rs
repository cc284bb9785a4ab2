//! The screens the public portal and the signed iframe share: the new-ticket form, a ticket
//! with its conversation, rating prompt and reply form, and what posting to them does. A
//! surface says only how it knows its visitor (a tracking session, a signed session) and
//! where its pages live ([`Surface`]); everything a visitor sees or sends is drawn and handled
//! here once.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::html;
use porthole_types::{Channel, Ticket};
use serde::Deserialize;

use super::fragments::{
    conversation, faq_list, reply_form, ticket_form, FieldErrors, FormSpec, RatingPrompt,
    ReplyError, TicketForm, ValidTicket,
};
use super::uploads::{self, stage_for_form, PageUpload};
use super::{
    already_sent, post_reply, rate_limited, see_other, Cache, Page, PageError, PageReply, Site,
};
use crate::http::state::AppState;
use crate::store::UserScope;
use porthole_core::opening::{open_ticket, NewTicket, Outcome};
use porthole_core::{ratings, tickets, CoreError, TicketRef};

/// Which of the two page surfaces is drawing: what differs between them is said here.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Surface {
    /// `/p/{slug}`: anyone, one ticket at a time through its tracking link.
    Portal,
    /// `/embed/{slug}`: a user the host's backend signed in, with their list of tickets.
    Embed,
}

impl Surface {
    /// The prefix of this surface's ticket pages.
    pub fn tickets(self, slug: &str) -> String {
        match self {
            Surface::Portal => format!("/p/{slug}/tickets"),
            Surface::Embed => format!("/embed/{slug}/tickets"),
        }
    }

    /// Ticket `number`'s page.
    pub fn ticket(self, slug: &str, number: i64) -> String {
        format!("{}/{}", self.tickets(slug), TicketRef(number))
    }

    /// Where the new-ticket form posts.
    pub fn form_action(self, slug: &str) -> String {
        match self {
            Surface::Portal => format!("/p/{slug}/submit"),
            Surface::Embed => self.tickets(slug),
        }
    }

    fn channel(self) -> Channel {
        match self {
            Surface::Portal => Channel::Portal,
            Surface::Embed => Channel::Embed,
        }
    }

    /// What an FAQ's page links back to (`?from=`).
    fn name(self) -> &'static str {
        match self {
            Surface::Portal => "portal",
            Surface::Embed => "embed",
        }
    }
}

/// Who is looking, on which surface, and whom their uploads count against (with how many a
/// window allows): a verified user's count together on every surface, a public visitor's by
/// their address.
pub(super) struct Visitor {
    pub surface: Surface,
    pub scope: UserScope,
    pub uploader: (String, i64),
}

/// The new-ticket form. The public portal asks for a name and an address, which a signed
/// session already knows; the iframe links back to its list.
pub(super) fn new_ticket_screen(
    site: &Site,
    surface: Surface,
    form: &TicketForm,
    errors: &FieldErrors,
) -> Page {
    let t = site.t;
    let settings = &site.workspace.settings;
    let portal = surface == Surface::Portal;
    let spec = FormSpec {
        action: &surface.form_action(&site.slug),
        with_contact: portal,
        categories: &settings.categories,
    };
    let title = if portal {
        t.page.submit_a_ticket
    } else {
        t.widget.new_ticket
    };
    site.page(
        title,
        html! {
            @if !portal { p { a.ph-link href=(surface.tickets(&site.slug)) { "← " (t.widget.back) } } }
            h1.ph-heading { (title) }
            // The search step before the form: an answer may already be written.
            section.ph-card {
                p { (t.page.kb_before_writing) }
                (super::kb::search_form(site, ""))
            }
            @if portal { p { (t.page.submit_hint) } }
            (faq_list(t, &site.slug, &settings.faqs, surface.name()))
            (ticket_form(t, &spec, form, errors))
        },
    )
}

/// Opens the ticket a valid form describes, with its files: what was opened (or replayed, for
/// a form posted again), or the page to answer with instead: the form again with a refused
/// file, a used-up allowance, or a form id reused with other content. `extra` adds what only
/// one surface knows (the portal's submission, the iframe's participants).
pub(super) async fn open_from_form(
    state: &AppState,
    (site, visitor): (&Site, &Visitor),
    PageUpload { form, files }: PageUpload<TicketForm>,
    valid: ValidTicket,
    extra: impl FnOnce(&mut NewTicket),
) -> Result<Result<Outcome, Response>, PageError> {
    let surface = visitor.surface;
    let uploader = visitor.uploader.clone();
    let scope = &visitor.scope;
    let staged = stage_for_form(state, (site, scope), uploader, files, |errors| {
        new_ticket_screen(site, surface, &form, errors)
    });
    let attachments = match staged.await? {
        Ok(ids) => ids,
        Err(page) => return Ok(Err(page)),
    };
    let (mut new, key) = valid.into_new(&form.form_id, surface.channel(), site.locale);
    new.attachments = attachments;
    extra(&mut new);
    let now = state.clock.now_ms();
    match open_ticket(&state.store, scope, new, key, now).await {
        Ok(outcome) => Ok(Ok(outcome)),
        Err(CoreError::RateLimited(wait)) => Ok(Err(rate_limited(site, wait))),
        Err(CoreError::Conflict(..)) => Ok(Err(already_sent(site))),
        Err(other) => Err(other.into()),
    }
}

/// The form drawn again with every field at fault (422).
pub(super) fn form_refused(
    site: &Site,
    surface: Surface,
    form: &TicketForm,
    errors: &FieldErrors,
) -> Response {
    new_ticket_screen(site, surface, form, errors)
        .status(StatusCode::UNPROCESSABLE_ENTITY)
        .into_response()
}

/// A ticket: its conversation, the rating prompt once resolved, and the reply form, with the
/// field at fault and the text kept when a reply was refused.
fn ticket_screen(
    site: &Site,
    surface: Surface,
    ticket: &Ticket,
    (error, draft): (ReplyError, &str),
    rate: RatingPrompt,
) -> Page {
    let number = TicketRef::parse(&ticket.reference).map_or(0, |r| r.0);
    let path = surface.ticket(&site.slug, number);
    site.page(
        ticket.subject.clone(),
        html! {
            @if surface == Surface::Embed { p { a.ph-link href=(surface.tickets(&site.slug)) { "← " (site.t.widget.back) } } }
            (conversation(site.t, ticket, &format!("{path}/files")))
            (rate.render(site.t, &format!("{path}/rating")))
            (reply_form(site.t, &format!("{path}/reply"), ticket, error, draft))
        },
    )
}

/// Shows ticket `number` to its visitor, who has now read it; `rated` thanks for a rating
/// just given.
pub(super) async fn show(
    state: &AppState,
    site: &Site,
    visitor: &Visitor,
    number: i64,
    rated: bool,
) -> Result<Response, PageError> {
    let now = state.clock.now_ms();
    let ticket = tickets::open_as_customer(&state.store, &visitor.scope, number, now).await?;
    let rate = RatingPrompt::for_ticket(&ticket, rated);
    Ok(
        ticket_screen(site, visitor.surface, &ticket, (None, ""), rate)
            .cache(Cache::Private)
            .into_response(),
    )
}

#[derive(Deserialize)]
pub(super) struct ReplyForm {
    #[serde(default)]
    pub body: String,
}

/// Posts the visitor's reply to ticket `number`, then shows the ticket at a new URL, so that
/// the short cache of the ticket page cannot hide the reply just sent.
pub(super) async fn reply(
    state: &AppState,
    site: &Site,
    visitor: Visitor,
    number: i64,
    PageUpload { form, files }: PageUpload<ReplyForm>,
) -> Result<Response, PageError> {
    let surface = visitor.surface;
    let then = format!("{}?sent=1", surface.ticket(&site.slug, number));
    let reply = PageReply {
        body: &form.body,
        files,
        uploader: visitor.uploader,
    };
    post_reply(
        state,
        (site, &visitor.scope),
        number,
        reply,
        &then,
        |ticket, error| {
            let kept = (Some(error), &form.body[..]);
            ticket_screen(site, surface, ticket, kept, RatingPrompt::No)
        },
    )
    .await
}

#[derive(Deserialize)]
pub(super) struct RatingForm {
    score: Option<i64>,
    #[serde(default)]
    comment: String,
}

/// Records the visitor's rating of ticket `number`, then shows the ticket again with thanks.
/// A second submission of the same resolution's rating changes nothing and is thanked alike.
pub(super) async fn rate(
    state: &AppState,
    site: &Site,
    visitor: &Visitor,
    number: i64,
    form: RatingForm,
) -> Result<Response, PageError> {
    let surface = visitor.surface;
    let then = format!("{}?rated=1", surface.ticket(&site.slug, number));
    let given = (form.score.unwrap_or(0), Some(&form.comment[..]));
    let now = state.clock.now_ms();
    let ticket = (&visitor.scope, number);
    match ratings::rate(&state.store, ticket, given, surface.channel(), now).await {
        Ok(_) | Err(CoreError::Conflict("already_rated", _)) => Ok(see_other(&then, None)),
        Err(CoreError::Conflict(_, message)) => Err(PageError::BadRequest(message.into())),
        Err(other) => Err(other.into()),
    }
}

/// File `id` of ticket `number`, as a download.
pub(super) async fn file(
    state: &AppState,
    visitor: &Visitor,
    number: i64,
    id: &str,
) -> Result<Response, PageError> {
    uploads::download(state, &visitor.scope, number, id).await
}

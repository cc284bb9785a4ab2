//! Opening a ticket, from any surface: the widget, the portal, the signed iframe, email and the
//! command line. What can be worked out before the write (the idempotency fingerprint, the
//! sentiment, the opening message's rendering) is done here, so that the writer holds its lock
//! for the write alone.

use std::future::Future;

use porthole_types::{Author, Channel, Locale, Ticket, TicketType};
use sha2::{Digest, Sha256};

use crate::tickets::UserScope;
use crate::{markdown, sentiment, CoreResult, EmailAddress};

pub struct NewTicket {
    pub subject: String,
    pub description: Option<String>,
    pub ticket_type: Option<TicketType>,
    /// One of the workspace's categories, checked by the caller.
    pub category: Option<String>,
    pub channel: Channel,
    /// The language the customer used, when the surface knows it (pages do; the widget said it
    /// when the session began).
    pub locale: Option<Locale>,
    /// Ids of files the user staged, for the opening message.
    pub attachments: Vec<String>,
    /// The `Message-ID` of the email that opens it: the same email taken in twice opens one
    /// ticket, and later emails that answer it continue this one.
    pub message_id: Option<String>,
    /// People to copy on it: those the host signed for, or the email's Cc.
    pub participants: Vec<EmailAddress>,
    /// What a public portal submission writes with the ticket.
    pub portal: Option<PortalSubmission>,
}

/// Public submissions (and requests for a link by email) allowed per client address per hour.
pub const SUBMISSIONS_PER_HOUR: i64 = 10;

/// What a public portal submission writes in its ticket's transaction, so that nothing is
/// left half-done between commits.
pub struct PortalSubmission {
    /// The client's address: the submission counts against its hour's allowance (refused
    /// when that is used up), and its recent article reads are marked as not having answered.
    pub client: String,
    /// The hash of the customer's tracking token, and when it expires.
    pub tracking: (String, i64),
}

/// What a create call did; a replay returns the ticket the first call made.
pub enum Outcome {
    Created(Ticket),
    Replayed(Ticket),
}

/// A new ticket with what was worked out before its write.
pub struct PreparedTicket {
    pub new: NewTicket,
    /// The idempotency key and the request's fingerprint (see [`fingerprint`]).
    pub idempotency: Option<(String, String)>,
    /// How the customer sounds (VADER's compound score, -1 to 1).
    pub sentiment: f64,
    /// The opening message's HTML, when the ticket has one (a description, or files).
    pub opening_html: Option<String>,
}

/// Where new tickets are written. A storage engine implements it.
pub trait TicketOpener: Send + Sync {
    /// Writes the ticket, its contact, opening message, copies, events and assignment at
    /// once, within the channel's hourly allowance (`RateLimited` beyond it). With an
    /// idempotency key, a repeat of the same request answers the first ticket and a different
    /// request under the same key is the conflict `idempotency_key_reused`; an email taken in
    /// twice (by `message_id`) answers the ticket it opened.
    fn write_ticket(
        &self,
        scope: &UserScope,
        ticket: PreparedTicket,
        now_ms: i64,
    ) -> impl Future<Output = CoreResult<Outcome>> + Send;
}

/// Opens a ticket for the scope's customer. With an idempotency key, concurrent repeats
/// create exactly one, whichever surface they come from.
pub async fn open_ticket<S: TicketOpener>(
    store: &S,
    scope: &UserScope,
    new: NewTicket,
    idempotency_key: Option<&str>,
    now_ms: i64,
) -> CoreResult<Outcome> {
    let idempotency = idempotency_key.map(|key| (key.to_owned(), fingerprint(&new)));
    let sentiment = sentiment::score(&new.subject, new.description.as_deref());
    let opening_html = (new.description.is_some() || !new.attachments.is_empty()).then(|| {
        markdown::message_html(Author::User, new.description.as_deref().unwrap_or_default())
    });
    let ticket = PreparedTicket {
        new,
        idempotency,
        sentiment,
        opening_html,
    };
    store.write_ticket(scope, ticket, now_ms).await
}

/// What an idempotency key's request is, to tell a repeat from another request under the same
/// key (keys are each user's own): a hash of everything the ticket is made of, as the surface
/// parsed it, so that the same values sent again in another form (JSON re-serialised, a form
/// posted twice, the widget's request repeated from the signed iframe) are one request. Each
/// surface's own wrapping (the channel, the page's language, the name a session carries) is
/// left out, and files count by number: a form posted again uploads its files again, under
/// new ids.
pub fn fingerprint(new: &NewTicket) -> String {
    #[derive(serde::Serialize)]
    struct Made<'a> {
        subject: &'a str,
        description: Option<&'a str>,
        ticket_type: Option<TicketType>,
        category: Option<&'a str>,
        files: usize,
        participants: Vec<&'a str>,
    }
    let made = Made {
        subject: &new.subject,
        description: new.description.as_deref(),
        ticket_type: new.ticket_type,
        category: new.category.as_deref(),
        files: new.attachments.len(),
        participants: new.participants.iter().map(|p| p.as_str()).collect(),
    };
    let json = serde_json::to_vec(&made).expect("strings and enums always serialise");
    hex::encode(Sha256::digest(json))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ticket(subject: &str, attachments: Vec<String>) -> NewTicket {
        NewTicket {
            subject: subject.into(),
            description: Some("It broke".into()),
            ticket_type: None,
            category: None,
            channel: Channel::Widget,
            locale: None,
            attachments,
            message_id: None,
            participants: vec![],
            portal: None,
        }
    }

    #[test]
    fn a_tickets_fingerprint_is_its_content_whatever_surface_wraps_it() {
        let base = || ticket("Printer", vec!["a1".into()]);
        let print = |change: fn(&mut NewTicket)| {
            let mut new = base();
            change(&mut new);
            fingerprint(&new)
        };
        let same = fingerprint(&base());
        assert_eq!(print(|t| t.channel = Channel::Embed), same);
        assert_eq!(print(|t| t.locale = Some(porthole_types::Locale::Fr)), same);
        assert_eq!(
            print(|t| t.attachments = vec!["b2".into()]),
            same,
            "re-uploaded"
        );
        let different: [fn(&mut NewTicket); 6] = [
            |t| t.subject = "Scanner".into(),
            |t| t.description = None,
            |t| t.ticket_type = Some(porthole_types::TicketType::BugReport),
            |t| t.category = Some("Billing".into()),
            |t| t.attachments.clear(),
            |t| t.participants = vec![crate::EmailAddress::parse("bo@b.co").unwrap()],
        ];
        for change in different {
            assert_ne!(print(change), same);
        }
    }
}

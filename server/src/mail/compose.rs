//! Writing an email: subject, plain text and HTML (every piece of user text escaped), in the
//! workspace's language and colours, with headers that thread a ticket's emails together.

use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::MultiPart;
use lettre::Message;
use maud::{html, Markup, PreEscaped};
use porthole_types::{Author, Locale, Settings};

use super::inbound::REPLY_MARKER;
use super::Mailer;
use crate::i18n::{catalogue, MailTexts};
use crate::store::DueMail;
use porthole_core::{markdown, TicketRef};

/// Where an email's buttons lead: made by the worker, since a tracking link is a fresh token.
pub struct Links {
    /// The tracking page (portal and signed-iframe tickets) or the page with the widget.
    pub ticket: Option<String>,
    /// One-click unsubscribe, on notifications to the customer.
    pub unsubscribe: Option<String>,
    /// Where a reply by email goes (`reply+TOKEN@…`), when replies by email are on.
    pub reply_to: Option<String>,
    /// The page with the widget, to continue there (the auto-response to an email).
    pub widget: Option<String>,
}

pub fn compose(mailer: &Mailer, mail: &DueMail, links: &Links) -> anyhow::Result<Message> {
    let settings: Settings = serde_json::from_str(&mail.settings).unwrap_or_default();
    // The customer's language; the team's is the workspace's.
    let locale = match mail.kind.starts_with("team_") {
        true => None,
        false => mail.recipient_locale.as_deref().and_then(Locale::parse),
    };
    let t = &catalogue(locale.unwrap_or(settings.default_locale)).mail;
    let brand = settings
        .brand_name
        .clone()
        .unwrap_or_else(|| mail.workspace_name.clone());
    let reference = TicketRef(mail.number).to_string();
    let content = content(mail, t, links.reply_to.is_some());
    // The rating is the customer's to give, not a participant's.
    let rating = mail.kind == "resolved" && mail.recipient_owner;
    let (text, html) = render(rating, &content, links, &settings, t, &brand, &reference);

    let domain = mailer.domain();
    // One root per ticket: every email about it answers the root, so mail clients thread them.
    let root = format!("<porthole.ticket.{}@{domain}>", mail.ticket_id);
    let own_id = if mail.kind == "confirmation" {
        root.clone()
    } else {
        // Stable across retries, so a resend after a crash is recognised as the same email.
        format!("<porthole.{}.{}@{domain}>", mail.id, mail.ticket_id)
    };
    let mut builder = Message::builder()
        .from(mailer.from_as(&brand))
        .to(mail.recipient.parse()?)
        .subject(format!("[{reference}] {}", mail.subject))
        .message_id(Some(own_id.clone()));
    if own_id != root {
        builder = builder.in_reply_to(root.clone()).references(root);
    }
    // Automatic (RFC 3834): auto-responders should not answer it. An answer to the
    // customer's own email is "auto-replied"; the rest, "auto-generated".
    match mail.kind.as_str() {
        "agent_reply" => {}
        "auto_response" => builder = builder.raw_header(raw("Auto-Submitted", "auto-replied")),
        _ => builder = builder.raw_header(raw("Auto-Submitted", "auto-generated")),
    }
    if let Some(address) = &links.reply_to {
        builder = builder.reply_to(address.parse()?);
    }
    if let Some(url) = &links.unsubscribe {
        // One click (RFC 8058): mail clients offer it, and POST it without showing a page.
        builder = builder
            .raw_header(raw("List-Unsubscribe", &format!("<{url}>")))
            .raw_header(raw("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
    }
    Ok(builder.multipart(MultiPart::alternative_plain_html(text, html))?)
}

fn raw(name: &'static str, value: &str) -> HeaderValue {
    HeaderValue::new(HeaderName::new_from_ascii_str(name), value.to_owned())
}

/// What an email says, before it is laid out as text or HTML.
struct Content {
    lead: String,
    /// A message quoted in full: a reply, or a new ticket's description.
    quote: Option<String>,
    /// Who wrote the quote: an agent's reply is Markdown, shown rendered in the HTML copy.
    quote_by: Author,
    after: Option<&'static str>,
    /// Whether the ticket reference is shown as such (customer emails).
    show_reference: bool,
}

/// `replyable`: the email carries a reply address, so answering it continues the ticket.
fn content(mail: &DueMail, t: &MailTexts, replyable: bool) -> Content {
    let quote = mail.message_body.clone();
    match mail.kind.as_str() {
        "auto_response" => Content {
            lead: t.received.into(),
            quote: None,
            quote_by: Author::User,
            after: None,
            show_reference: true,
        },
        "confirmation" => Content {
            lead: t.received.into(),
            quote: None,
            quote_by: Author::User,
            after: None,
            show_reference: true,
        },
        "agent_reply" => Content {
            lead: match &mail.message_author {
                Some(name) => t.replied.replace("{who}", name),
                None => t.team_replied.into(),
            },
            quote,
            quote_by: Author::Agent,
            after: (mail.message_files > 0).then_some(t.files_attached),
            show_reference: false,
        },
        "resolved" => Content {
            lead: t.resolved.into(),
            quote: mail.resolution.clone(),
            quote_by: Author::User,
            // Only an email that takes replies says to reply to it.
            after: Some(match replyable {
                true => t.reopen_hint,
                false => t.reopen_on_page,
            }),
            show_reference: false,
        },
        "fresh_link" => Content {
            lead: t.fresh_link.into(),
            quote: None,
            quote_by: Author::User,
            after: None,
            show_reference: true,
        },
        "team_escalated" => Content {
            lead: t.team_escalated.replace("{who}", &mail.contact_email),
            quote: mail.description.clone(),
            quote_by: Author::User,
            after: None,
            show_reference: true,
        },
        "team_new_ticket" => Content {
            lead: t.team_new_ticket.replace("{who}", &mail.contact_email),
            quote: mail.description.clone(),
            quote_by: Author::User,
            after: None,
            show_reference: true,
        },
        _ => Content {
            lead: t.team_customer_reply.replace(
                "{who}",
                mail.message_from.as_deref().unwrap_or(&mail.contact_email),
            ),
            quote,
            quote_by: Author::User,
            after: None,
            show_reference: true,
        },
    }
}

fn render(
    rating: bool,
    c: &Content,
    links: &Links,
    settings: &Settings,
    t: &MailTexts,
    brand: &str,
    reference: &str,
) -> (String, String) {
    let why = t.why.replace("{brand}", brand);
    let (label, valid) = match rating {
        true => (t.rate_button, t.rate_link_valid),
        false => (t.follow, t.link_valid),
    };
    let button = links.ticket.as_deref().map(|url| (url, label));

    let replyable = links.reply_to.is_some();
    let mut text = String::new();
    if replyable {
        text.push_str(&format!("{REPLY_MARKER}\n\n"));
    }
    text.push_str(&format!("{}\n\n", c.lead));
    if let Some(quote) = &c.quote {
        for line in quote.lines() {
            text.push_str(&format!("> {line}\n"));
        }
        text.push('\n');
    }
    if c.show_reference {
        text.push_str(&format!("{}: {reference}\n\n", t.reference));
    }
    if let Some(after) = c.after {
        text.push_str(&format!("{after}\n\n"));
    }
    if let Some((url, label)) = button {
        text.push_str(&format!("{label}: {url}\n{valid}\n\n"));
    }
    if let Some(url) = &links.widget {
        text.push_str(&format!("{}: {url}\n\n", t.reply_in_widget));
    }
    if replyable {
        text.push_str(&format!("{}\n\n", t.reply_by_email));
    }
    text.push_str(&format!("-- \n{why}\n"));
    if let Some(url) = &links.unsubscribe {
        text.push_str(&format!("{}: {url}\n", t.unsubscribe));
    }

    let color = &settings.primary_color;
    let html: Markup = html! {
        (maud::DOCTYPE)
        html {
            head { meta charset="utf-8"; title { (reference) } }
            body style="font-family: system-ui, sans-serif; color: #1f2937; max-width: 36rem" {
                @if replyable { p style="font-size: 12px; color: #9ca3af" { (REPLY_MARKER) } }
                p style={ "border-top: 4px solid " (color) "; padding-top: 12px; font-weight: 600" } { (brand) }
                p { (c.lead) }
                @if let Some(quote) = &c.quote {
                    blockquote style={ "margin: 0; padding: 8px 12px; border-left: 3px solid #d1d5db; white-space: " (if c.quote_by == Author::User { "pre-wrap" } else { "normal" }) } {
                        (PreEscaped(markdown::message_html(c.quote_by, quote)))
                    }
                }
                @if c.show_reference {
                    p { (t.reference) ": " strong { (reference) } }
                }
                @if let Some(after) = c.after { p { (after) } }
                @if let Some((url, label)) = button {
                    p {
                        a href=(url) style={ "display: inline-block; padding: 10px 16px; border-radius: 6px; color: #fff; text-decoration: none; background: " (color) } { (label) }
                    }
                    p style="font-size: 13px; color: #6b7280" { (valid) }
                }
                @if let Some(url) = &links.widget {
                    p { a href=(url) style={ "color: " (color) } { (t.reply_in_widget) } }
                }
                @if replyable { p { (t.reply_by_email) } }
                hr style="border: 0; border-top: 1px solid #e5e7eb";
                p style="font-size: 12px; color: #6b7280" {
                    (why)
                    @if let Some(url) = &links.unsubscribe {
                        " " a href=(url) style="color: #6b7280" { (t.unsubscribe) }
                    }
                }
            }
        }
    };
    (text, html.into_string())
}

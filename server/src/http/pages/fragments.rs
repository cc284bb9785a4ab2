//! Pieces the portal and the signed iframe share: the ticket form, lists, the conversation, the
//! reply box and the FAQs. maud escapes every value, so user content is only ever text, and
//! every word comes from the visitor's catalogue.

use maud::{html, Markup};
use porthole_types::{
    limits, Author, Channel, Faq, Locale, Settings, Ticket, TicketStatus, TicketSummary, TicketType,
};
use secrecy::ExposeSecret;
use serde::Deserialize;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::uploads::{file_field, file_links};
use crate::i18n::{fill, Catalogue};
use porthole_core::opening::NewTicket;
use porthole_core::{self, new_secret, EmailAddress, TextError};

/// A text field's value, checked by the API's rule (`porthole_core::check_text`) but explained in the
/// visitor's language: blank is `None` (or an error when `required`).
pub fn check_text(
    t: &Catalogue,
    raw: &str,
    max: usize,
    required: bool,
) -> Result<Option<String>, String> {
    let checked = match porthole_core::check_text(raw, max) {
        Ok(None) if required => Err(TextError::Required),
        other => other,
    };
    checked
        .map(|text| text.map(str::to_owned))
        .map_err(|e| match e {
            TextError::Required => t.page.required.to_owned(),
            TextError::TooLong(max) => fill(t.widget.too_long, max),
            TextError::ControlCharacters => t.page.invalid_characters.to_owned(),
        })
}

/// Errors to show beside fields, in field order.
#[derive(Debug, Default)]
pub struct FieldErrors(Vec<(&'static str, String)>);

impl FieldErrors {
    fn note<T>(&mut self, field: &'static str, result: Result<T, String>) -> Option<T> {
        result.map_err(|message| self.0.push((field, message))).ok()
    }

    pub fn for_field(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }

    pub fn add(&mut self, field: &'static str, message: String) {
        self.0.push((field, message));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The ticket form as posted. Every field defaults to empty, so a short post is a validation
/// error shown on the form rather than a rejection.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TicketForm {
    pub name: String,
    pub email: String,
    pub subject: String,
    pub description: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub category: String,
    /// Random per form shown: a double submit or a refresh replays instead of duplicating.
    pub form_id: String,
}

pub struct ValidTicket {
    pub name: Option<String>,
    pub email: Option<EmailAddress>,
    pub subject: String,
    pub description: Option<String>,
    pub kind: Option<TicketType>,
    pub category: Option<String>,
}

impl ValidTicket {
    /// The ticket to create, and the idempotency key of the form it came from: the same form
    /// posted again with the same content replays the first ticket.
    pub fn into_new(
        self,
        form_id: &str,
        channel: Channel,
        locale: Locale,
    ) -> (NewTicket, Option<&str>) {
        let key = (!form_id.is_empty() && form_id.len() <= limits::IDEMPOTENCY_KEY_MAX_CHARS)
            .then_some(form_id);
        let new = NewTicket {
            subject: self.subject,
            description: self.description,
            ticket_type: self.kind,
            category: self.category,
            channel,
            locale: Some(locale),
            attachments: vec![],
            message_id: None,
            participants: vec![],
            portal: None,
        };
        (new, key)
    }
}

impl TicketForm {
    /// The id to render the form with: a fresh one for a fresh form, the same one when the
    /// form is shown again, so that its retry replays rather than duplicates.
    pub fn id(&self) -> String {
        if self.form_id.is_empty() {
            new_secret("").expose_secret().to_owned()
        } else {
            self.form_id.clone()
        }
    }

    /// Checks every field, collecting all the errors at once. `with_contact` adds name and
    /// email, which the public portal asks for and a verified session already knows.
    pub fn validate(
        &self,
        settings: &Settings,
        t: &Catalogue,
        with_contact: bool,
    ) -> Result<ValidTicket, FieldErrors> {
        let mut errors = FieldErrors::default();
        let (name, email) = if with_contact {
            let name = errors
                .note(
                    "name",
                    check_text(t, &self.name, limits::NAME_MAX_CHARS, true),
                )
                .flatten();
            let email = match self.email.trim() {
                "" => errors.note("email", Err(t.page.required.to_owned())),
                raw => errors.note(
                    "email",
                    EmailAddress::parse(raw).map_err(|_| t.page.invalid_email.to_owned()),
                ),
            };
            (name, email)
        } else {
            (None, None)
        };
        let subject = errors.note(
            "subject",
            check_text(t, &self.subject, limits::SUBJECT_MAX_CHARS, true),
        );
        let description = errors.note(
            "description",
            check_text(t, &self.description, limits::DESCRIPTION_MAX_CHARS, false),
        );
        let kind = match self.kind.as_str() {
            "" => Some(None),
            k => errors.note(
                "type",
                TicketType::parse(k)
                    .map(Some)
                    .ok_or_else(|| t.page.invalid_choice.to_owned()),
            ),
        };
        let category = errors.note(
            "category",
            porthole_core::category(&settings.categories, Some(&self.category))
                .map_err(|_| t.page.invalid_choice.to_owned()),
        );
        match (subject.flatten(), description, kind, category) {
            (Some(subject), Some(description), Some(kind), Some(category)) if errors.is_empty() => {
                Ok(ValidTicket {
                    name,
                    email,
                    subject,
                    description,
                    kind,
                    category,
                })
            }
            _ => Err(errors),
        }
    }
}

/// "21 Nov 2026, 04:10 UTC" from an RFC 3339 time.
/// A moment as a person reads it, in the page's language: "5 Nov 2026, 14:03 UTC".
pub fn when(t: &Catalogue, rfc3339: &str) -> String {
    let Ok(at) = OffsetDateTime::parse(rfc3339, &Rfc3339) else {
        return rfc3339.to_owned();
    };
    let month = t.page.months[usize::from(u8::from(at.month())) - 1];
    format!(
        "{} {month} {}, {:02}:{:02} UTC",
        at.day(),
        at.year(),
        at.hour(),
        at.minute()
    )
}

pub fn badge(t: &Catalogue, status: TicketStatus) -> Markup {
    html! { span class={ "ph-badge ph-badge--" (status.as_str()) } { (t.status(status)) } }
}

fn field_error(errors: &FieldErrors, field: &str) -> Markup {
    html! {
        @if let Some(message) = errors.for_field(field) {
            p.ph-field-error id={ "ph-" (field) "-error" } { (message) }
        }
    }
}

fn invalid(errors: &FieldErrors, field: &str) -> &'static str {
    if errors.for_field(field).is_some() {
        "true"
    } else {
        "false"
    }
}

/// Where the form posts, and what it offers.
pub struct FormSpec<'a> {
    pub action: &'a str,
    pub with_contact: bool,
    pub categories: &'a [String],
}

/// The ticket form; `with_contact` adds name and email.
pub fn ticket_form(
    t: &Catalogue,
    spec: &FormSpec,
    form: &TicketForm,
    errors: &FieldErrors,
) -> Markup {
    html! {
        @if !errors.is_empty() { p.ph-error role="alert" { (t.page.fix_below) } }
        form.ph-form method="post" action=(spec.action) enctype="multipart/form-data" {
            input type="hidden" name="form_id" value=(form.id());
            @if spec.with_contact {
                label.ph-label for="ph-name" { (t.page.name) }
                input.ph-input id="ph-name" name="name" type="text" autocomplete="name" required
                    maxlength=(limits::NAME_MAX_CHARS) value=(form.name) aria-invalid=(invalid(errors, "name"))
                    aria-describedby="ph-name-error";
                (field_error(errors, "name"))
                label.ph-label for="ph-email" { (t.page.email) }
                input.ph-input id="ph-email" name="email" type="email" autocomplete="email" required
                    value=(form.email) aria-invalid=(invalid(errors, "email")) aria-describedby="ph-email-error";
                (field_error(errors, "email"))
            }
            label.ph-label for="ph-subject" { (t.widget.subject) }
            input.ph-input id="ph-subject" name="subject" type="text" required
                maxlength=(limits::SUBJECT_MAX_CHARS) value=(form.subject)
                aria-invalid=(invalid(errors, "subject")) aria-describedby="ph-subject-error";
            (field_error(errors, "subject"))
            label.ph-label for="ph-description" { (t.widget.description) }
            textarea.ph-input.ph-textarea id="ph-description" name="description" rows="6"
                maxlength=(limits::DESCRIPTION_MAX_CHARS) placeholder=(t.widget.description_hint)
                aria-invalid=(invalid(errors, "description")) aria-describedby="ph-description-error" { (form.description) }
            (field_error(errors, "description"))
            label.ph-label for="ph-type" { (t.widget.type_label) }
            select.ph-input id="ph-type" name="type" aria-describedby="ph-type-error" {
                option value="" { (t.widget.type_none) }
                @for kind in TicketType::ALL {
                    option value=(kind.as_str()) selected[form.kind == kind.as_str()] { (t.ticket_type(*kind)) }
                }
            }
            (field_error(errors, "type"))
            @if !spec.categories.is_empty() {
                label.ph-label for="ph-category" { (t.widget.category) }
                select.ph-input id="ph-category" name="category" aria-describedby="ph-category-error" {
                    option value="" { (t.widget.category_none) }
                    @for c in spec.categories {
                        option value=(c) selected[form.category == *c] { (c) }
                    }
                }
                (field_error(errors, "category"))
            }
            (file_field(t, "ph-files", errors.for_field("files")))
            button.ph-button.ph-button--primary type="submit" { (t.widget.submit) }
        }
    }
}

/// The FAQs beside a form. Each opens on a page of its own, which is how its clicks are
/// counted without any script.
pub fn faq_list(t: &Catalogue, slug: &str, faqs: &[Faq], from: &str) -> Markup {
    html! {
        @if !faqs.is_empty() {
            aside.ph-faqs {
                h2.ph-label { (t.widget.faq_heading) }
                ul {
                    @for (i, faq) in faqs.iter().enumerate() {
                        li { a.ph-link href={ "/p/" (slug) "/faqs/" (i) "?from=" (from) } { (faq.question) } }
                    }
                }
            }
        }
    }
}

/// A user's tickets, each linking to `{base}/{reference}`.
pub fn ticket_list(t: &Catalogue, greeting: &str, base: &str, tickets: &[TicketSummary]) -> Markup {
    html! {
        @if tickets.is_empty() {
            p.ph-empty { (greeting) }
        } @else {
            ul.ph-tickets {
                @for ticket in tickets {
                    li {
                        a class={ "ph-ticket" @if ticket.unread { " ph-ticket--unread" } } href={ (base) "/" (ticket.reference) } {
                            span.ph-ticket-top {
                                (badge(t, ticket.status)) " "
                                span.ph-ref { (ticket.reference) }
                                time.ph-time datetime=(ticket.updated_at) { (when(t, &ticket.updated_at)) }
                            }
                            span.ph-subject { (ticket.subject) }
                            @if let Some(p) = &ticket.preview { span.ph-preview { (p) } }
                        }
                    }
                }
            }
        }
    }
}

/// The ticket's heading, status, resolution and public conversation; files link to
/// `{files}/{id}`.
pub fn conversation(t: &Catalogue, ticket: &Ticket, files: &str) -> Markup {
    html! {
        h1.ph-heading { (ticket.subject) }
        p.ph-meta { (t.page.status) ": " (badge(t, ticket.status)) " " span.ph-ref { (ticket.reference) } }
        @if let Some(resolution) = &ticket.resolution {
            section.ph-resolution {
                h2.ph-label { (t.widget.resolution) }
                p.ph-text { (resolution) }
            }
        }
        h2.ph-label { (t.page.conversation) }
        @if ticket.messages.is_empty() { p.ph-empty { (t.page.no_messages) } }
        ol.ph-messages {
            @for m in &ticket.messages {
                @let (class, who) = match m.author {
                    Author::User => ("ph-message ph-message--user", t.widget.you.to_owned()),
                    Author::Agent => ("ph-message ph-message--agent", m.author_name.clone().unwrap_or_else(|| t.widget.support_team.to_owned())),
                };
                li class=(class) {
                    p.ph-author { (who) " · " time.ph-time datetime=(m.created_at) { (when(t, &m.created_at)) } }
                    @if !m.body.is_empty() {
                        div.ph-text {
                            @if let Some(src) = &m.author_avatar {
                                img.ph-avatar src=(src) alt="" width="28" height="28";
                            }
                            (maud::PreEscaped(&m.html))
                        }
                    }
                    (file_links(t, files, &m.attachments))
                }
            }
        }
    }
}

/// Why a reply was not taken: the field at fault (`body` or `files`) and what to do.
pub type ReplyError<'a> = Option<(&'static str, &'a str)>;

/// The reply box, or a note when the ticket is closed.
pub fn reply_form(
    t: &Catalogue,
    action: &str,
    ticket: &Ticket,
    error: ReplyError,
    draft: &str,
) -> Markup {
    let body_error = error.filter(|(f, _)| *f == "body").map(|(_, m)| m);
    let files_error = error.filter(|(f, _)| *f == "files").map(|(_, m)| m);
    html! {
        @if ticket.status == TicketStatus::Closed {
            p.ph-note { (t.widget.closed_note) }
        } @else {
            form.ph-reply method="post" action=(action) enctype="multipart/form-data" {
                label.ph-label for="ph-reply-body" { (t.widget.reply) }
                textarea.ph-input.ph-textarea id="ph-reply-body" name="body" rows="4"
                    maxlength=(limits::MESSAGE_MAX_CHARS) aria-invalid=(if body_error.is_some() { "true" } else { "false" })
                    aria-describedby="ph-reply-error" { (draft) }
                @if let Some(message) = body_error { p.ph-field-error id="ph-reply-error" role="alert" { (message) } }
                (file_field(t, "ph-reply-files", files_error))
                button.ph-button.ph-button--primary type="submit" { (t.page.send_reply) }
            }
        }
    }
}

/// Whether a ticket page asks for a rating, or thanks for one just given.
#[derive(Clone, Copy, PartialEq)]
pub enum RatingPrompt {
    No,
    Ask,
    Thanks,
}

impl RatingPrompt {
    /// Thanks after a rating (`?rated=1`), asks while the resolution awaits one.
    pub fn for_ticket(ticket: &Ticket, just_rated: bool) -> Self {
        if just_rated {
            RatingPrompt::Thanks
        } else if ticket.awaiting_rating {
            RatingPrompt::Ask
        } else {
            RatingPrompt::No
        }
    }

    pub fn render(self, t: &Catalogue, action: &str) -> Markup {
        match self {
            RatingPrompt::Ask => rating_form(t, action),
            RatingPrompt::Thanks => html! { p.ph-notice role="status" { (t.page.rated) } },
            RatingPrompt::No => html! {},
        }
    }
}

/// Asks for a rating of a resolved ticket: 1 to 5, and an optional comment.
fn rating_form(t: &Catalogue, action: &str) -> Markup {
    html! {
        section.ph-card {
            h2.ph-label { (t.page.rate_title) }
            form.ph-form method="post" action=(action) {
                fieldset {
                    legend { (t.page.rate_hint) }
                    @for score in 1..=5 {
                        label { input type="radio" name="score" value=(score) required; " " (score) } " "
                    }
                }
                label.ph-label for="ph-rate-comment" { (t.page.rate_comment) }
                textarea.ph-input id="ph-rate-comment" name="comment" rows="3" maxlength="2000" {}
                button.ph-button.ph-button--primary type="submit" { (t.page.rate_send) }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use porthole_types::Locale;

    use super::*;
    use crate::i18n::catalogue;

    #[test]
    fn every_bad_field_is_reported_at_once_in_the_visitors_language() {
        let form = TicketForm {
            email: "nope".into(),
            subject: "x".repeat(201),
            kind: "rant".into(),
            category: "Gossip".into(),
            ..TicketForm::default()
        };
        let t = catalogue(Locale::Fr);
        let errors = form.validate(&Settings::default(), t, true).err().unwrap();
        assert_eq!(errors.for_field("name"), Some(t.page.required));
        assert_eq!(errors.for_field("email"), Some(t.page.invalid_email));
        assert_eq!(
            errors.for_field("subject"),
            Some("Pas plus de 200 caractères.")
        );
        assert_eq!(errors.for_field("type"), Some(t.page.invalid_choice));
        assert_eq!(errors.for_field("category"), Some(t.page.invalid_choice));
        assert!(errors.for_field("description").is_none());
    }

    #[test]
    fn a_valid_form_without_contact_fields_needs_only_a_subject() {
        let form = TicketForm {
            subject: "Help".into(),
            ..TicketForm::default()
        };
        let valid = form
            .validate(&Settings::default(), catalogue(Locale::En), false)
            .ok()
            .unwrap();
        assert_eq!(valid.subject, "Help");
        assert!(valid.description.is_none() && valid.kind.is_none() && valid.category.is_none());
    }

    #[test]
    fn times_read_as_dates() {
        let en = catalogue(Locale::En);
        assert_eq!(
            when(en, "2026-11-21T04:10:00.123Z"),
            "21 Nov 2026, 04:10 UTC"
        );
        assert_eq!(when(en, "not a time"), "not a time");
        let fr = catalogue(Locale::Fr);
        assert_eq!(when(fr, "2026-02-03T09:05:00Z"), "3 févr. 2026, 09:05 UTC");
    }
}

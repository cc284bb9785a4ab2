//! Pieces the portal and the signed iframe share: the ticket form, lists, the conversation and
//! the reply box. maud escapes every value, so user content is only ever text.

use maud::{html, Markup};
use porthole_types::{limits, Author, Settings, Ticket, TicketStatus, TicketSummary, TicketType};
use serde::Deserialize;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::text;
use secrecy::ExposeSecret;

use crate::domain::{bounded_text, new_secret, optional_text, EmailAddress};
use crate::error::ApiError;
use crate::settings;

/// Errors to show beside fields, in field order.
#[derive(Debug, Default)]
pub struct FieldErrors(Vec<(&'static str, String)>);

impl FieldErrors {
    fn note<T>(&mut self, result: Result<T, ApiError>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(ApiError::InvalidField { field, message }) => {
                self.0.push((field, message));
                None
            }
            Err(other) => {
                self.0.push(("form", other.message()));
                None
            }
        }
    }

    pub fn for_field(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
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
        with_contact: bool,
    ) -> Result<ValidTicket, FieldErrors> {
        let mut errors = FieldErrors::default();
        let (name, email) = if with_contact {
            let name = errors.note(bounded_text("name", &self.name, limits::NAME_MAX_CHARS));
            let email = errors
                .note(EmailAddress::parse(&self.email).map_err(|m| ApiError::invalid("email", m)));
            (name, email)
        } else {
            (None, None)
        };
        let subject = errors.note(bounded_text(
            "subject",
            &self.subject,
            limits::SUBJECT_MAX_CHARS,
        ));
        let description = errors.note(optional_text(
            "description",
            Some(&self.description),
            limits::DESCRIPTION_MAX_CHARS,
        ));
        let kind = match self.kind.as_str() {
            "" => Some(None),
            k => errors.note(
                TicketType::parse(k)
                    .map(Some)
                    .ok_or_else(|| ApiError::invalid("type", "choose one of the listed types")),
            ),
        };
        let category = errors.note(settings::category(settings, Some(&self.category)));
        match (subject, description, kind, category) {
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
pub fn when(rfc3339: &str) -> String {
    let Ok(t) = OffsetDateTime::parse(rfc3339, &Rfc3339) else {
        return rfc3339.to_owned();
    };
    let format = time::macros::format_description!(
        "[day padding:none] [month repr:short] [year], [hour]:[minute] UTC"
    );
    t.format(&format).unwrap_or_else(|_| rfc3339.to_owned())
}

pub fn badge(status: TicketStatus) -> Markup {
    html! { span class={ "ph-badge ph-badge--" (status.as_str()) } { (text::status(status)) } }
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

/// The ticket form; `with_contact` adds name and email.
pub fn ticket_form(
    action: &str,
    form: &TicketForm,
    errors: &FieldErrors,
    with_contact: bool,
    form_id: &str,
    categories: &[String],
) -> Markup {
    html! {
        @if !errors.is_empty() { p.ph-error role="alert" { (text::FIX_BELOW) } }
        @if let Some(message) = errors.for_field("form") { p.ph-field-error { (message) } }
        form.ph-form method="post" action=(action) {
            input type="hidden" name="form_id" value=(form_id);
            @if with_contact {
                label.ph-label for="ph-name" { (text::NAME) }
                input.ph-input id="ph-name" name="name" type="text" autocomplete="name" required
                    maxlength=(limits::NAME_MAX_CHARS) value=(form.name) aria-invalid=(invalid(errors, "name"))
                    aria-describedby="ph-name-error";
                (field_error(errors, "name"))
                label.ph-label for="ph-email" { (text::EMAIL) }
                input.ph-input id="ph-email" name="email" type="email" autocomplete="email" required
                    value=(form.email) aria-invalid=(invalid(errors, "email")) aria-describedby="ph-email-error";
                (field_error(errors, "email"))
            }
            label.ph-label for="ph-subject" { (text::SUBJECT) }
            input.ph-input id="ph-subject" name="subject" type="text" required
                maxlength=(limits::SUBJECT_MAX_CHARS) value=(form.subject)
                aria-invalid=(invalid(errors, "subject")) aria-describedby="ph-subject-error";
            (field_error(errors, "subject"))
            label.ph-label for="ph-description" { (text::DESCRIPTION) }
            textarea.ph-input.ph-textarea id="ph-description" name="description" rows="6"
                maxlength=(limits::DESCRIPTION_MAX_CHARS) placeholder=(text::DESCRIPTION_HINT)
                aria-invalid=(invalid(errors, "description")) aria-describedby="ph-description-error" { (form.description) }
            (field_error(errors, "description"))
            label.ph-label for="ph-type" { (text::TYPE) }
            select.ph-input id="ph-type" name="type" aria-describedby="ph-type-error" {
                option value="" { (text::TYPE_NONE) }
                @for kind in TicketType::ALL {
                    option value=(kind.as_str()) selected[form.kind == kind.as_str()] { (text::ticket_type(*kind)) }
                }
            }
            (field_error(errors, "type"))
            @if !categories.is_empty() {
                label.ph-label for="ph-category" { (text::CATEGORY) }
                select.ph-input id="ph-category" name="category" aria-describedby="ph-category-error" {
                    option value="" { (text::CATEGORY_NONE) }
                    @for c in categories {
                        option value=(c) selected[form.category == *c] { (c) }
                    }
                }
                (field_error(errors, "category"))
            }
            button.ph-button.ph-button--primary type="submit" { (text::SUBMIT) }
        }
    }
}

/// A user's tickets, each linking to `{base}/{reference}`.
pub fn ticket_list(base: &str, tickets: &[TicketSummary]) -> Markup {
    html! {
        @if tickets.is_empty() {
            p.ph-empty { (text::GREETING) }
        } @else {
            ul.ph-tickets {
                @for t in tickets {
                    li {
                        a class={ "ph-ticket" @if t.unread { " ph-ticket--unread" } } href={ (base) "/" (t.reference) } {
                            span.ph-ticket-top {
                                (badge(t.status)) " "
                                span.ph-ref { (t.reference) }
                                time.ph-time datetime=(t.updated_at) { (when(&t.updated_at)) }
                            }
                            span.ph-subject { (t.subject) }
                            @if let Some(p) = &t.preview { span.ph-preview { (p) } }
                        }
                    }
                }
            }
        }
    }
}

/// The ticket's heading, status, resolution and public conversation.
pub fn conversation(ticket: &Ticket) -> Markup {
    html! {
        h1.ph-heading { (ticket.subject) }
        p.ph-meta { (text::STATUS) ": " (badge(ticket.status)) " " span.ph-ref { (ticket.reference) } }
        @if let Some(resolution) = &ticket.resolution {
            section.ph-resolution {
                h2.ph-label { (text::RESOLUTION) }
                p.ph-text { (resolution) }
            }
        }
        h2.ph-label { (text::CONVERSATION) }
        @if ticket.messages.is_empty() { p.ph-empty { (text::NO_MESSAGES) } }
        ol.ph-messages {
            @for m in &ticket.messages {
                @let (class, who) = match m.author {
                    Author::User => ("ph-message ph-message--user", text::YOU.to_owned()),
                    Author::Agent => ("ph-message ph-message--agent", m.author_name.clone().unwrap_or_else(|| text::SUPPORT_TEAM.to_owned())),
                };
                li class=(class) {
                    p.ph-author { (who) " · " time.ph-time datetime=(m.created_at) { (when(&m.created_at)) } }
                    p.ph-text { (m.body) }
                }
            }
        }
    }
}

/// The reply box, or a note when the ticket is closed.
pub fn reply_form(action: &str, ticket: &Ticket, error: Option<&str>, draft: &str) -> Markup {
    html! {
        @if ticket.status == TicketStatus::Closed {
            p.ph-note { (text::CLOSED_NOTE) }
        } @else {
            form.ph-reply method="post" action=(action) {
                label.ph-label for="ph-reply-body" { (text::REPLY) }
                textarea.ph-input.ph-textarea id="ph-reply-body" name="body" rows="4" required
                    maxlength=(limits::MESSAGE_MAX_CHARS) aria-invalid=(if error.is_some() { "true" } else { "false" })
                    aria-describedby="ph-reply-error" { (draft) }
                @if let Some(message) = error { p.ph-field-error id="ph-reply-error" role="alert" { (message) } }
                button.ph-button.ph-button--primary type="submit" { (text::SEND) }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let form = TicketForm {
            email: "nope".into(),
            subject: "x".repeat(201),
            kind: "rant".into(),
            ..TicketForm::default()
        };
        let errors = form.validate(&Settings::default(), true).err().unwrap();
        for field in ["name", "email", "subject", "type"] {
            assert!(errors.for_field(field).is_some(), "{field}");
        }
        assert!(errors.for_field("description").is_none());
    }

    #[test]
    fn a_valid_form_without_contact_fields_needs_only_a_subject() {
        let form = TicketForm {
            subject: "Help".into(),
            ..TicketForm::default()
        };
        let valid = form.validate(&Settings::default(), false).ok().unwrap();
        assert_eq!(valid.subject, "Help");
        assert!(valid.description.is_none() && valid.kind.is_none());
    }

    #[test]
    fn times_read_as_dates() {
        assert_eq!(when("2026-11-21T04:10:00.123Z"), "21 Nov 2026, 04:10 UTC");
        assert_eq!(when("not a time"), "not a time");
    }
}

//! The widget's decisions, as plain functions and structs, tested natively without a browser.

use porthole_types::{limits, ErrorBody, TicketStatus, TicketSummary};

use crate::text;

/// Which screen the panel shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    List,
    Ticket(String),
    New,
}

/// Inline errors for the new-ticket form: one per field, plus one for the form as a whole.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormErrors {
    pub subject: Option<String>,
    pub description: Option<String>,
    pub body: Option<String>,
    pub form: Option<String>,
}

impl FormErrors {
    pub fn is_empty(&self) -> bool {
        *self == FormErrors::default()
    }

    /// Places an API error beside the field it names, or on the form when it names none.
    pub fn from_api(err: &ErrorBody) -> Self {
        let message = Some(err.error.message.clone());
        match err.error.field.as_deref() {
            Some("subject") => FormErrors {
                subject: message,
                ..Default::default()
            },
            Some("description") => FormErrors {
                description: message,
                ..Default::default()
            },
            Some("body") => FormErrors {
                body: message,
                ..Default::default()
            },
            _ => FormErrors {
                form: message,
                ..Default::default()
            },
        }
    }
}

/// The checks the server makes, made first so the user hears of them without a round trip.
pub fn check_new_ticket(subject: &str, description: &str) -> FormErrors {
    let mut errors = FormErrors::default();
    let subject = subject.trim();
    if subject.is_empty() {
        errors.subject = Some(text::SUBJECT_REQUIRED.into());
    } else if subject.chars().count() > limits::SUBJECT_MAX_CHARS {
        errors.subject = Some(text::too_long(limits::SUBJECT_MAX_CHARS));
    }
    if description.trim().chars().count() > limits::DESCRIPTION_MAX_CHARS {
        errors.description = Some(text::too_long(limits::DESCRIPTION_MAX_CHARS));
    }
    errors
}

pub fn check_reply(body: &str) -> FormErrors {
    let body = body.trim();
    let mut errors = FormErrors::default();
    if body.is_empty() {
        errors.body = Some(text::REPLY_REQUIRED.into());
    } else if body.chars().count() > limits::MESSAGE_MAX_CHARS {
        errors.body = Some(text::too_long(limits::MESSAGE_MAX_CHARS));
    }
    errors
}

/// "just now", "5 min ago", "3 h ago", "2 d ago": enough to tell fresh from stale.
pub fn relative_time(now_ms: f64, then_ms: f64) -> String {
    let secs = ((now_ms - then_ms) / 1000.0).max(0.0) as u64;
    match secs {
        0..=59 => text::JUST_NOW.into(),
        60..=3_599 => text::minutes_ago(secs / 60),
        3_600..=86_399 => text::hours_ago(secs / 3_600),
        _ => text::days_ago(secs / 86_400),
    }
}

/// The stable class of a status badge, for the stylesheet and for custom CSS.
pub fn badge_class(status: TicketStatus) -> String {
    format!("ph-badge ph-badge--{}", status.as_str())
}

pub fn unread_count(tickets: &[TicketSummary]) -> usize {
    tickets.iter().filter(|t| t.unread).count()
}

#[cfg(test)]
mod tests {
    use porthole_types::ErrorDetail;

    use super::*;

    fn api_error(field: Option<&str>) -> ErrorBody {
        ErrorBody {
            error: ErrorDetail {
                code: "invalid_field".into(),
                message: "too long".into(),
                field: field.map(Into::into),
            },
        }
    }

    #[test]
    fn api_errors_land_beside_the_field_they_name() {
        assert_eq!(
            FormErrors::from_api(&api_error(Some("subject")))
                .subject
                .as_deref(),
            Some("too long")
        );
        assert_eq!(
            FormErrors::from_api(&api_error(Some("body")))
                .body
                .as_deref(),
            Some("too long")
        );
        let general = FormErrors::from_api(&api_error(None));
        assert_eq!(general.form.as_deref(), Some("too long"));
        assert!(general.subject.is_none());
    }

    #[test]
    fn the_form_is_checked_as_the_server_checks_it() {
        assert!(check_new_ticket("  ", "").subject.is_some());
        assert!(check_new_ticket(&"é".repeat(200), "").is_empty());
        assert!(check_new_ticket(&"é".repeat(201), "").subject.is_some());
        assert!(check_new_ticket("ok", &"x".repeat(5_001))
            .description
            .is_some());
        assert!(check_reply(" \n ").body.is_some());
        assert!(check_reply("thanks").is_empty());
    }

    #[test]
    fn relative_times_read_naturally() {
        let now = 10_000_000_000.0;
        assert_eq!(relative_time(now, now - 5_000.0), "just now");
        assert_eq!(relative_time(now, now - 5.0 * 60_000.0), "5 min ago");
        assert_eq!(relative_time(now, now - 3.0 * 3_600_000.0), "3 h ago");
        assert_eq!(relative_time(now, now - 2.0 * 86_400_000.0), "2 d ago");
        assert_eq!(
            relative_time(now, now + 60_000.0),
            "just now",
            "clock skew is not the future"
        );
    }

    #[test]
    fn badges_have_a_stable_class_per_status() {
        assert_eq!(
            badge_class(TicketStatus::InProgress),
            "ph-badge ph-badge--in_progress"
        );
    }
}

//! The widget's decisions, as plain functions and structs, tested natively without a browser.
//! They speak in catalogue keys; `text` turns those into the user's language.

use porthole_types::{limits, ErrorBody, TicketStatus};

/// Which screen the panel shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    List,
    Ticket(String),
    New,
}

/// Something to tell the user, not yet in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    /// A catalogue entry.
    Key(&'static str),
    /// "Keep it under {n} characters."
    TooLong(usize),
}

/// The catalogue key for an error code the server may send the panel. The server's messages
/// are English and meant for developers; the user hears the panel's own words, in their
/// language.
pub fn error_key(code: &str) -> &'static str {
    match code {
        "ticket_closed" => "err_ticket_closed",
        "rate_limited" => "err_rate_limited",
        "not_found" => "err_not_found",
        "invalid_field" | "invalid_body" | "payload_too_large" => "err_invalid",
        "invalid_session" | "missing_credentials" | "origin_not_allowed" => "session_ended",
        _ => "err_generic",
    }
}

/// Inline errors for the forms: one per field, plus one for the form as a whole.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormErrors {
    pub subject: Option<Msg>,
    pub description: Option<Msg>,
    pub body: Option<Msg>,
    pub form: Option<Msg>,
}

impl FormErrors {
    pub fn is_empty(&self) -> bool {
        *self == FormErrors::default()
    }

    /// Places an API error beside the field it names, or on the form when it names none.
    pub fn from_api(err: &ErrorBody) -> Self {
        let message = Some(Msg::Key(error_key(&err.error.code)));
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

fn too_long(text: &str, max: usize) -> Option<Msg> {
    (text.trim().chars().count() > max).then_some(Msg::TooLong(max))
}

/// The checks the server makes, made first so the user hears of them without a round trip.
pub fn check_new_ticket(subject: &str, description: &str) -> FormErrors {
    FormErrors {
        subject: if subject.trim().is_empty() {
            Some(Msg::Key("subject_required"))
        } else {
            too_long(subject, limits::SUBJECT_MAX_CHARS)
        },
        description: too_long(description, limits::DESCRIPTION_MAX_CHARS),
        ..Default::default()
    }
}

/// A reply needs words unless it carries files.
pub fn check_reply(body: &str, with_files: bool) -> FormErrors {
    FormErrors {
        body: if body.trim().is_empty() && !with_files {
            Some(Msg::Key("reply_required"))
        } else {
            too_long(body, limits::MESSAGE_MAX_CHARS)
        },
        ..Default::default()
    }
}

/// "just now", "5 min ago", "3 h ago", "2 d ago", as a catalogue key and a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ago {
    pub key: &'static str,
    pub n: u64,
}

pub fn relative_time(now_ms: f64, then_ms: f64) -> Ago {
    let secs = ((now_ms - then_ms) / 1000.0).max(0.0) as u64;
    let (key, n) = match secs {
        0..=59 => ("just_now", 0),
        60..=3_599 => ("minutes_ago", secs / 60),
        3_600..=86_399 => ("hours_ago", secs / 3_600),
        _ => ("days_ago", secs / 86_400),
    };
    Ago { key, n }
}

/// The stable class of a status badge, for the stylesheet and for custom CSS.
pub fn badge_class(status: TicketStatus) -> String {
    format!("ph-badge ph-badge--{}", status.as_str())
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
    fn api_errors_land_beside_the_field_they_name_in_the_users_words() {
        let server = Some(Msg::Key("err_invalid"));
        assert_eq!(
            FormErrors::from_api(&api_error(Some("subject"))).subject,
            server
        );
        assert_eq!(FormErrors::from_api(&api_error(Some("body"))).body, server);
        let general = FormErrors::from_api(&api_error(None));
        assert_eq!(general.form, server);
        assert!(general.subject.is_none());
    }

    #[test]
    fn every_error_the_panel_can_receive_has_words_in_the_catalogue() {
        assert_eq!(error_key("ticket_closed"), "err_ticket_closed");
        assert_eq!(error_key("rate_limited"), "err_rate_limited");
        assert_eq!(error_key("invalid_session"), "session_ended");
        assert_eq!(error_key("something_new"), "err_generic");
    }

    #[test]
    fn the_form_is_checked_as_the_server_checks_it() {
        assert_eq!(
            check_new_ticket("  ", "").subject,
            Some(Msg::Key("subject_required"))
        );
        assert!(check_new_ticket(&"é".repeat(200), "").is_empty());
        assert_eq!(
            check_new_ticket(&"é".repeat(201), "").subject,
            Some(Msg::TooLong(200))
        );
        assert_eq!(
            check_new_ticket("ok", &"x".repeat(5_001)).description,
            Some(Msg::TooLong(5_000))
        );
        assert_eq!(
            check_reply(" \n ", false).body,
            Some(Msg::Key("reply_required"))
        );
        assert!(check_reply("thanks", false).is_empty());
        assert!(check_reply("", true).is_empty(), "files alone make a reply");
    }

    #[test]
    fn relative_times_pick_the_right_unit() {
        let now = 10_000_000_000.0;
        let ago = |secs: f64| relative_time(now, now - secs * 1000.0);
        assert_eq!(
            ago(5.0),
            Ago {
                key: "just_now",
                n: 0
            }
        );
        assert_eq!(
            ago(300.0),
            Ago {
                key: "minutes_ago",
                n: 5
            }
        );
        assert_eq!(
            ago(3.0 * 3600.0),
            Ago {
                key: "hours_ago",
                n: 3
            }
        );
        assert_eq!(
            ago(2.0 * 86_400.0),
            Ago {
                key: "days_ago",
                n: 2
            }
        );
        assert_eq!(
            ago(-60.0),
            Ago {
                key: "just_now",
                n: 0
            },
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

//! Porthole's words, in every language it speaks. They are written in Fluent
//! (`locales/*.ftl`, the one place to translate), and `build.rs` checks each catalogue is
//! whole and turns them into the tables below, so the server reads them without parsing and a
//! message the code names is one every language has. The server-rendered pages and emails
//! read them directly; the panel receives its part as JSON with the page, so the wasm carries
//! no strings; the launcher's label comes from here too. `{n}` stands for a number.

use porthole_types::{Locale, TicketStatus, TicketType};
use serde::Serialize;

/// What the wasm panel shows. Sent to it as JSON, so names are its keys.
#[derive(Debug, Serialize)]
pub struct WidgetTexts {
    pub title: &'static str,
    pub greeting: &'static str,
    pub connecting: &'static str,
    pub loading: &'static str,
    pub retry: &'static str,
    pub close: &'static str,
    pub back: &'static str,
    pub new_ticket: &'static str,
    pub your_tickets: &'static str,
    pub subject: &'static str,
    pub description: &'static str,
    pub description_hint: &'static str,
    pub type_label: &'static str,
    pub type_none: &'static str,
    pub category: &'static str,
    pub category_none: &'static str,
    pub submit: &'static str,
    pub reply: &'static str,
    pub reply_placeholder: &'static str,
    pub send: &'static str,
    pub you: &'static str,
    pub support_team: &'static str,
    pub unread: &'static str,
    pub subject_required: &'static str,
    pub reply_required: &'static str,
    pub too_long: &'static str,
    pub network_error: &'static str,
    pub session_ended: &'static str,
    pub closed_note: &'static str,
    pub just_now: &'static str,
    pub minutes_ago: &'static str,
    pub hours_ago: &'static str,
    pub days_ago: &'static str,
    pub faq_heading: &'static str,
    pub resolution: &'static str,
    pub mark_solved: &'static str,
    pub more: &'static str,
    pub err_ticket_closed: &'static str,
    pub err_rate_limited: &'static str,
    pub err_not_found: &'static str,
    pub err_invalid: &'static str,
    pub err_generic: &'static str,
    pub email_us: &'static str,
    /// Open, In Progress, Waiting, Resolved, Closed.
    pub statuses: [&'static str; 5],
    /// Support Request, General Inquiry, Bug Report, Feature Request.
    pub types: [&'static str; 4],
}

/// What the portal and signed-iframe pages show, beyond the panel's strings.
#[derive(Debug)]
pub struct PageTexts {
    pub powered_by: &'static str,
    /// Short month names, January first, for dates on pages.
    pub months: [&'static str; 12],
    pub landing_intro: &'static str,
    pub submit_a_ticket: &'static str,
    pub submit_hint: &'static str,
    pub track_a_ticket: &'static str,
    pub track_hint: &'static str,
    pub name: &'static str,
    pub email: &'static str,
    pub submitted_title: &'static str,
    pub submitted: &'static str,
    pub track: &'static str,
    pub submit_another: &'static str,
    pub status: &'static str,
    pub conversation: &'static str,
    pub no_messages: &'static str,
    pub send_reply: &'static str,
    pub link_invalid_title: &'static str,
    pub link_invalid: &'static str,
    pub not_signed_in_title: &'static str,
    pub not_signed_in: &'static str,
    pub verify_failed_title: &'static str,
    pub verify_failed: &'static str,
    pub rate_limited_title: &'static str,
    /// How many minutes to wait.
    pub rate_limited: Plural,
    /// A form sent again under its id with other content (its idempotency key).
    pub already_sent_title: &'static str,
    pub already_sent: &'static str,
    pub not_found_title: &'static str,
    pub not_found: &'static str,
    pub bad_request_title: &'static str,
    pub forbidden_title: &'static str,
    pub forbidden: &'static str,
    pub error_title: &'static str,
    pub error: &'static str,
    pub fix_below: &'static str,
    pub required: &'static str,
    pub invalid_email: &'static str,
    pub invalid_choice: &'static str,
    pub invalid_characters: &'static str,
    pub faq_back: &'static str,
    /// Asking for a fresh tracking link by email (shown only when email is on).
    pub fresh_link_hint: &'static str,
    pub fresh_link_button: &'static str,
    pub fresh_link_sent_title: &'static str,
    pub fresh_link_sent: &'static str,
    pub reference_label: &'static str,
    pub unsubscribe_title: &'static str,
    pub unsubscribe_confirm: &'static str,
    pub unsubscribed: &'static str,
    /// The knowledge base on the portal.
    pub kb_title: &'static str,
    pub kb_search_label: &'static str,
    pub kb_search: &'static str,
    pub kb_none: &'static str,
    pub kb_all: &'static str,
    pub kb_before_writing: &'static str,
    /// Rating a resolved ticket.
    pub rate_title: &'static str,
    pub rate_hint: &'static str,
    pub rate_comment: &'static str,
    pub rate_send: &'static str,
    pub attach: &'static str,
    pub attach_hint: &'static str,
    pub attach_too_many: &'static str,
    pub attach_wait: &'static str,
    pub attach_refused: &'static str,
    pub attach_uploading: &'static str,
    pub attach_remove: &'static str,
    pub attachments: &'static str,
    pub rated: &'static str,
}

/// What emails say. `{who}` stands for a person or address, `{brand}` for the company.
#[derive(Debug)]
pub struct MailTexts {
    pub received: &'static str,
    pub reference: &'static str,
    pub follow: &'static str,
    pub link_valid: &'static str,
    pub replied: &'static str,
    pub team_replied: &'static str,
    pub reply_in_widget: &'static str,
    pub reply_by_email: &'static str,
    pub resolved: &'static str,
    pub reopen_hint: &'static str,
    /// The same, for an email that takes no replies: the ticket's page does.
    pub reopen_on_page: &'static str,
    pub files_attached: &'static str,
    pub fresh_link: &'static str,
    pub team_new_ticket: &'static str,
    pub team_customer_reply: &'static str,
    /// To admins, when a ticket waited too long unassigned or unanswered.
    pub team_escalated: &'static str,
    pub why: &'static str,
    pub unsubscribe: &'static str,
    pub rate_button: &'static str,
    pub rate_link_valid: &'static str,
}

#[derive(Debug)]
pub struct Catalogue {
    pub widget: WidgetTexts,
    pub page: PageTexts,
    pub mail: MailTexts,
    /// The launcher's accessible name, and with unread replies.
    pub open_support: &'static str,
    pub open_support_unread: &'static str,
}

impl Catalogue {
    pub fn status(&self, s: TicketStatus) -> &'static str {
        let i = TicketStatus::ALL.iter().position(|x| *x == s).unwrap_or(0);
        self.widget.statuses[i]
    }

    pub fn ticket_type(&self, t: TicketType) -> &'static str {
        let i = TicketType::ALL.iter().position(|x| *x == t).unwrap_or(0);
        self.widget.types[i]
    }
}

/// `template` with `{n}` replaced.
pub fn fill(template: &str, n: impl std::fmt::Display) -> String {
    template.replace("{n}", &n.to_string())
}

/// What each language says of a count: its singular for what its plural rule calls `one`, its
/// plural for everything else. `{n}` stands for the count.
#[derive(Debug)]
pub struct Plural {
    pub one: &'static str,
    pub other: &'static str,
    pub locale: Locale,
}

impl Plural {
    /// The form for `n`, with `{n}` filled. The rules are CLDR's for whole numbers: French
    /// says `one` of 0 and 1, English, German and Spanish of 1 alone.
    pub fn get(&self, n: i64) -> String {
        let one = match self.locale {
            Locale::Fr => n == 0 || n == 1,
            Locale::En | Locale::De | Locale::Es => n == 1,
        };
        fill(if one { self.one } else { self.other }, n)
    }
}

include!(concat!(env!("OUT_DIR"), "/catalogues.rs"));

pub fn catalogue(locale: Locale) -> &'static Catalogue {
    match locale {
        Locale::En => &EN,
        Locale::Fr => &FR,
        Locale::De => &DE,
        Locale::Es => &ES,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_the_panel_asks_for_is_in_every_language() {
        // The panel maps each error code it can receive to one of these keys
        // (widget/src/logic.rs, `error_key`), and looks up the rest by name.
        for locale in Locale::ALL {
            let words = serde_json::to_value(&catalogue(locale).widget).unwrap();
            for key in [
                "err_ticket_closed",
                "err_rate_limited",
                "err_not_found",
                "err_invalid",
                "err_generic",
                "session_ended",
                "network_error",
                "mark_solved",
                "more",
                "resolution",
                "closed_note",
            ] {
                let word = words[key].as_str().unwrap_or_default();
                assert!(!word.is_empty(), "{locale:?} lacks {key}");
            }
        }
    }

    #[test]
    fn every_language_fills_every_template() {
        for locale in Locale::ALL {
            let c = catalogue(locale);
            for template in [
                c.widget.too_long,
                c.widget.minutes_ago,
                c.page.rate_limited.other,
                c.open_support_unread,
            ] {
                assert!(template.contains("{n}"), "{locale:?}: {template}");
            }
            assert_eq!(c.status(TicketStatus::Closed), c.widget.statuses[4]);
        }
    }

    #[test]
    fn a_count_takes_its_languages_plural() {
        let en = &catalogue(Locale::En).page.rate_limited;
        assert!(en.get(1).contains("in a minute"));
        assert!(en.get(0).contains("in 0 minutes"));
        assert!(en.get(2).contains("in 2 minutes"));
        let fr = &catalogue(Locale::Fr).page.rate_limited;
        assert_eq!(fr.get(0), fr.get(1), "French says one of 0 and 1");
        assert!(fr.get(5).contains("5 minutes"));
        let de = &catalogue(Locale::De).page.rate_limited;
        assert!(de.get(3).contains("3 Minuten"));
    }
}

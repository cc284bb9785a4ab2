//! Porthole's words, in every language it speaks. They are written in Fluent
//! (`locales/*.ftl`, the one place to translate), and `build.rs` checks each catalogue is
//! whole and turns them into the tables below, so the server reads them without parsing and a
//! message the code names is one every language has. The server-rendered pages and emails
//! read them directly; the panel receives its part as JSON with the page, so the wasm carries
//! no strings; the launcher's label comes from here too. The console's wasm links its own
//! group (`console`) and picks the language the page names. `{n}` stands for a number.
//!
//! The groups' structs (`WidgetTexts`, `PageTexts`, `MailTexts`, `ConsoleTexts`) are written
//! by `build.rs` from `en.ftl`, a field for each message, documented by its comment.

use porthole_types::{Author, Channel, Locale, Priority, TicketStatus, TicketType};
use serde::Serialize;

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
        named(TicketStatus::ALL, s, &self.widget.statuses)
    }

    pub fn ticket_type(&self, t: TicketType) -> &'static str {
        named(TicketType::ALL, t, &self.widget.types)
    }
}

/// `template` with `{n}` replaced.
pub fn fill(template: &str, n: impl std::fmt::Display) -> String {
    template.replace("{n}", &n.to_string())
}

/// `template` with each `{name}` replaced by its value.
pub fn fill_in(template: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), &value.to_string())
        })
}

/// What comes before and after `{name}` in `template`, for a page that sets the value apart
/// (in bold, as code); the whole template before nothing when it has no such variable.
pub fn around<'a>(template: &'a str, name: &str) -> (&'a str, &'a str) {
    template
        .split_once(&format!("{{{name}}}"))
        .unwrap_or((template, ""))
}

/// The name `names` gives `value`, by its place in `all`.
fn named<T: PartialEq>(all: &[T], value: T, names: &[&'static str]) -> &'static str {
    let i = all.iter().position(|x| *x == value).unwrap_or(0);
    names[i]
}

impl ConsoleTexts {
    pub fn status(&self, s: TicketStatus) -> &'static str {
        named(TicketStatus::ALL, s, &self.statuses)
    }

    pub fn priority(&self, p: Priority) -> &'static str {
        named(Priority::ALL, p, &self.priorities)
    }

    pub fn channel(&self, c: Channel) -> &'static str {
        named(Channel::ALL, c, &self.channels)
    }

    pub fn author(&self, a: Author) -> &'static str {
        named(Author::ALL, a, &self.authors)
    }

    /// A role by its API name (`admin`, `agent`); another name as it is.
    pub fn role<'a>(&self, role: &'a str) -> &'a str {
        match role {
            "admin" => self.roles[0],
            "agent" => self.roles[1],
            other => other,
        }
    }
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

/// The console's words in `locale`.
pub fn console(locale: Locale) -> &'static ConsoleTexts {
    match locale {
        Locale::En => &CONSOLE_EN,
        Locale::Fr => &CONSOLE_FR,
        Locale::De => &CONSOLE_DE,
        Locale::Es => &CONSOLE_ES,
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

    #[test]
    fn the_console_speaks_every_language_with_its_own_plurals() {
        let ticket_count = |l| console(l).ticket_count.get(0);
        assert_eq!(ticket_count(Locale::En), "0 tickets");
        assert_eq!(ticket_count(Locale::Fr), "0 ticket", "French says one of 0");
        assert_eq!(console(Locale::De).ratings.get(1), "1 Bewertung");
        assert_eq!(
            console(Locale::Es).status(TicketStatus::Waiting),
            "En espera"
        );
        assert_eq!(console(Locale::Fr).role("admin"), "Administrateur");
        assert_eq!(
            console(Locale::Fr).role("owner"),
            "owner",
            "an unknown role as it is"
        );
        for locale in Locale::ALL {
            let w = console(locale);
            assert_ne!(w.inbox, "", "{locale:?}");
            assert!(w.invited_link.contains("{email}") && w.invited_link.contains("{url}"));
        }
    }

    #[test]
    fn templates_take_named_values_and_split_around_one() {
        let said = fill_in(
            "{who} replied to {what}.",
            &[("who", &"Ann"), ("what", &42)],
        );
        assert_eq!(said, "Ann replied to 42.");
        assert_eq!(
            around("Paste into { x } your {head}, then", "head").1,
            ", then"
        );
        assert_eq!(around("no variable", "head"), ("no variable", ""));
    }
}

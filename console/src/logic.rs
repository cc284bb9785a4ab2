//! What the console decides without a browser: which tickets a folder shows, where the
//! address bar points, and where the keyboard moves. Tested natively.

use porthole_text::ConsoleTexts;
use porthole_types::{Priority, TicketStatus};

/// The inbox's saved views.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Folder {
    Mine,
    Unassigned,
    All,
    Open,
    Waiting,
    Urgent,
    Resolved,
}

impl Folder {
    pub const ALL: [Folder; 7] = [
        Folder::Mine,
        Folder::Unassigned,
        Folder::All,
        Folder::Open,
        Folder::Waiting,
        Folder::Urgent,
        Folder::Resolved,
    ];

    /// Its name in the console's words, whose list is in the order of `ALL`.
    pub fn label(self, w: &ConsoleTexts) -> &'static str {
        let i = Self::ALL.iter().position(|f| *f == self).unwrap_or(0);
        w.folders[i]
    }

    /// The agent list's query for this folder; `me` is the agent's own address, which is
    /// what "Assign to me" writes.
    fn filter(self, me: &str) -> Vec<(&'static str, String)> {
        match self {
            Folder::Mine => vec![("assignee", me.to_owned())],
            Folder::Unassigned => vec![("unassigned", "true".into())],
            Folder::All => vec![],
            Folder::Open => vec![("status", TicketStatus::Open.as_str().into())],
            Folder::Waiting => vec![("status", TicketStatus::Waiting.as_str().into())],
            Folder::Urgent => vec![("priority", Priority::Urgent.as_str().into())],
            Folder::Resolved => vec![("status", TicketStatus::Resolved.as_str().into())],
        }
    }
}

/// The inbox's view narrowed further: to one category, to one priority.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Narrowing {
    /// Blank for every category.
    pub category: String,
    pub priority: Option<Priority>,
}

/// The path of one page of the inbox: the folder, narrowed, the search (which ranks, so it
/// pages by offset) or the cursor where the previous page ended.
pub fn list_path(
    (folder, upset_first): (Folder, bool),
    narrowing: &Narrowing,
    me: &str,
    search: &str,
    cursor: Option<&str>,
) -> String {
    let mut query = folder.filter(me);
    if !narrowing.category.is_empty() {
        query.push(("category", narrowing.category.clone()));
    }
    // The Urgent view has its priority already.
    if let Some(p) = narrowing.priority.filter(|_| folder != Folder::Urgent) {
        query.push(("priority", p.as_str().into()));
    }
    let search = search.trim();
    if !search.is_empty() {
        query.push(("q", search.to_owned()));
    }
    if upset_first {
        query.push(("sort", "sentiment".into()));
    }
    if let Some(cursor) = cursor {
        query.push(("cursor", cursor.to_owned()));
    }
    query.push(("limit", "50".into()));
    let encoded: Vec<String> = query
        .into_iter()
        .map(|(k, v)| format!("{k}={}", encode(&v)))
        .collect();
    format!("/tickets?{}", encoded.join("&"))
}

/// How a customer sounded: the moods worth showing, in the order of the console's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mood {
    VeryNegative,
    Negative,
    Positive,
}

impl Mood {
    /// The badge's style.
    pub fn class(self) -> &'static str {
        match self {
            Mood::VeryNegative => "pc-mood pc-mood--very-negative",
            Mood::Negative => "pc-mood pc-mood--negative",
            Mood::Positive => "pc-mood pc-mood--positive",
        }
    }

    pub fn label(self, w: &ConsoleTexts) -> &'static str {
        w.moods[self as usize]
    }
}

/// How a customer sounded, from VADER's compound score (its usual thresholds); nothing when
/// neutral or unknown.
pub fn mood(sentiment: Option<f64>) -> Option<Mood> {
    match sentiment? {
        s if s <= -0.5 => Some(Mood::VeryNegative),
        s if s <= -0.05 => Some(Mood::Negative),
        s if s >= 0.05 => Some(Mood::Positive),
        _ => None,
    }
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Where the console is: the inbox, or one ticket (`#/tickets/TKT-0042`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Inbox,
    Reports,
    Settings,
    Articles,
    /// The signed-in agent's name and picture.
    Profile,
    Ticket(String),
}

impl Route {
    pub fn parse(hash: &str) -> Self {
        match hash.strip_prefix("#/tickets/") {
            Some(reference)
                if !reference.is_empty()
                    && reference.len() <= 20
                    && reference
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-') =>
            {
                Route::Ticket(reference.to_owned())
            }
            _ if hash == "#/reports" => Route::Reports,
            _ if hash == "#/settings" => Route::Settings,
            _ if hash == "#/articles" => Route::Articles,
            _ if hash == "#/profile" => Route::Profile,
            _ => Route::Inbox,
        }
    }

    pub fn hash(&self) -> String {
        match self {
            Route::Inbox => "#/".into(),
            Route::Reports => "#/reports".into(),
            Route::Settings => "#/settings".into(),
            Route::Articles => "#/articles".into(),
            Route::Profile => "#/profile".into(),
            Route::Ticket(reference) => format!("#/tickets/{reference}"),
        }
    }
}

/// A duration as people read it: "45 s", "12 min", "3 h 5 min", "2 d 4 h" in English, with
/// the language's `units` (second, minute, hour, day); "—" for none.
pub fn duration_text(secs: Option<i64>, units: &[&str; 4]) -> String {
    let Some(s) = secs else {
        return "—".into();
    };
    let [sec, min, hour, day] = units;
    match s {
        s if s < 60 => format!("{s} {sec}"),
        s if s < 3600 => format!("{} {min}", s / 60),
        s if s < 86_400 => match (s / 3600, s % 3600 / 60) {
            (h, 0) => format!("{h} {hour}"),
            (h, m) => format!("{h} {hour} {m} {min}"),
        },
        s => match (s / 86_400, s % 86_400 / 3600) {
            (d, 0) => format!("{d} {day}"),
            (d, h) => format!("{d} {day} {h} {hour}"),
        },
    }
}

/// The height of a bar for `value` when the tallest is `max` and the chart `height` high.
pub fn bar(value: i64, max: i64, height: f64) -> f64 {
    if max <= 0 {
        return 0.0;
    }
    (value.max(0) as f64 / max as f64 * height).round()
}

/// FAQs as an admin types them, one a line: `question | answer`. At most five; blank lines
/// are skipped. What is wrong is said in `w`'s words.
pub fn parse_faqs(text: &str, w: &ConsoleTexts) -> Result<Vec<porthole_types::Faq>, String> {
    let mut faqs = vec![];
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let (question, answer) = line
            .split_once('|')
            .ok_or_else(|| porthole_text::fill_in(w.faq_needs_bar, &[("line", &line.trim())]))?;
        faqs.push(porthole_types::Faq {
            question: question.trim().to_owned(),
            answer: answer.trim().to_owned(),
        });
    }
    if faqs.len() > 5 {
        return Err(w.faq_at_most.into());
    }
    Ok(faqs)
}

/// The row the keyboard selects after `delta` (j: +1, k: -1), kept within the list.
pub fn step(current: Option<usize>, len: usize, delta: i32) -> Option<usize> {
    if len == 0 {
        return None;
    }
    let next = match current {
        None if delta >= 0 => 0,
        None => len - 1,
        Some(i) => (i as i64 + delta as i64).clamp(0, len as i64 - 1) as usize,
    };
    Some(next)
}

/// A timestamp as the console shows it: `2026-11-22 09:14` (UTC), from RFC 3339.
pub fn short_time(rfc3339: &str) -> String {
    rfc3339
        .get(..16)
        .map(|t| t.replace('T', " "))
        .unwrap_or_else(|| rfc3339.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use porthole_text::console;
    use porthole_types::Locale;

    #[test]
    fn folders_ask_for_their_tickets_and_searches_are_encoded() {
        let all = Narrowing::default();
        assert_eq!(
            list_path((Folder::Mine, false), &all, "ann@acme.test", "", None),
            "/tickets?assignee=ann%40acme.test&limit=50"
        );
        assert_eq!(
            list_path(
                (Folder::Unassigned, false),
                &all,
                "a@b",
                "refund & more",
                None
            ),
            "/tickets?unassigned=true&q=refund%20%26%20more&limit=50"
        );
        assert_eq!(
            list_path((Folder::Waiting, false), &all, "a@b", "  ", Some("17.3")),
            "/tickets?status=waiting&cursor=17.3&limit=50"
        );
        assert_eq!(
            list_path((Folder::Open, true), &all, "a@b", "", None),
            "/tickets?status=open&sort=sentiment&limit=50"
        );
    }

    #[test]
    fn a_view_narrows_to_a_category_and_a_priority_without_asking_twice() {
        let billing_high = Narrowing {
            category: "Billing & tax".into(),
            priority: Some(Priority::High),
        };
        assert_eq!(
            list_path((Folder::Open, false), &billing_high, "a@b", "", None),
            "/tickets?status=open&category=Billing%20%26%20tax&priority=high&limit=50"
        );
        assert_eq!(
            list_path((Folder::Urgent, false), &billing_high, "a@b", "", None),
            "/tickets?priority=urgent&category=Billing%20%26%20tax&limit=50"
        );
    }

    #[test]
    fn only_well_formed_references_route_to_a_ticket() {
        assert_eq!(
            Route::parse("#/tickets/TKT-0042"),
            Route::Ticket("TKT-0042".into())
        );
        for hash in [
            "",
            "#/",
            "#/tickets/",
            "#/tickets/../admin",
            "#/tickets/<b>",
        ] {
            assert_eq!(Route::parse(hash), Route::Inbox, "{hash}");
        }
        assert_eq!(
            Route::Ticket("TKT-0001".into()).hash(),
            "#/tickets/TKT-0001"
        );
        for route in [
            Route::Reports,
            Route::Settings,
            Route::Articles,
            Route::Profile,
        ] {
            assert_eq!(Route::parse(&route.hash()), route);
        }
    }

    #[test]
    fn the_keyboard_moves_within_the_list() {
        assert_eq!(step(None, 3, 1), Some(0));
        assert_eq!(step(None, 3, -1), Some(2));
        assert_eq!(step(Some(2), 3, 1), Some(2));
        assert_eq!(step(Some(0), 3, -1), Some(0));
        assert_eq!(step(Some(1), 0, 1), None);
    }

    #[test]
    fn moods_follow_vaders_thresholds() {
        let en = console(Locale::En);
        let said = |s| mood(s).map(|m| m.label(en));
        assert_eq!(said(Some(-0.8)), Some("very negative"));
        assert_eq!(said(Some(-0.2)), Some("negative"));
        assert_eq!(said(Some(0.0)), None);
        assert_eq!(said(Some(0.6)), Some("positive"));
        assert_eq!(said(None), None);
        assert_eq!(
            mood(Some(-0.8)).unwrap().label(console(Locale::Fr)),
            "très négatif"
        );
        assert_eq!(
            mood(Some(-0.8)).unwrap().class(),
            "pc-mood pc-mood--very-negative"
        );
    }

    #[test]
    fn durations_read_as_people_say_them() {
        let en = &console(Locale::En).units;
        assert_eq!(duration_text(None, en), "—");
        assert_eq!(duration_text(Some(45), en), "45 s");
        assert_eq!(duration_text(Some(600), en), "10 min");
        assert_eq!(duration_text(Some(3600), en), "1 h");
        assert_eq!(duration_text(Some(3 * 3600 + 5 * 60), en), "3 h 5 min");
        assert_eq!(duration_text(Some(2 * 86_400 + 4 * 3600), en), "2 d 4 h");
        let fr = &console(Locale::Fr).units;
        assert_eq!(duration_text(Some(2 * 86_400 + 4 * 3600), fr), "2 j 4 h");
    }

    #[test]
    fn faqs_are_typed_one_a_line() {
        let en = console(Locale::En);
        let faqs = parse_faqs("Where is my invoice? | Under Billing.\n\n A | B | C ", en).unwrap();
        assert_eq!(faqs.len(), 2);
        assert_eq!(faqs[1].answer, "B | C");
        assert_eq!(
            parse_faqs("no bar here", en).unwrap_err(),
            "“no bar here” needs a | between question and answer."
        );
        assert!(parse_faqs(&"q | a\n".repeat(6), en).is_err());
        let de = parse_faqs("kein Strich", console(Locale::De)).unwrap_err();
        assert!(de.starts_with("„kein Strich“"), "{de}");
    }

    #[test]
    fn every_folder_has_its_name_in_every_language() {
        for locale in Locale::ALL {
            let w = console(locale);
            let names: std::collections::BTreeSet<_> =
                Folder::ALL.iter().map(|f| f.label(w)).collect();
            assert_eq!(names.len(), Folder::ALL.len(), "{locale:?}");
        }
        assert_eq!(Folder::Unassigned.label(console(Locale::Es)), "Sin asignar");
    }

    #[test]
    fn bars_scale_to_the_tallest() {
        assert_eq!(bar(5, 10, 100.0), 50.0);
        assert_eq!(bar(0, 0, 100.0), 0.0);
        assert_eq!(bar(10, 10, 80.0), 80.0);
    }

    #[test]
    fn times_read_short() {
        assert_eq!(short_time("2026-11-22T09:14:52Z"), "2026-11-22 09:14");
    }
}

//! Every string the widget shows, in one place, so a catalogue of locales can replace it.

pub const TITLE: &str = "Support";
pub const GREETING: &str =
    "Hi there! Questions or problems? Open a ticket and we'll get back to you here.";
pub const CONNECTING: &str = "Connecting…";
pub const JUST_NOW: &str = "just now";
pub const LOADING: &str = "Loading…";
pub const RETRY: &str = "Try again";
pub const CLOSE: &str = "Close support";
pub const BACK: &str = "Back to your tickets";
pub const NEW_TICKET: &str = "New ticket";
pub const YOUR_TICKETS: &str = "Your tickets";
pub const SUBJECT: &str = "Subject";
pub const DESCRIPTION: &str = "Description";
pub const DESCRIPTION_HINT: &str = "What happened, and what did you expect?";
pub const TYPE: &str = "Type";
pub const TYPE_NONE: &str = "Choose a type (optional)";
pub const SUBMIT: &str = "Send ticket";
pub const SENDING: &str = "Sending…";
pub const REPLY: &str = "Reply";
pub const REPLY_PLACEHOLDER: &str = "Write a reply…";
pub const SEND: &str = "Send";
pub const YOU: &str = "You";
pub const SUPPORT_TEAM: &str = "Support";
pub const UNREAD: &str = "New reply";
pub const SUBJECT_REQUIRED: &str = "Please give your ticket a subject.";
pub const REPLY_REQUIRED: &str = "Write something first.";
pub const NETWORK_ERROR: &str =
    "We couldn't reach the server. Check your connection and try again.";
pub const SESSION_ENDED: &str = "Your support session has ended. Reload the page to sign in again.";
pub const CLOSED_NOTE: &str = "This ticket is closed. Open a new one if you need more help.";

pub fn too_long(max: usize) -> String {
    format!("Keep it under {max} characters.")
}

pub fn minutes_ago(n: u64) -> String {
    format!("{n} min ago")
}

pub fn hours_ago(n: u64) -> String {
    format!("{n} h ago")
}

pub fn days_ago(n: u64) -> String {
    format!("{n} d ago")
}

pub fn status(s: porthole_types::TicketStatus) -> &'static str {
    s.label()
}

pub fn ticket_type(t: porthole_types::TicketType) -> &'static str {
    t.label()
}

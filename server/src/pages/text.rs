//! Every string the server-rendered pages show, in one place, so a catalogue of locales can
//! replace it.

pub const POWERED_BY: &str = "Powered by Porthole";
pub const SUPPORT: &str = "Support";
pub const LANDING_INTRO: &str =
    "How can we help? Open a ticket, or follow one you have already opened.";
pub const SUBMIT_A_TICKET: &str = "Submit a ticket";
pub const SUBMIT_HINT: &str = "Tell us what is going on and we will get back to you by email.";
pub const TRACK_A_TICKET: &str = "Track a ticket";
pub const TRACK_HINT: &str = "We will email you a link to each of your tickets.";
pub const SEND_LINK: &str = "Email me a link";
pub const LINK_SENT_TITLE: &str = "Check your email";
pub const LINK_SENT: &str =
    "If we have tickets for that address, a link to each is on its way. It works for 30 days.";
pub const NAME: &str = "Name";
pub const EMAIL: &str = "Email";
pub const SUBJECT: &str = "Subject";
pub const DESCRIPTION: &str = "Description";
pub const DESCRIPTION_HINT: &str = "What happened, and what did you expect?";
pub const TYPE: &str = "Type";
pub const TYPE_NONE: &str = "Choose a type (optional)";
pub const CATEGORY: &str = "Category";
pub const CATEGORY_NONE: &str = "Choose a category (optional)";
pub const SUBMIT: &str = "Submit ticket";
pub const SUBMITTED_TITLE: &str = "Ticket received";
pub const SUBMITTED: &str =
    "Thank you. We have your request, and we will reply by email. Keep this reference:";
pub const TRACK: &str = "Track ticket";
pub const SUBMIT_ANOTHER: &str = "Submit another";
pub const STATUS: &str = "Status";
pub const RESOLUTION: &str = "Resolution";
pub const CONVERSATION: &str = "Conversation";
pub const NO_MESSAGES: &str = "No messages yet.";
pub const YOU: &str = "You";
pub const SUPPORT_TEAM: &str = "Support";
pub const REPLY: &str = "Reply";
pub const SEND: &str = "Send reply";
pub const CLOSED_NOTE: &str = "This ticket is closed. Open a new one if you need more help.";
pub const YOUR_TICKETS: &str = "Your tickets";
pub const NEW_TICKET: &str = "New ticket";
pub const BACK: &str = "Back to your tickets";
pub const GREETING: &str =
    "Hi there! Questions or problems? Open a ticket and we'll get back to you here.";
pub const LINK_INVALID_TITLE: &str = "This link has expired";
pub const LINK_INVALID: &str =
    "Tracking links work for 30 days. Enter your email and we will send a fresh one.";
pub const NOT_SIGNED_IN_TITLE: &str = "Sign in again";
pub const NOT_SIGNED_IN: &str =
    "Your support session has ended. Reload the page you came from to continue.";
pub const VERIFY_FAILED_TITLE: &str = "We could not confirm who you are";
pub const RATE_LIMITED_TITLE: &str = "Please wait a little";
pub const NOT_FOUND_TITLE: &str = "Not found";
pub const NOT_FOUND: &str =
    "There is nothing here. Check the address, or go back to the support site.";
pub const BAD_REQUEST_TITLE: &str = "Something was wrong with that request";
pub const FORBIDDEN_TITLE: &str = "Not allowed";
pub const FORBIDDEN: &str = "This page cannot be used from here.";
pub const ERROR_TITLE: &str = "Something went wrong";
pub const ERROR: &str = "Something went wrong on our side. Please try again.";
pub const FIX_BELOW: &str = "Please check the fields marked below.";

pub fn rate_limited(minutes: i64) -> String {
    let unit = if minutes == 1 { "minute" } else { "minutes" };
    format!(
        "You have sent a lot of tickets in the last hour. Please try again in {minutes} {unit}, \
         or reply to one of the tickets you already have."
    )
}

pub fn status(s: porthole_types::TicketStatus) -> &'static str {
    s.label()
}

pub fn ticket_type(t: porthole_types::TicketType) -> &'static str {
    t.label()
}

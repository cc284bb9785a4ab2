//! Reading a reply that came by email: the reply token in its recipients, its sender, and its
//! new text with the quoted history taken off.

use mail_parser::{HeaderValue, MessageParser, MimeHeaders};

/// The line our customer emails start with when replies by email are on; a reply is cut there.
pub const REPLY_MARKER: &str = "##- Please type your reply above this line -##";

/// What a reply by email says, once read.
#[derive(Debug, PartialEq, Eq)]
pub struct InboundReply {
    /// The token in a `local+TOKEN@domain` recipient.
    pub token: Option<String>,
    pub from: String,
    pub from_name: Option<String>,
    /// The `Message-ID`, without angle brackets.
    pub message_id: Option<String>,
    /// `Auto-Submitted` other than `no`: an out-of-office or other automatic answer.
    pub automatic: bool,
    /// The new text, quoted history removed.
    pub text: String,
    /// The whole text, for a message that starts a ticket.
    pub body: String,
    pub subject: String,
    /// The `Message-ID`s it answers (`In-Reply-To` and `References`), without angle brackets.
    pub answers: Vec<String>,
    /// Sent by a list, a bulk sender or a mail system (a bounce): never answered, never a
    /// ticket.
    pub bulk: bool,
    /// Attached files, by the names they were sent under, unchecked.
    pub files: Vec<(String, Vec<u8>)>,
    /// The `Cc` addresses, as written: those copied on a message that opens a ticket.
    pub cc: Vec<String>,
}

/// Reads a raw RFC 5322 message; `None` if it is not one or has no sender.
pub fn read(raw: &[u8], reply_local: &str) -> Option<InboundReply> {
    let message = MessageParser::default().parse(raw)?;
    let from = message.from()?.first()?;
    let addresses = |list: Option<&mail_parser::Address>| -> Vec<String> {
        list.map(|a| {
            a.iter()
                .filter_map(|a| a.address())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
    };
    let cc = addresses(message.cc());
    let mut recipients = addresses(message.to());
    recipients.extend(cc.iter().cloned());
    for header in ["Delivered-To", "X-Original-To"] {
        if let Some(HeaderValue::Text(value)) = message.header(header) {
            recipients.push(value.trim().to_owned());
        }
    }
    let prefix = format!("{}+", reply_local.to_ascii_lowercase());
    // Any `reply+…` address is taken as a reply, well-formed or not: a token that is not
    // one of ours is refused as an unknown reply address, never read as a new ticket.
    let token = recipients.iter().find_map(|r| {
        let (local, _) = r.rsplit_once('@')?;
        let token = local.to_ascii_lowercase().strip_prefix(&prefix)?.to_owned();
        (!token.is_empty()).then_some(token)
    });
    let automatic = match message.header("Auto-Submitted") {
        Some(HeaderValue::Text(v)) => !v.trim().eq_ignore_ascii_case("no"),
        Some(_) => true,
        None => false,
    };
    Some(InboundReply {
        token,
        from: from.address()?.to_owned(),
        from_name: from
            .name()
            .map(str::to_owned)
            .filter(|n| !n.trim().is_empty()),
        message_id: message.message_id().map(str::to_owned),
        automatic,
        text: strip_quoted(&message.body_text(0).unwrap_or_default()),
        body: message.body_text(0).unwrap_or_default().trim().to_owned(),
        subject: message.subject().unwrap_or_default().trim().to_owned(),
        answers: message
            .in_reply_to()
            .as_text_list()
            .into_iter()
            .flatten()
            .chain(message.references().as_text_list().into_iter().flatten())
            .map(|id| id.to_string())
            .collect(),
        bulk: bulk(&message),
        files: message
            .attachments()
            .filter(|part| !part.is_message())
            .map(|part| {
                let name = part.attachment_name().unwrap_or("attachment").to_owned();
                (name, part.contents().to_vec())
            })
            .collect(),
        cc,
    })
}

/// Whether a message comes from a list, a bulk sender or a mail system (RFC 3834's advice):
/// `Precedence: bulk|list|junk`, list headers, a delivery report, or a system sender.
fn bulk(message: &mail_parser::Message) -> bool {
    let precedence = match message.header("Precedence") {
        Some(HeaderValue::Text(v)) => {
            matches!(
                v.trim().to_ascii_lowercase().as_str(),
                "bulk" | "list" | "junk"
            )
        }
        _ => false,
    };
    let listed = ["List-Id", "List-Unsubscribe", "List-Post"]
        .iter()
        .any(|h| message.header(*h).is_some());
    let report = message.content_type().is_some_and(|ct| {
        ct.ctype().eq_ignore_ascii_case("multipart")
            && ct
                .subtype()
                .is_some_and(|s| s.eq_ignore_ascii_case("report"))
    });
    let system = message
        .from()
        .and_then(|f| f.first())
        .and_then(|a| a.address())
        .and_then(|a| a.split('@').next())
        .is_some_and(|local| {
            let local = local.to_ascii_lowercase();
            local == "mailer-daemon"
                || local == "postmaster"
                || local.starts_with("no-reply")
                || local.starts_with("noreply")
        });
    precedence || listed || report || system
}

/// The reply's own text: cut at our marker, at an "On … wrote:" line (in the languages we
/// speak), at an "Original Message" divider or at a signature, with trailing quoted lines
/// dropped.
pub fn strip_quoted(text: &str) -> String {
    let mut kept: Vec<&str> = Vec::new();
    for line in text.lines() {
        let t = line.trim();
        let wrote = (t.starts_with("On ") && t.ends_with("wrote:"))
            || (t.starts_with("Le ") && t.ends_with("a écrit :"))
            || (t.starts_with("Am ") && t.ends_with("schrieb:"))
            || (t.starts_with("El ") && t.ends_with("escribió:"));
        if t.contains(REPLY_MARKER)
            || wrote
            || t.starts_with("-----Original Message-----")
            || line == "-- "
        {
            break;
        }
        kept.push(line);
    }
    while kept
        .last()
        .is_some_and(|l| l.trim().is_empty() || l.trim_start().starts_with('>'))
    {
        kept.pop();
    }
    kept.join("\n").trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quoted_history_and_signature_are_cut() {
        let text = "Thanks, that worked!\n\nAda\n\nOn Mon, 3 Nov 2026 at 10:00, Acme <s@acme.test> wrote:\n> Try restarting it\n> ##- Please type your reply above this line -##";
        assert_eq!(strip_quoted(text), "Thanks, that worked!\n\nAda");
        assert_eq!(strip_quoted("Yes\n-- \nAda Lovelace\nCTO"), "Yes");
        assert_eq!(
            strip_quoted("Merci\n\nLe lun. 3 nov. 2026, Acme a écrit :\n> x"),
            "Merci"
        );
        assert_eq!(
            strip_quoted("Top\n-----Original Message-----\nFrom: x"),
            "Top"
        );
        assert_eq!(strip_quoted("A > B is true\n> quoted"), "A > B is true");
        assert_eq!(strip_quoted("> only quotes"), "");
    }

    #[test]
    fn the_token_is_read_from_a_plus_address_in_any_case() {
        let raw = b"From: Ada <ada@example.com>\r\nTo: Reply+0123456789ABCDEF0123456789abcdef@inbound.test\r\nMessage-ID: <m1@example.com>\r\nSubject: Re: [TKT-0001]\r\n\r\nThanks\r\n";
        let reply = read(raw, "reply").unwrap();
        assert_eq!(
            reply.token.as_deref(),
            Some("0123456789abcdef0123456789abcdef")
        );
        assert_eq!(reply.from, "ada@example.com");
        assert_eq!(reply.from_name.as_deref(), Some("Ada"));
        assert_eq!(reply.message_id.as_deref(), Some("m1@example.com"));
        assert!(!reply.automatic);
        assert_eq!(reply.text, "Thanks");
    }

    #[test]
    fn automatic_answers_and_odd_tokens_are_recognised() {
        let raw = b"From: ada@example.com\r\nTo: reply+nothex@inbound.test\r\nAuto-Submitted: auto-replied\r\n\r\nI am away\r\n";
        let reply = read(raw, "reply").unwrap();
        assert!(reply.automatic);
        assert_eq!(reply.token.as_deref(), Some("nothex"));
        assert!(read(b"not an email at all", "reply").is_none());
    }
}

//! What a delivery posts: a Standard Webhooks JSON body, or a Slack message.

use porthole_types::{Change, Event, Posted};
use serde_json::{json, Value};

use crate::clock::rfc3339;
use crate::store::DueDelivery;

/// `{"type", "timestamp", "data"}`, as Standard Webhooks suggests; `data` is the event's own,
/// with the workspace and the event id beside it.
pub fn standard(due: &DueDelivery) -> String {
    let mut data: Value = serde_json::from_str(&due.data).unwrap_or_else(|_| json!({}));
    data["workspace"] = json!(due.slug);
    data["event_id"] = json!(due.event_id);
    json!({
        "type": due.event_type,
        "timestamp": rfc3339(due.event_at),
        "data": data,
    })
    .to_string()
}

/// A Slack incoming-webhook message: one line, user text escaped as Slack requires.
pub fn slack(due: &DueDelivery) -> String {
    let line = match serde_json::from_str::<Event>(&due.data) {
        Ok(event) => slack_line(&event),
        Err(_) => "A ticket was updated".to_owned(),
    };
    json!({ "text": format!("[{}] {line}", escape(&due.slug)) }).to_string()
}

fn slack_line(event: &Event) -> String {
    let ticket = escape(&event.ticket);
    let said = |posted: &Posted| {
        let m = &posted.message;
        let who = m
            .author_name
            .as_deref()
            .map_or_else(|| m.author.as_str().to_owned(), escape);
        let full = escape(&m.body);
        let short: String = full.chars().take(300).collect();
        let body = if short.len() < full.len() {
            format!("{short}…")
        } else {
            short
        };
        (who, body)
    };
    match &event.change {
        Change::Created(c) => format!("New ticket *{ticket}*: {}", escape(&c.subject)),
        Change::Message(p) => {
            let (who, body) = said(p);
            format!("{who} replied on *{ticket}*: {body}")
        }
        Change::Note(p) => {
            let (who, body) = said(p);
            format!("{who} added a note on *{ticket}*: {body}")
        }
        Change::StatusChanged(s) => format!("*{ticket}* is now {}", s.status.as_str()),
        Change::Assigned(a) => match &a.assignee {
            Some(a) => format!("*{ticket}* assigned to {}", escape(a)),
            None => format!("*{ticket}* unassigned"),
        },
        _ => format!("*{ticket}* updated"),
    }
}

/// Slack reads `&`, `<` and `>` as markup (links, mentions): sent escaped, they are text.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn due(kind: &str, data: Value) -> DueDelivery {
        DueDelivery {
            id: 1,
            webhook_id: 1,
            attempts: 0,
            next_attempt_at: 0,
            url: String::new(),
            kind: "slack".into(),
            secret: String::new(),
            event_id: 9,
            event_type: kind.into(),
            data: data.to_string(),
            event_at: 0,
            slug: "acme".into(),
        }
    }

    #[test]
    fn slack_messages_escape_user_text_so_it_cannot_mention_or_link() {
        let d = due(
            "ticket.created",
            json!({ "type": "ticket.created", "ticket": "TKT-0001", "status": "open",
                    "subject": "<!channel> see <https://evil|here> & more", "channel": "widget",
                    "attachments": [], "participants": [] }),
        );
        let text: Value = serde_json::from_str(&slack(&d)).unwrap();
        assert_eq!(
            text["text"],
            "[acme] New ticket *TKT-0001*: &lt;!channel&gt; see &lt;https://evil|here&gt; &amp; more"
        );
    }

    #[test]
    fn the_standard_body_carries_the_event_with_its_workspace() {
        let d = due(
            "ticket.status_changed",
            json!({ "ticket": "TKT-0001", "status": "waiting" }),
        );
        let body: Value = serde_json::from_str(&standard(&d)).unwrap();
        assert_eq!(body["type"], "ticket.status_changed");
        assert_eq!(body["data"]["status"], "waiting");
        assert_eq!(body["data"]["workspace"], "acme");
        assert_eq!(body["data"]["event_id"], 9);
    }
}

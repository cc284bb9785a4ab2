//! What a delivery posts: a Standard Webhooks JSON body, or a Slack message.

use porthole_types::EventType;
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
    let data: Value = serde_json::from_str(&due.data).unwrap_or_else(|_| json!({}));
    let text = |v: &Value| escape(v.as_str().unwrap_or_default());
    let ticket = text(&data["ticket"]);
    let body = || {
        let full = text(&data["message"]["body"]);
        let short: String = full.chars().take(300).collect();
        if short.len() < full.len() {
            format!("{short}…")
        } else {
            short
        }
    };
    let who = match data["message"]["author_name"].as_str() {
        Some(name) => escape(name),
        None => data["message"]["author"]
            .as_str()
            .unwrap_or("someone")
            .to_owned(),
    };
    let line = match EventType::parse(&due.event_type) {
        Some(EventType::Created) => format!("New ticket *{ticket}*: {}", text(&data["subject"])),
        Some(EventType::Message) => format!("{who} replied on *{ticket}*: {}", body()),
        Some(EventType::Note) => format!("{who} added a note on *{ticket}*: {}", body()),
        Some(EventType::StatusChanged) => format!("*{ticket}* is now {}", text(&data["status"])),
        Some(EventType::Assigned) => match data["assignee"].as_str() {
            Some(a) => format!("*{ticket}* assigned to {}", escape(a)),
            None => format!("*{ticket}* unassigned"),
        },
        _ => format!("*{ticket}* updated"),
    };
    json!({ "text": format!("[{}] {line}", escape(&due.slug)) }).to_string()
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
            json!({ "ticket": "TKT-0001", "subject": "<!channel> see <https://evil|here> & more" }),
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

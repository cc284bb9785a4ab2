//! Which emails an event calls for. Pure, so every rule is unit-tested.

use porthole_types::{Author, Change, Event, Settings, TicketStatus};

use crate::store::{MailEvent, PlannedMail};
use porthole_core::EmailAddress;

/// A widget user may well read an agent's reply in the widget: the email waits this long and
/// goes only if the reply is still unread then.
pub const WIDGET_REPLY_DELAY_MS: i64 = 5 * 60 * 1000;

pub fn plan(event: &MailEvent) -> Vec<PlannedMail> {
    // Every event the store writes reads back; one that does not calls for no email.
    let Ok(what) = serde_json::from_str::<Event>(&event.data) else {
        return Vec::new();
    };
    let settings: Settings = serde_json::from_str(&event.settings).unwrap_or_default();
    let mail = |kind, recipient: &str, due_at| PlannedMail {
        workspace_id: event.workspace_id,
        ticket_id: event.ticket_id,
        kind,
        recipient: recipient.to_owned(),
        message_id: what.message().map(|m| m.id),
        due_at,
    };
    let customer = (!event.unsubscribed).then_some(event.contact_email.as_str());
    // Participants hear of what the customer hears of, at once and with a tracking link:
    // the widget they would read it in may not be theirs.
    let participants = event
        .participants
        .as_deref()
        .unwrap_or_default()
        .split_whitespace();
    let team = team_address(event.assignee.as_deref(), &settings);
    let now = event.created_at;
    let mut mails = Vec::new();
    match &what.change {
        Change::Created(_) => {
            // Asked for by submitting the form: sent even to those who turned notifications off.
            if event.channel == "portal" {
                mails.push(mail("confirmation", &event.contact_email, now));
            }
            // An email that opened a ticket is answered once, pointing to the widget; the
            // queue keeps it to one a day per sender (`store::mail`).
            let invite = settings.email_auto_response && settings.widget_host_url.is_some();
            if event.channel == "email" && invite {
                mails.push(mail("auto_response", &event.contact_email, now));
            }
            mails.extend(team.map(|to| mail("team_new_ticket", &to, now)));
        }
        Change::Message(posted) if posted.message.author == Author::Agent => {
            let due = if event.channel == "widget" {
                now + WIDGET_REPLY_DELAY_MS
            } else {
                now
            };
            mails.extend(customer.map(|to| mail("agent_reply", to, due)));
            mails.extend(participants.map(|to| mail("agent_reply", to, now)));
        }
        Change::Message(_) => {
            mails.extend(team.map(|to| mail("team_customer_reply", &to, now)));
        }
        Change::Escalated(_) => {
            // The team address and every admin, each once.
            let mut to: Vec<String> = settings.notification_email.iter().cloned().collect();
            for admin in event
                .admins
                .as_deref()
                .unwrap_or_default()
                .split_whitespace()
            {
                if !to.iter().any(|t| t == admin) {
                    to.push(admin.to_owned());
                }
            }
            mails.extend(to.iter().map(|to| mail("team_escalated", to, now)));
        }
        Change::StatusChanged(s) if s.status == TicketStatus::Resolved && s.by == Author::Agent => {
            mails.extend(customer.map(|to| mail("resolved", to, now)));
            mails.extend(participants.map(|to| mail("resolved", to, now)));
        }
        _ => {}
    }
    mails
}

/// The ticket's assignee when that is an email address, else the workspace's notification
/// address, if any.
fn team_address(assignee: Option<&str>, settings: &Settings) -> Option<String> {
    assignee
        .and_then(|a| EmailAddress::parse(a).ok())
        .map(|a| a.to_string())
        .or_else(|| settings.notification_email.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use porthole_types::{Channel, Created, Escalated, EscalationReason};
    use porthole_types::{Posted, PostedMessage, StatusChanged};
    use serde_json::Value;

    fn event(change: Change, channel: &str) -> MailEvent {
        let what = Event {
            ticket: "TKT-0007".into(),
            change,
        };
        MailEvent {
            id: 1,
            data: serde_json::to_string(&what).unwrap(),
            workspace_id: 1,
            ticket_id: 7,
            channel: channel.into(),
            assignee: None,
            contact_email: "ada@example.com".into(),
            unsubscribed: false,
            participants: None,
            admins: None,
            settings: serde_json::json!({ "notification_email": "team@acme.test" }).to_string(),
            created_at: 1_000,
        }
    }

    fn created() -> Change {
        Change::Created(Created {
            subject: "Export fails".into(),
            status: TicketStatus::Open,
            channel: Channel::Widget,
            attachments: Vec::new(),
            participants: Vec::new(),
        })
    }

    fn posted(author: Author) -> Posted {
        Posted {
            message: PostedMessage {
                id: 3,
                author,
                author_name: None,
                body: "Thanks".into(),
                attachments: Vec::new(),
            },
        }
    }

    fn message(author: Author) -> Change {
        Change::Message(posted(author))
    }

    fn note() -> Change {
        Change::Note(posted(Author::Agent))
    }

    fn status(status: TicketStatus, by: Author) -> Change {
        Change::StatusChanged(StatusChanged { status, by })
    }

    fn kinds(mails: &[PlannedMail]) -> Vec<(&str, &str, i64)> {
        mails
            .iter()
            .map(|m| (m.kind, m.recipient.as_str(), m.due_at))
            .collect()
    }

    #[test]
    fn a_portal_ticket_is_confirmed_to_the_customer_and_announced_to_the_team() {
        let mails = plan(&event(created(), "portal"));
        assert_eq!(
            kinds(&mails),
            [
                ("confirmation", "ada@example.com", 1_000),
                ("team_new_ticket", "team@acme.test", 1_000)
            ]
        );
        let widget = plan(&event(created(), "widget"));
        assert_eq!(
            kinds(&widget),
            [("team_new_ticket", "team@acme.test", 1_000)]
        );
    }

    #[test]
    fn an_agent_reply_on_a_widget_ticket_waits_five_minutes() {
        let portal = plan(&event(message(Author::Agent), "portal"));
        assert_eq!(kinds(&portal), [("agent_reply", "ada@example.com", 1_000)]);
        assert_eq!(portal[0].message_id, Some(3));
        let widget = plan(&event(message(Author::Agent), "widget"));
        assert_eq!(
            kinds(&widget),
            [("agent_reply", "ada@example.com", 301_000)]
        );
    }

    #[test]
    fn participants_hear_of_agent_replies_and_resolutions_at_once_and_of_nothing_else() {
        let copied = |change| MailEvent {
            participants: Some("bo@example.com cy@example.com".into()),
            ..event(change, "widget")
        };
        assert_eq!(
            kinds(&plan(&copied(message(Author::Agent)))),
            [
                ("agent_reply", "ada@example.com", 301_000),
                ("agent_reply", "bo@example.com", 1_000),
                ("agent_reply", "cy@example.com", 1_000)
            ]
        );
        let resolved = status(TicketStatus::Resolved, Author::Agent);
        assert_eq!(plan(&copied(resolved)).len(), 3);
        let opened = plan(&copied(created()));
        assert!(opened.iter().all(|m| m.kind.starts_with("team_")));
        assert!(plan(&copied(note())).is_empty());
        assert!(plan(&copied(message(Author::User)))
            .iter()
            .all(|m| m.kind.starts_with("team_")));
    }

    #[test]
    fn an_escalation_goes_to_the_team_address_and_each_admin_once() {
        let e = MailEvent {
            admins: Some("ann@acme.test team@acme.test".into()),
            ..event(
                Change::Escalated(Escalated {
                    reason: EscalationReason::Unanswered,
                    after_minutes: 30,
                }),
                "widget",
            )
        };
        assert_eq!(
            kinds(&plan(&e)),
            [
                ("team_escalated", "team@acme.test", 1_000),
                ("team_escalated", "ann@acme.test", 1_000)
            ]
        );
    }

    #[test]
    fn customer_replies_go_to_an_assignee_with_an_address_else_the_team_address() {
        let mut e = event(message(Author::User), "widget");
        assert_eq!(kinds(&plan(&e))[0].1, "team@acme.test");
        e.assignee = Some("Sam@Acme.test".into());
        assert_eq!(kinds(&plan(&e))[0].1, "sam@acme.test");
        e.assignee = Some("sam".into());
        assert_eq!(kinds(&plan(&e))[0].1, "team@acme.test");
        e.settings = "{}".into();
        assert!(plan(&e).is_empty(), "nowhere to send it");
    }

    #[test]
    fn an_unsubscribed_customer_gets_no_notifications_but_still_their_confirmation() {
        let mut e = event(message(Author::Agent), "portal");
        e.unsubscribed = true;
        assert!(plan(&e).is_empty());
        let mut opened = event(created(), "portal");
        opened.unsubscribed = true;
        assert_eq!(kinds(&plan(&opened))[0].0, "confirmation");
        let by_email = |settings: Value| MailEvent {
            settings: settings.to_string(),
            ..event(created(), "email")
        };
        let off = by_email(serde_json::json!({}));
        assert!(kinds(&plan(&off)).iter().all(|k| k.0 != "auto_response"));
        let no_url = by_email(serde_json::json!({ "email_auto_response": true }));
        assert!(
            kinds(&plan(&no_url)).iter().all(|k| k.0 != "auto_response"),
            "nowhere to invite to"
        );
        let on = by_email(
            serde_json::json!({ "email_auto_response": true, "widget_host_url": "https://acme.test/app" }),
        );
        assert!(kinds(&plan(&on)).iter().any(|k| k.0 == "auto_response"));
    }

    #[test]
    fn only_a_resolution_by_an_agent_is_emailed_and_notes_never_are() {
        let by_agent = status(TicketStatus::Resolved, Author::Agent);
        let by_user = status(TicketStatus::Resolved, Author::User);
        let waiting = status(TicketStatus::Waiting, Author::Agent);
        assert_eq!(kinds(&plan(&event(by_agent, "widget")))[0].0, "resolved");
        assert!(plan(&event(by_user, "widget")).is_empty());
        assert!(plan(&event(waiting, "widget")).is_empty());
        assert!(plan(&event(note(), "portal")).is_empty());
    }
}

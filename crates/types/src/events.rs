//! What can happen to a ticket, and what each kind of event carries. Each name is written here
//! once: the outbox, the event streams, webhooks (and the types an endpoint may choose), the
//! mail planner and the console all use this list. The store writes an [`Event`] and the mail
//! planner and Slack text read one back, so a field is named once too, and a payload that is
//! not its type's does not read.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::{Attachment, Author, Channel, Priority, TicketStatus};

/// The `type` of an event, as streams and webhooks carry it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventType {
    Created,
    Message,
    Note,
    StatusChanged,
    Assigned,
    Updated,
    Rated,
    ParticipantAdded,
    ParticipantRemoved,
    Escalated,
}

impl EventType {
    pub const ALL: [EventType; 10] = [
        EventType::Created,
        EventType::Message,
        EventType::Note,
        EventType::StatusChanged,
        EventType::Assigned,
        EventType::Updated,
        EventType::Rated,
        EventType::ParticipantAdded,
        EventType::ParticipantRemoved,
        EventType::Escalated,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Created => "ticket.created",
            EventType::Message => "ticket.message",
            EventType::Note => "ticket.note",
            EventType::StatusChanged => "ticket.status_changed",
            EventType::Assigned => "ticket.assigned",
            EventType::Updated => "ticket.updated",
            EventType::Rated => "ticket.rated",
            EventType::ParticipantAdded => "ticket.participant_added",
            EventType::ParticipantRemoved => "ticket.participant_removed",
            EventType::Escalated => "ticket.escalated",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == name)
    }
}

/// A change to a ticket as the outbox keeps it, and as streams and webhooks carry it: JSON with
/// `type` (the [`EventType`]'s name), `ticket` (the reference) and what the type carries.
/// Written by the store in the transaction that makes the change, read by the mail planner and
/// the webhooks' Slack text.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub ticket: String,
    pub change: Change,
}

/// What happened, with what each type carries. Each variant is one [`EventType`], whose name
/// is the only place the type is written.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Change {
    Created(Created),
    Message(Posted),
    Note(Posted),
    StatusChanged(StatusChanged),
    Assigned(Assigned),
    Updated(Updated),
    Rated(Rated),
    ParticipantAdded(Copied),
    ParticipantRemoved(Copied),
    Escalated(Escalated),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Created {
    pub subject: String,
    pub status: TicketStatus,
    pub channel: Channel,
    pub attachments: Vec<Attachment>,
    /// Those copied on it as it was opened.
    pub participants: Vec<String>,
}

/// A public message (`ticket.message`) or an internal note (`ticket.note`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Posted {
    pub message: PostedMessage,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PostedMessage {
    pub id: i64,
    pub author: Author,
    pub author_name: Option<String>,
    pub body: String,
    pub attachments: Vec<Attachment>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatusChanged {
    pub status: TicketStatus,
    /// The customer (reopening by a reply, solving it themselves) or the team.
    pub by: Author,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assigned {
    /// `None`: unassigned.
    pub assignee: Option<String>,
    /// Set when no person chose: a new ticket given to the next agent in turn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<AssignedBy>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssignedBy {
    RoundRobin,
}

/// A change of priority, resolution or category. `priority` and `resolution` are always
/// there (`null` when unchanged); `category` only when it changed, `null` when cleared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Updated {
    pub priority: Option<Priority>,
    pub resolution: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub category: Option<Option<String>>,
}

/// A field that is there, even as `null`, is `Some`; `default` makes an absent one `None`.
fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Option<String>>, D::Error> {
    Option::deserialize(d).map(Some)
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rated {
    pub rating: EventRating,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRating {
    pub score: i64,
    pub comment: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
/// Someone copied on the ticket (`ticket.participant_added`) or no longer (`…_removed`).
pub struct Copied {
    pub participant: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Escalated {
    pub reason: EscalationReason,
    pub after_minutes: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EscalationReason {
    Unassigned,
    Unanswered,
}

impl Change {
    pub fn kind(&self) -> EventType {
        match self {
            Change::Created(_) => EventType::Created,
            Change::Message(_) => EventType::Message,
            Change::Note(_) => EventType::Note,
            Change::StatusChanged(_) => EventType::StatusChanged,
            Change::Assigned(_) => EventType::Assigned,
            Change::Updated(_) => EventType::Updated,
            Change::Rated(_) => EventType::Rated,
            Change::ParticipantAdded(_) => EventType::ParticipantAdded,
            Change::ParticipantRemoved(_) => EventType::ParticipantRemoved,
            Change::Escalated(_) => EventType::Escalated,
        }
    }

    /// What `kind` carries, read from the event's JSON object.
    fn read(kind: EventType, data: Value) -> serde_json::Result<Self> {
        use serde_json::from_value as take;
        Ok(match kind {
            EventType::Created => Change::Created(take(data)?),
            EventType::Message => Change::Message(take(data)?),
            EventType::Note => Change::Note(take(data)?),
            EventType::StatusChanged => Change::StatusChanged(take(data)?),
            EventType::Assigned => Change::Assigned(take(data)?),
            EventType::Updated => Change::Updated(take(data)?),
            EventType::Rated => Change::Rated(take(data)?),
            EventType::ParticipantAdded => Change::ParticipantAdded(take(data)?),
            EventType::ParticipantRemoved => Change::ParticipantRemoved(take(data)?),
            EventType::Escalated => Change::Escalated(take(data)?),
        })
    }
}

impl Event {
    pub fn kind(&self) -> EventType {
        self.change.kind()
    }

    /// Whether the ticket's customer (and those copied on it) hear of it. Notes, assignments,
    /// priorities, ratings and participants are the team's business.
    pub fn public(&self) -> bool {
        matches!(
            self.change,
            Change::Created(_) | Change::Message(_) | Change::StatusChanged(_)
        )
    }

    /// The message it posted, if it posted one.
    pub fn message(&self) -> Option<&PostedMessage> {
        match &self.change {
            Change::Message(p) | Change::Note(p) => Some(&p.message),
            _ => None,
        }
    }
}

impl Serialize for Event {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire<'a> {
            #[serde(rename = "type")]
            kind: &'static str,
            ticket: &'a str,
            #[serde(flatten)]
            change: &'a Change,
        }
        Wire {
            kind: self.kind().as_str(),
            ticket: &self.ticket,
            change: &self.change,
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let mut data = Value::deserialize(d)?;
        let field = |data: &mut Value, name: &'static str| match data.get_mut(name).map(Value::take)
        {
            Some(Value::String(s)) => Ok(s),
            _ => Err(D::Error::missing_field(name)),
        };
        let kind = field(&mut data, "type")?;
        let kind = EventType::parse(&kind)
            .ok_or_else(|| D::Error::unknown_variant(&kind, &["ticket.*"]))?;
        let ticket = field(&mut data, "ticket")?;
        let change = Change::read(kind, data).map_err(D::Error::custom)?;
        Ok(Event { ticket, change })
    }
}

#[cfg(feature = "openapi")]
mod schema {
    use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
    use utoipa::openapi::RefOr;

    use super::EventType;

    impl utoipa::PartialSchema for EventType {
        fn schema() -> RefOr<Schema> {
            ObjectBuilder::new()
                .schema_type(Type::String)
                .description(Some("The event types a webhook endpoint may choose."))
                .enum_values(Some(EventType::ALL.map(EventType::as_str)))
                .into()
        }
    }

    impl utoipa::ToSchema for EventType {}
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn posted(author: Author) -> Posted {
        Posted {
            message: PostedMessage {
                id: 3,
                author,
                author_name: Some("Ann".into()),
                body: "Try again".into(),
                attachments: Vec::new(),
            },
        }
    }

    /// One change of each type, as the store writes them.
    fn one_of_each() -> Vec<Change> {
        let updated = |category| {
            Change::Updated(Updated {
                priority: Some(Priority::High),
                resolution: None,
                category,
            })
        };
        vec![
            Change::Created(Created {
                subject: "Export fails".into(),
                status: TicketStatus::Open,
                channel: Channel::Email,
                attachments: vec![Attachment {
                    id: "ab".repeat(16),
                    name: "log.txt".into(),
                    content_type: "text/plain".into(),
                    size: 12,
                }],
                participants: vec!["bo@example.com".into()],
            }),
            Change::Message(posted(Author::User)),
            Change::Note(posted(Author::Agent)),
            Change::StatusChanged(StatusChanged {
                status: TicketStatus::Resolved,
                by: Author::Agent,
            }),
            Change::Assigned(Assigned {
                assignee: Some("ann@acme.test".into()),
                by: Some(AssignedBy::RoundRobin),
            }),
            Change::Assigned(Assigned {
                assignee: None,
                by: None,
            }),
            updated(None),
            updated(Some(None)),
            updated(Some(Some("Billing".into()))),
            Change::Rated(Rated {
                rating: EventRating {
                    score: 5,
                    comment: None,
                },
            }),
            Change::ParticipantAdded(Copied {
                participant: "bo@example.com".into(),
            }),
            Change::ParticipantRemoved(Copied {
                participant: "bo@example.com".into(),
            }),
            Change::Escalated(Escalated {
                reason: EscalationReason::Unanswered,
                after_minutes: 30,
            }),
        ]
    }

    #[test]
    fn every_change_reads_back_as_it_was_written() {
        let changes = one_of_each();
        let mut kinds: Vec<_> = changes.iter().map(Change::kind).collect();
        kinds.dedup();
        assert_eq!(kinds, EventType::ALL, "one change of each type, in order");
        for change in changes {
            let event = Event {
                ticket: "TKT-0042".into(),
                change,
            };
            let text = serde_json::to_string(&event).unwrap();
            let read: Event = serde_json::from_str(&text).unwrap();
            assert_eq!(read, event, "{text}");
            let value: Value = serde_json::from_str(&text).unwrap();
            assert_eq!(value["type"], event.kind().as_str());
            assert_eq!(value["ticket"], "TKT-0042");
        }
    }

    #[test]
    fn events_keep_the_json_that_streams_and_webhooks_carried_before_they_were_typed() {
        let wire = |change| {
            let event = Event {
                ticket: "TKT-0042".into(),
                change,
            };
            serde_json::to_value(&event).unwrap()
        };
        assert_eq!(
            wire(Change::Message(posted(Author::Agent))),
            json!({ "type": "ticket.message", "ticket": "TKT-0042", "message": {
                "id": 3, "author": "agent", "author_name": "Ann", "body": "Try again",
                "attachments": [] } })
        );
        let updated = |category| {
            wire(Change::Updated(Updated {
                priority: None,
                resolution: Some("Fixed".into()),
                category,
            }))
        };
        assert_eq!(
            updated(None),
            json!({ "type": "ticket.updated", "ticket": "TKT-0042", "priority": null,
                    "resolution": "Fixed" }),
            "a category left alone is not there"
        );
        assert_eq!(updated(Some(None))["category"], Value::Null);
        assert!(
            updated(Some(None)).get("category").is_some(),
            "a cleared one is null"
        );
        assert_eq!(
            wire(Change::Assigned(Assigned {
                assignee: None,
                by: None
            })),
            json!({ "type": "ticket.assigned", "ticket": "TKT-0042", "assignee": null })
        );
    }

    #[test]
    fn an_event_whose_data_is_not_its_types_is_refused() {
        let read = |v: Value| serde_json::from_value::<Event>(v).is_ok();
        assert!(!read(
            json!({ "type": "ticket.message", "ticket": "TKT-1", "status": "open" })
        ));
        assert!(!read(
            json!({ "type": "ticket.deleted", "ticket": "TKT-1" })
        ));
        assert!(!read(json!({ "ticket": "TKT-1", "participant": "a@b.c" })));
        assert!(read(
            json!({ "type": "ticket.participant_added", "ticket": "TKT-1", "participant": "a@b.c" })
        ));
    }

    #[test]
    fn every_type_reads_back_from_its_name_and_no_name_is_shared() {
        for t in EventType::ALL {
            assert_eq!(EventType::parse(t.as_str()), Some(t));
        }
        let mut names = EventType::ALL.map(EventType::as_str);
        names.sort_unstable();
        names.windows(2).for_each(|w| assert_ne!(w[0], w[1]));
        assert_eq!(EventType::parse("ticket.deleted"), None);
    }
}

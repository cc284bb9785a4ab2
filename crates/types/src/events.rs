//! What can happen to a ticket. Each name is written here once: the outbox, the event streams,
//! webhooks (and the types an endpoint may choose), the mail planner and the console all use
//! this list.

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
    use super::EventType;

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

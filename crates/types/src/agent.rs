//! The agent API, authenticated by a workspace API key.

use serde::{Deserialize, Serialize};

use crate::{Author, Channel, Priority, TicketStatus, TicketType};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    pub email: String,
    pub name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgentMessage {
    pub id: i64,
    pub author: Author,
    pub author_name: Option<String>,
    pub body: String,
    /// Internal notes are visible to agents only.
    pub internal: bool,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgentTicketSummary {
    pub reference: String,
    pub subject: String,
    pub status: TicketStatus,
    pub priority: Priority,
    #[serde(rename = "type")]
    pub ticket_type: Option<TicketType>,
    pub channel: Channel,
    pub assignee: Option<String>,
    pub contact: Contact,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgentTicketList {
    pub tickets: Vec<AgentTicketSummary>,
    /// Tickets matching the filter, across all pages.
    pub total: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgentTicket {
    #[serde(flatten)]
    pub summary: AgentTicketSummary,
    pub description: Option<String>,
    /// What was done, shown to the user once the ticket is resolved.
    pub resolution: Option<String>,
    pub messages: Vec<AgentMessage>,
}

/// `POST /api/v1/agent/tickets/{reference}/messages`
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgentCreateMessage {
    pub body: String,
    #[serde(default)]
    pub internal: bool,
    /// Shown to the user beside a public reply; defaults to the API key's name.
    #[serde(default)]
    pub author_name: Option<String>,
    /// Set the status in the same step, as "reply and mark Waiting" does in most help desks.
    #[serde(default)]
    pub status: Option<TicketStatus>,
}

/// `PATCH /api/v1/agent/tickets/{reference}`. Absent fields are left alone; `null` clears
/// `assignee` or `resolution`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TicketPatch {
    #[serde(default)]
    pub status: Option<TicketStatus>,
    #[serde(default)]
    pub priority: Option<Priority>,
    #[serde(
        default,
        with = "double_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub assignee: Option<Option<String>>,
    #[serde(
        default,
        with = "double_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub resolution: Option<Option<String>>,
}

/// Tells a missing field (`None`) from an explicit `null` (`Some(None)`).
mod double_option {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(v: &Option<Option<String>>, s: S) -> Result<S::Ok, S::Error> {
        v.as_ref().map(Option::as_deref).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Option<String>>, D::Error> {
        Option::<String>::deserialize(d).map(Some)
    }
}

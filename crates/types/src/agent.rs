//! The agent API, authenticated by a workspace API key.

use serde::{Deserialize, Serialize};

use crate::{Author, Channel, Priority, TicketStatus, TicketType};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Contact {
    pub email: String,
    pub name: Option<String>,
    /// What the host said about the user at `init`.
    pub metadata: Option<crate::Metadata>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgentMessage {
    pub id: i64,
    pub author: Author,
    pub author_name: Option<String>,
    /// The picture of the agent who wrote it in the console (a path on this server).
    pub author_avatar: Option<String>,
    /// As written: a customer's plain text, an agent's Markdown.
    pub body: String,
    /// The body as readers see it: a customer's text escaped with its web links made links,
    /// an agent's Markdown rendered and sanitised.
    pub html: String,
    /// Internal notes are visible to agents only.
    pub internal: bool,
    pub created_at: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<crate::Attachment>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgentTicketSummary {
    pub reference: String,
    pub subject: String,
    pub status: TicketStatus,
    pub priority: Priority,
    #[serde(rename = "type")]
    pub ticket_type: Option<TicketType>,
    pub category: Option<String>,
    pub channel: Channel,
    pub assignee: Option<String>,
    /// How the customer sounded when they opened it: VADER's compound score of the subject and
    /// description, -1 (most negative) to 1; below -0.05 reads as negative. A lexicon's
    /// reading of words, not an understanding of them. Absent for tickets opened before.
    #[serde(default)]
    pub sentiment: Option<f64>,
    pub contact: Contact,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgentTicketList {
    pub tickets: Vec<AgentTicketSummary>,
    /// Tickets matching the filter, across all pages, counted up to 1,000: past that,
    /// `total_capped` is true and `total` is 1,000.
    pub total: i64,
    #[serde(default)]
    pub total_capped: bool,
    /// Pass as `cursor` for the next page (not with `q`); absent on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgentTicket {
    #[serde(flatten)]
    pub summary: AgentTicketSummary,
    pub description: Option<String>,
    /// What was done, shown to the user once the ticket is resolved.
    pub resolution: Option<String>,
    /// The customer's latest satisfaction rating, if they gave one.
    pub rating: Option<TicketRating>,
    /// People copied on the ticket: they read it, reply and are notified like the customer.
    pub participants: Vec<Participant>,
    pub messages: Vec<AgentMessage>,
    /// Emails about this ticket that have not reached their recipient (at most 20, newest
    /// first): given up on, or retried after a failed attempt.
    #[serde(default)]
    pub undelivered_emails: Vec<UndeliveredEmail>,
}

/// Someone copied on a ticket.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Participant {
    pub email: String,
    pub name: Option<String>,
    /// Who copied them: `agent`, `user` (the host named them when the ticket was opened) or
    /// `email` (they were in the Cc of the email that opened it).
    pub added_by: String,
    pub added_at: String,
}

/// `GET /api/v1/agent/reports/tickets`: the team's throughput and speed over a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketsReport {
    /// Every day of the period (UTC), oldest first, with none left out.
    pub days: Vec<DayCounts>,
    /// From a ticket's opening to the first public reply of an agent, for tickets opened in
    /// the period that have one.
    pub first_response: Durations,
    /// From a ticket's opening to its resolution, for tickets resolved in the period.
    pub resolution: Durations,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DayCounts {
    /// `YYYY-MM-DD`
    pub date: String,
    pub opened: i64,
    pub resolved: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Durations {
    pub count: i64,
    /// Seconds; absent when `count` is 0.
    pub median_secs: Option<i64>,
    pub p90_secs: Option<i64>,
}

/// `POST /api/v1/agent/tickets/{reference}/presence`: this agent has the ticket open.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Presence {
    /// Writing in the reply box.
    #[serde(default)]
    pub replying: bool,
}

/// The other agents with the ticket open in the last 30 seconds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Colleagues {
    pub others: Vec<Colleague>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Colleague {
    pub name: String,
    pub replying: bool,
}

/// An agent of the workspace, as `GET /api/v1/agent/me` and `GET /api/v1/agent/agents` show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgentInfo {
    pub email: String,
    pub name: String,
    /// `admin` or `agent`.
    pub role: String,
    /// Taken into round-robin assignment.
    pub available: bool,
    /// Signs in with a code from an authenticator app as well.
    pub two_step: bool,
    /// Accepted the invitation.
    pub active: bool,
    /// Their picture, shown to customers beside their replies (a path on this server).
    pub avatar_url: Option<String>,
    /// The console's language they chose; absent, their browser's.
    #[serde(default)]
    pub locale: Option<crate::Locale>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgentInfoList {
    pub agents: Vec<AgentInfo>,
}

/// `POST /api/v1/agent/agents`: invite someone to the console.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct InviteAgent {
    #[cfg_attr(feature = "openapi", schema(value_type = crate::schema::Email))]
    pub email: String,
    /// Shown to customers beside their replies; the email's name part by default.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<crate::schema::Line>))]
    pub name: Option<String>,
    /// `agent` (default) or `admin`.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<crate::schema::Role>))]
    pub role: Option<String>,
}

/// An invitation made: the link (valid 7 days, once), and whether it was emailed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Invited {
    pub agent: AgentInfo,
    pub invitation_url: String,
    /// Sent to the agent's address; false when email is off or the server refused it, and
    /// the link must be given to them another way.
    pub emailed: bool,
}

/// `PATCH /api/v1/agent/agents/{email}`
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ChangeAgent {
    /// `agent` or `admin`.
    #[cfg_attr(feature = "openapi", schema(value_type = crate::schema::Role))]
    pub role: String,
}

/// An API key as listed: never the key itself, only its first characters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiKeyView {
    pub id: i64,
    pub name: String,
    /// `admin` or `agent`.
    pub role: String,
    /// The key's first characters, to tell keys apart.
    pub hint: String,
    pub created_at: String,
    /// When the key was last used, to the minute: a use within a minute of the one recorded
    /// is not recorded again.
    pub last_used_at: Option<String>,
    pub revoked_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiKeyList {
    pub keys: Vec<ApiKeyView>,
}

/// `POST /api/v1/agent/keys`
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewApiKey {
    /// Whose key this is; it signs replies made with it.
    #[cfg_attr(feature = "openapi", schema(value_type = crate::schema::Line))]
    pub name: String,
    /// `agent` (default) or `admin`.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<crate::schema::Role>))]
    pub role: Option<String>,
}

/// A new key, shown this once; only its hash is kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreatedApiKey {
    pub key: String,
    pub name: String,
    pub role: String,
}

/// `PATCH /api/v1/agent/me`
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ChangeMe {
    #[serde(default)]
    pub available: Option<bool>,
    /// The name customers see beside the agent's replies from now on.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<crate::schema::Line>))]
    pub name: Option<String>,
    /// The language the console speaks to them: `en`, `fr`, `de` or `es`; `null` for their
    /// browser's again.
    #[serde(
        default,
        with = "double_option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<crate::Locale>, nullable))]
    pub locale: Option<Option<crate::Locale>>,
}

/// `PUT /api/v1/agent/me/avatar`: take an uploaded image as the agent's picture.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SetAvatar {
    /// The id `POST /api/v1/agent/uploads` gave: a JPEG, PNG, GIF or WebP image of at most
    /// 1 MB.
    pub upload: String,
}

/// `GET /api/v1/agent/tickets/{reference}/participants`, and the answer to changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ParticipantList {
    pub participants: Vec<Participant>,
}

/// `POST /api/v1/agent/tickets/{reference}/participants`
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AddParticipant {
    #[cfg_attr(feature = "openapi", schema(value_type = crate::schema::Email))]
    pub email: String,
}

/// A customer's rating of a resolution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketRating {
    /// 1 (poor) to 5 (excellent).
    pub score: i64,
    pub comment: Option<String>,
    pub created_at: String,
}

/// `GET /api/v1/agent/email`: how email works for the workspace. Sending and replies by email
/// are the server's (`--smtp-url`, `--mail-from`, `--inbound-address`); tickets by email need
/// the workspace's inbound secret at the provider.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmailSetup {
    /// Whether Porthole sends email at all.
    pub sending: bool,
    /// The address emails come from, when sending.
    pub from: Option<String>,
    /// Whether customers can answer by replying to an email.
    pub replies_by_email: bool,
    /// Where the mail provider posts raw inbound messages for this workspace.
    pub inbound_url: String,
    /// Whether the workspace has an inbound secret, without which nothing is taken in.
    pub inbound_secret_set: bool,
    /// Emails that did not reach their recipient, newest first (at most 20): those still
    /// retried after a failed attempt, and those given up on in the last 30 days.
    #[serde(default)]
    pub undelivered: Vec<UndeliveredEmail>,
}

/// An email the SMTP server did not accept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UndeliveredEmail {
    /// The ticket it was about, such as `TKT-0042`.
    pub ticket: String,
    pub recipient: String,
    /// What it was: `agent_reply`, `resolved`, `team_new_ticket`…
    pub kind: String,
    /// What the SMTP server (or the connection to it) said, such as
    /// `permanent error (550): mailbox unavailable`.
    pub reason: String,
    pub attempts: i64,
    /// When it is tried again; absent once given up on.
    pub next_attempt_at: Option<String>,
    /// When it was given up on: at once for a permanent refusal (5xx), after about a day of
    /// retries otherwise.
    pub given_up_at: Option<String>,
}

/// A new inbound secret, shown this once; the one before it stops working.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InboundSecret {
    pub secret: String,
}

/// `GET /api/v1/agent/categories`: what tickets may be filed under.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CategoryList {
    pub categories: Vec<String>,
}

/// `POST /api/v1/agent/preview`: a reply or note not yet sent.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PreviewRequest {
    /// Markdown, as for a message's `body`; blank gives an empty preview.
    #[cfg_attr(feature = "openapi", schema(value_type = crate::schema::OptionalText))]
    pub body: String,
}

/// How a reply or note will read once sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MarkdownPreview {
    pub html: String,
}

/// `POST /api/v1/agent/tickets/{reference}/messages`
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AgentCreateMessage {
    /// Markdown (CommonMark with tables and strikethrough; a single line break stays one).
    /// Raw HTML and images are taken out.
    #[cfg_attr(feature = "openapi", schema(value_type = crate::schema::Text))]
    pub body: String,
    #[serde(default)]
    pub internal: bool,
    /// Shown to the user beside a public reply; defaults to the API key's name.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<crate::schema::OptionalLine>))]
    pub author_name: Option<String>,
    /// Set the status in the same step, as "reply and mark Waiting" does in most help desks.
    #[serde(default)]
    pub status: Option<TicketStatus>,
    /// Ids of files uploaded with `POST /api/v1/agent/uploads`, at most 5.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<String>,
}

/// `PATCH /api/v1/agent/tickets/{reference}`. Absent fields are left alone; `null` clears
/// `assignee` or `resolution`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
    #[cfg_attr(feature = "openapi", schema(value_type = Option<crate::schema::OptionalLine>))]
    pub assignee: Option<Option<String>>,
    #[serde(
        default,
        with = "double_option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<crate::schema::OptionalText>))]
    pub resolution: Option<Option<String>>,
    /// One of the workspace's categories, or `null` (or blank) for none.
    #[serde(
        default,
        with = "double_option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<crate::schema::OptionalLine>))]
    pub category: Option<Option<String>>,
}

/// Tells a missing field (`None`) from an explicit `null` (`Some(None)`).
mod double_option {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<T: Serialize, S: Serializer>(
        v: &Option<Option<T>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        v.as_ref().and_then(Option::as_ref).serialize(s)
    }

    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Option<T>>, D::Error> {
        Option::<T>::deserialize(d).map(Some)
    }
}

/// `GET`/`PUT /api/v1/agent/origins`: the origins allowed to embed the workspace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OriginList {
    /// At least one, at most 50.
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 50, value_type = Vec<crate::schema::OriginText>))]
    pub origins: Vec<String>,
}

/// `GET /api/v1/agent/secret`: when the secret was made, never the secret itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SecretInfo {
    pub created_at: String,
    /// While a rotation's grace period lasts, the previous secret still verifies until then.
    pub previous_verifies_until: Option<String>,
}

/// `POST /api/v1/agent/secret/rotate`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RotateSecret {
    /// How long the previous secret keeps verifying. Default 24.
    #[serde(default, deserialize_with = "crate::whole::option")]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 720))]
    pub grace_hours: Option<i64>,
}

/// The new secret, shown this once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RotatedSecret {
    pub secret: String,
    #[serde(flatten)]
    pub info: SecretInfo,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FaqClicks {
    pub question: String,
    pub clicks: i64,
}

/// An endpoint as listed: never its secret.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WebhookInfo {
    pub id: i64,
    pub url: String,
    /// `standard` (signed JSON) or `slack`.
    pub kind: String,
    /// The event types it hears of; empty means all.
    pub events: Vec<String>,
    pub created_at: i64,
    pub disabled_at: Option<i64>,
    pub disabled_reason: Option<String>,
}

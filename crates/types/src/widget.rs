//! The end-user (widget) API: a verified identity is exchanged for a session, which then reads
//! and writes only that user's tickets.

use serde::{Deserialize, Serialize};

use crate::{Author, TicketStatus, TicketType};

/// `POST /api/v1/widget/{workspace}/session`. Sent with the previous session's bearer token,
/// it returns that session unchanged when it is this user's, and otherwise revokes it first.
///
/// Other fields are ignored rather than refused: the loader passes `init`'s `user` object on
/// as the host wrote it, and hosts keep more about a user than Porthole reads.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateSession {
    #[cfg_attr(feature = "openapi", schema(value_type = crate::schema::Email))]
    pub email: String,
    #[serde(default)]
    pub name: Option<String>,
    /// Lowercase hex HMAC-SHA256 of `email`, or of `email + ":" + timestamp`; with
    /// `participants`, of that, a line feed, `participants:` and the addresses joined by commas.
    #[serde(alias = "verificationHash")]
    pub verification_hash: String,
    /// Unix milliseconds, when the hash is timestamped.
    #[serde(default, deserialize_with = "crate::whole::option")]
    pub timestamp: Option<i64>,
    /// `init`'s `locale`, if the host chose one.
    #[serde(default)]
    pub locale: Option<String>,
    /// The browser's languages, best first, for when the host did not choose.
    #[serde(default)]
    pub languages: Option<Vec<String>>,
    /// `init`'s `metadata`: checked separately, so bad metadata warns without blocking.
    #[serde(default)]
    pub metadata: Option<serde_json::Value>,
    /// `init`'s `showToggleButton`; absent means the workspace's setting applies.
    #[serde(default)]
    pub show_toggle_button: Option<bool>,
    /// People to copy on the tickets this user opens, taken only when the hash covers them.
    #[serde(default)]
    pub participants: Option<Vec<String>>,
}

/// How the loader draws the launcher, decided by the workspace's settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Launcher {
    /// Whether the button is drawn; the panel can be opened from code either way.
    pub show: bool,
    /// The shadow root's stylesheet: position, brand colour, panel size.
    pub css: String,
    pub label: String,
    /// The label with `{n}` unread replies.
    pub unread_label: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Session {
    /// Bearer token. Returned once, on creation; the server keeps only its hash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    /// The normalised address (trimmed, ASCII letters lowercased) that owns the tickets.
    pub email: String,
    pub name: Option<String>,
    pub expires_at: String,
    /// Seconds until `expires_at`, for a cookie's `Max-Age` without date arithmetic.
    pub expires_in: i64,
    /// How many of the user's tickets have an agent reply they have not opened yet.
    pub unread: i64,
    pub locale: crate::Locale,
    /// Absent when the widget is not offered to this user (visibility by revenue).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub launcher: Option<Launcher>,
    /// Problems that did not stop the session, such as rejected metadata.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<crate::ErrorDetail>,
}

/// `POST /api/v1/widget/{workspace}/tickets`
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CreateTicket {
    #[cfg_attr(feature = "openapi", schema(value_type = crate::schema::Line))]
    pub subject: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<crate::schema::OptionalText>))]
    pub description: Option<String>,
    #[serde(default, rename = "type")]
    pub ticket_type: Option<TicketType>,
    /// One of the workspace's categories.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<crate::schema::OptionalLine>))]
    pub category: Option<String>,
    /// Ids of files uploaded for this ticket (`POST .../uploads`), at most 3.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<String>,
    /// Whom to copy: some of the participants the host signed for when the session began.
    /// Absent, all of them are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participants: Option<Vec<String>>,
}

/// `POST .../tickets/{reference}/messages`
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CreateMessage {
    /// May be empty when files are attached.
    pub body: String,
    /// Ids of files uploaded for this reply (`POST .../uploads`), at most 3.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<String>,
}

/// A file attached to a message. Its bytes are served only to the ticket's owner and the
/// workspace's agents, always as a download.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Attachment {
    /// 128 random bits, hex.
    pub id: String,
    /// The uploader's file name, made safe, with an extension that matches the content.
    pub name: String,
    /// What the content is, judged by its bytes.
    pub content_type: String,
    pub size: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketSummary {
    pub reference: String,
    pub subject: String,
    pub status: TicketStatus,
    /// The last public message, shortened for a list row.
    pub preview: Option<String>,
    pub updated_at: String,
    /// An agent replied since the user last opened this ticket.
    pub unread: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketList {
    pub tickets: Vec<TicketSummary>,
    /// Pass as `?cursor=` for the next page; absent on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Message {
    pub id: i64,
    pub author: Author,
    pub author_name: Option<String>,
    /// The picture of the agent who wrote it, if they have one (a path on this server).
    pub author_avatar: Option<String>,
    pub body: String,
    /// `body` as HTML, for display: a customer's text escaped with its web links made links,
    /// an agent's Markdown rendered and sanitised.
    pub html: String,
    pub created_at: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
}

/// One ticket as its owner sees it: the public conversation only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Ticket {
    pub reference: String,
    pub subject: String,
    pub status: TicketStatus,
    #[serde(rename = "type")]
    pub ticket_type: Option<TicketType>,
    pub category: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    /// What was done, once the ticket is resolved.
    pub resolution: Option<String>,
    pub messages: Vec<Message>,
    /// Resolved, and this resolution not rated yet: the user may rate it.
    #[serde(default)]
    pub awaiting_rating: bool,
}

/// `POST /api/v1/widget/{workspace}/faqs/clicks`: the user opened an FAQ.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct FaqClick {
    pub question: String,
}

/// A rating as the team sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Rating {
    /// 1 (poor) to 5 (excellent).
    pub score: i64,
    pub comment: Option<String>,
    /// Where it was given: widget, portal or embed.
    pub channel: String,
    pub created_at: i64,
}

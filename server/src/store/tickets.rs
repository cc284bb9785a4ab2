use porthole_types::{
    AgentMessage, AgentTicket, AgentTicketSummary, Attachment, Author, Channel, Contact, Message,
    Posted, PostedMessage, Priority, Ticket, TicketStatus, TicketSummary, TicketType,
};
use rusqlite::OptionalExtension;
use sqlx::{QueryBuilder, Sqlite};

use super::participants::{self, Reach};
use super::StoreResult;
use super::{attachments, mail, ratings};
use super::{avatar_path, decode, Store, UndeliveredMail};
use crate::clock::rfc3339;
use porthole_core::CoreError;
use porthole_core::{markdown, TicketRef};

pub use porthole_core::tickets::UserScope;

#[derive(Debug, Clone, Default)]
pub struct AgentFilter {
    pub status: Option<TicketStatus>,
    pub category: Option<String>,
    pub priority: Option<Priority>,
    pub assignee: Option<String>,
    /// Only tickets nobody is assigned.
    pub unassigned: bool,
    /// Most negative first (paged by offset), instead of most recently updated.
    pub by_sentiment: bool,
    pub email: Option<String>,
    pub text: Option<String>,
    pub limit: i64,
    pub offset: i64,
    /// Where the previous page ended, in the list's order (updated_at, id); not with `text`.
    pub after: Option<PageCursor>,
}

/// A page of the agent list: its tickets, the count (capped), and where it ended.
pub struct AgentPage {
    pub tickets: Vec<AgentTicketSummary>,
    pub total: i64,
    pub total_capped: bool,
    pub next: Option<PageCursor>,
}

/// Counting stops here: past it, a number tells an agent nothing, and counting a million
/// tickets on every page would cost more than the page.
pub const COUNT_CAP: i64 = 1_000;

/// A search ranks at most this many of the newest matching texts (subjects and messages):
/// enough for every page `offset` reaches, and a cost that does not grow with the data.
const RANKED_TEXTS: i64 = 5_000;

/// Where a page of tickets ends: its last ticket's time in the list's order (visible activity
/// for a user's list, last update for the agent list) and its id. Sent to clients as
/// `time.id`, opaque to them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageCursor {
    pub activity: i64,
    pub id: i64,
}

impl PageCursor {
    pub fn parse(raw: &str) -> Option<Self> {
        let (activity, id) = raw.split_once('.')?;
        Some(Self {
            activity: activity.parse().ok()?,
            id: id.parse().ok()?,
        })
    }
}

impl std::fmt::Display for PageCursor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.activity, self.id)
    }
}

const PREVIEW_CHARS: usize = 140;

/// The start of a message on one line, whitespace folded, cut short with "…". It reads only
/// as far as it shows: lists call it for every ticket.
fn preview(body: &str) -> String {
    let mut flat = String::with_capacity(PREVIEW_CHARS + 8);
    let mut chars = 0;
    for word in body.split_whitespace() {
        if chars > PREVIEW_CHARS {
            break;
        }
        if chars > 0 {
            flat.push(' ');
            chars += 1;
        }
        flat.push_str(word);
        chars += word.chars().count();
    }
    if chars <= PREVIEW_CHARS {
        return flat;
    }
    let cut: String = flat.chars().take(PREVIEW_CHARS - 1).collect();
    format!("{}…", cut.trim_end())
}

struct MessageRow {
    id: i64,
    author: String,
    author_name: Option<String>,
    avatar: Option<String>,
    body: String,
    /// As rendered when it was written; `None` for messages older than that.
    html: Option<String>,
    internal: bool,
    created_at: i64,
}

impl MessageRow {
    /// The message as its readers see it: rendered when written, or now for an older one.
    fn html(&mut self, author: Author) -> String {
        self.html
            .take()
            .unwrap_or_else(|| markdown::message_html(author, &self.body))
    }
}

struct UserTicketRow {
    number: i64,
    subject: String,
    status: String,
    kind: Option<String>,
    category: Option<String>,
    resolution: Option<String>,
    created_at: i64,
    public_activity_at: i64,
}

struct SummaryRow {
    id: i64,
    number: i64,
    subject: String,
    status: String,
    public_activity_at: i64,
    unread: bool,
    preview: Option<String>,
}

#[derive(sqlx::FromRow)]
struct AgentRow {
    id: i64,
    number: i64,
    subject: String,
    description: Option<String>,
    resolution: Option<String>,
    status: String,
    priority: String,
    kind: Option<String>,
    category: Option<String>,
    channel: String,
    assignee: Option<String>,
    sentiment: Option<f64>,
    email: String,
    name: Option<String>,
    metadata: Option<String>,
    created_at: i64,
    updated_at: i64,
}

impl AgentRow {
    /// The row from [`AGENT_COLUMNS`], in a read (see `readers`); the agent list reads it
    /// through sqlx's derive.
    fn read(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        Ok(Self {
            id: row.get(0)?,
            number: row.get(1)?,
            subject: row.get(2)?,
            description: row.get(3)?,
            resolution: row.get(4)?,
            status: row.get(5)?,
            priority: row.get(6)?,
            kind: row.get(7)?,
            category: row.get(8)?,
            channel: row.get(9)?,
            assignee: row.get(10)?,
            sentiment: row.get(11)?,
            email: row.get(12)?,
            name: row.get(13)?,
            metadata: row.get(14)?,
            created_at: row.get(15)?,
            updated_at: row.get(16)?,
        })
    }

    fn summary(&self) -> anyhow::Result<AgentTicketSummary> {
        Ok(AgentTicketSummary {
            reference: TicketRef(self.number).to_string(),
            subject: self.subject.clone(),
            status: decode(TicketStatus::parse, &self.status)?,
            priority: decode(Priority::parse, &self.priority)?,
            ticket_type: self
                .kind
                .as_deref()
                .map(|k| decode(TicketType::parse, k))
                .transpose()?,
            category: self.category.clone(),
            channel: decode(Channel::parse, &self.channel)?,
            assignee: self.assignee.clone(),
            sentiment: self.sentiment,
            contact: Contact {
                email: self.email.clone(),
                name: self.name.clone(),
                metadata: self
                    .metadata
                    .as_deref()
                    .map(serde_json::from_str)
                    .transpose()?,
            },
            created_at: rfc3339(self.created_at),
            updated_at: rfc3339(self.updated_at),
        })
    }
}

const AGENT_COLUMNS: &str =
    "t.id, t.number, t.subject, t.description, t.resolution, t.status, t.priority, \
    t.kind, t.category, t.channel, t.assignee, t.sentiment, c.email, c.name, c.metadata, t.created_at, \
    t.updated_at";

/// Writes a message with its rendering (`markdown::message_html`, made before the write so
/// that other writers do not wait on it).
pub(super) fn insert_message(
    conn: &rusqlite::Connection,
    ticket_id: i64,
    (author, author_name): (Author, Option<&str>),
    (body, html): (&str, &str),
    internal: bool,
    now_ms: i64,
) -> rusqlite::Result<i64> {
    conn.prepare_cached(
        "INSERT INTO messages (ticket_id, author, author_name, body, html, internal, created_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id",
    )?
    .query_row(
        rusqlite::params![
            ticket_id,
            author.as_str(),
            author_name,
            body,
            html,
            internal,
            now_ms
        ],
        |row| row.get(0),
    )
}

/// A message as events carry it.
pub(super) fn posted(
    id: i64,
    author: Author,
    author_name: Option<&str>,
    body: &str,
    attachments: Vec<Attachment>,
) -> Posted {
    Posted {
        message: PostedMessage {
            id,
            author,
            author_name: author_name.map(str::to_owned),
            body: body.to_owned(),
            attachments,
        },
    }
}

/// A ticket's messages, oldest first; the team's notes only when asked for.
fn messages(
    conn: &rusqlite::Connection,
    ticket_id: i64,
    with_internal: bool,
) -> rusqlite::Result<Vec<MessageRow>> {
    conn.prepare_cached(
        "SELECT m.id, m.author, m.author_name, a.avatar, m.body, m.html, m.internal, \
         m.created_at \
         FROM messages m LEFT JOIN agents a ON a.id = m.author_agent \
         WHERE m.ticket_id = ?1 AND (m.internal = FALSE OR ?2) ORDER BY m.id",
    )?
    .query_map(rusqlite::params![ticket_id, with_internal], |row| {
        Ok(MessageRow {
            id: row.get(0)?,
            author: row.get(1)?,
            author_name: row.get(2)?,
            avatar: row.get(3)?,
            body: row.get(4)?,
            html: row.get(5)?,
            internal: row.get(6)?,
            created_at: row.get(7)?,
        })
    })?
    .collect()
}

/// The id of a workspace's ticket by number, in a read (see `readers`).
pub(super) fn ticket_id(
    conn: &rusqlite::Connection,
    workspace_id: i64,
    number: i64,
) -> rusqlite::Result<Option<i64>> {
    conn.prepare_cached("SELECT id FROM tickets WHERE workspace_id = ?1 AND number = ?2")?
        .query_row([workspace_id, number], |row| row.get(0))
        .optional()
}

/// A workspace's ticket by number: its id and status, in a write (see `group`).
pub(super) fn ticket_status(
    conn: &rusqlite::Connection,
    workspace_id: i64,
    number: i64,
) -> StoreResult<(i64, String)> {
    conn.prepare_cached("SELECT id, status FROM tickets WHERE workspace_id = ?1 AND number = ?2")?
        .query_row([workspace_id, number], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?
        .ok_or(CoreError::NotFound.into())
}

impl Store {
    /// A page of the user's tickets, most recent visible activity first, and the cursor of
    /// the next page if there is one. Keyset pagination: a page starts strictly after the
    /// cursor's (activity, id), so no ticket is skipped or repeated while others are created.
    /// The contact is found first, so the cost is that user's tickets, not the workspace's.
    /// Tickets they are copied on are listed with their own.
    pub async fn list_user_tickets(
        &self,
        scope: &UserScope,
        after: Option<PageCursor>,
        limit: i64,
    ) -> StoreResult<(Vec<TicketSummary>, Option<PageCursor>)> {
        let after = after.unwrap_or(PageCursor {
            activity: i64::MAX,
            id: i64::MAX,
        });
        // Each part is the newest page of its own kind (the tickets they opened, through
        // tickets_by_contact; those they are copied on) before the two are merged.
        let rows = self.readers.read(|conn| {
            conn.prepare_cached(
                "SELECT t.id, t.number, t.subject, t.status, t.public_activity_at, \
                 (t.last_agent_reply_at IS NOT NULL \
                  AND t.last_agent_reply_at > COALESCE(mine.seen, 0)) AS unread, \
                 t.preview FROM ( \
                   SELECT * FROM (SELECT id, user_seen_at AS seen FROM tickets \
                     WHERE contact_id = (SELECT id FROM contacts WHERE workspace_id = ?1 AND email = ?2) \
                     AND (public_activity_at < ?3 OR (public_activity_at = ?3 AND id < ?4)) \
                     ORDER BY public_activity_at DESC, id DESC LIMIT ?5) \
                   UNION ALL \
                   SELECT * FROM (SELECT t.id, p.seen_at AS seen FROM ticket_participants p \
                     JOIN tickets t ON t.id = p.ticket_id \
                     WHERE p.contact_id = (SELECT id FROM contacts WHERE workspace_id = ?1 AND email = ?2) \
                     AND (t.public_activity_at < ?3 OR (t.public_activity_at = ?3 AND t.id < ?4)) \
                     ORDER BY t.public_activity_at DESC, t.id DESC LIMIT ?5) \
                 ) mine JOIN tickets t ON t.id = mine.id \
                 ORDER BY t.public_activity_at DESC, t.id DESC LIMIT ?5",
            )?
            .query_map(
                rusqlite::params![
                    scope.workspace_id,
                    scope.email,
                    after.activity,
                    after.id,
                    limit + 1
                ],
                |row| {
                    Ok(SummaryRow {
                        id: row.get(0)?,
                        number: row.get(1)?,
                        subject: row.get(2)?,
                        status: row.get(3)?,
                        public_activity_at: row.get(4)?,
                        unread: row.get(5)?,
                        preview: row.get(6)?,
                    })
                },
            )?
            .collect::<rusqlite::Result<Vec<_>>>()
        })?;
        let next = (rows.len() as i64 > limit)
            .then(|| rows.get(limit as usize - 1))
            .flatten()
            .map(|r| PageCursor {
                activity: r.public_activity_at,
                id: r.id,
            });
        let tickets = rows
            .into_iter()
            .take(limit as usize)
            .map(|r| {
                Ok(TicketSummary {
                    reference: TicketRef(r.number).to_string(),
                    subject: r.subject,
                    status: decode(TicketStatus::parse, &r.status)?,
                    preview: r.preview.as_deref().map(preview),
                    updated_at: rfc3339(r.public_activity_at),
                    unread: r.unread,
                })
            })
            .collect::<StoreResult<_>>()?;
        Ok((tickets, next))
    }

    /// How many of the user's tickets (their own and those they are copied on) have an agent
    /// reply they have not opened.
    pub async fn unread_count(&self, scope: &UserScope) -> sqlx::Result<i64> {
        self.readers.read(|conn| {
            conn.prepare_cached(
                "SELECT (SELECT COUNT(*) FROM tickets t \
                   WHERE t.contact_id = \
                     (SELECT id FROM contacts WHERE workspace_id = ?1 AND email = ?2) \
                   AND t.last_agent_reply_at IS NOT NULL \
                   AND t.last_agent_reply_at > COALESCE(t.user_seen_at, 0)) \
                 + (SELECT COUNT(*) FROM ticket_participants p \
                   JOIN tickets t ON t.id = p.ticket_id \
                   WHERE p.contact_id = \
                     (SELECT id FROM contacts WHERE workspace_id = ?1 AND email = ?2) \
                   AND t.last_agent_reply_at IS NOT NULL \
                   AND t.last_agent_reply_at > COALESCE(p.seen_at, 0))",
            )?
            .query_row(rusqlite::params![scope.workspace_id, scope.email], |row| {
                row.get(0)
            })
        })
    }

    /// See `TicketStore::open_as_customer`.
    pub(super) async fn open_user_ticket(
        &self,
        scope: &UserScope,
        number: i64,
        now_ms: i64,
    ) -> StoreResult<Ticket> {
        let owned = scope.clone();
        self.groups
            .write(move |conn| {
                let ticket =
                    participants::reach(conn, &owned, number)?.ok_or(CoreError::NotFound)?;
                participants::mark_seen(conn, &ticket, now_ms)?;
                Ok(())
            })
            .await?;
        self.user_ticket(scope, number).await
    }

    /// One of the user's tickets with its public conversation, as it is (a change marks it
    /// seen in its own write).
    pub async fn user_ticket(&self, scope: &UserScope, number: i64) -> StoreResult<Ticket> {
        let read = self.readers.read(|conn| {
            let Some(ticket) = participants::reach(conn, scope, number)? else {
                return Ok(None);
            };
            let row = conn
                .prepare_cached(
                    "SELECT number, subject, status, kind, category, resolution, \
                     created_at, public_activity_at FROM tickets WHERE id = ?1",
                )?
                .query_row([ticket.id], |row| {
                    Ok(UserTicketRow {
                        number: row.get(0)?,
                        subject: row.get(1)?,
                        status: row.get(2)?,
                        kind: row.get(3)?,
                        category: row.get(4)?,
                        resolution: row.get(5)?,
                        created_at: row.get(6)?,
                        public_activity_at: row.get(7)?,
                    })
                })?;
            // The rating is the owner's to give.
            let awaiting_rating =
                ticket.reach() == Reach::Owner && ratings::awaits_rating(conn, ticket.id)?;
            Ok(Some((
                row,
                messages(conn, ticket.id, false)?,
                attachments::ticket_attachments(conn, ticket.id)?,
                awaiting_rating,
            )))
        })?;
        let (row, messages, mut files, awaiting_rating) = read.ok_or(CoreError::NotFound)?;
        let status = decode(TicketStatus::parse, &row.status)?;
        // A resolution note belongs to the resolution: once reopened, it is not shown.
        let resolved = matches!(status, TicketStatus::Resolved | TicketStatus::Closed);
        Ok(Ticket {
            reference: TicketRef(row.number).to_string(),
            subject: row.subject,
            status,
            category: row.category,
            resolution: row.resolution.filter(|_| resolved),
            ticket_type: row
                .kind
                .as_deref()
                .map(|k| decode(TicketType::parse, k))
                .transpose()?,
            created_at: rfc3339(row.created_at),
            updated_at: rfc3339(row.public_activity_at),
            messages: messages
                .into_iter()
                .map(|mut m| {
                    let author = decode(Author::parse, &m.author)?;
                    Ok(Message {
                        id: m.id,
                        author,
                        html: m.html(author),
                        author_name: m.author_name,
                        author_avatar: m.avatar.as_deref().map(avatar_path),
                        body: m.body,
                        created_at: rfc3339(m.created_at),
                        attachments: files.remove(&m.id).unwrap_or_default(),
                    })
                })
                .collect::<anyhow::Result<_>>()?,
            awaiting_rating,
        })
    }

    pub async fn agent_list(
        &self,
        workspace_id: i64,
        filter: &AgentFilter,
    ) -> StoreResult<AgentPage> {
        use sqlx::{FromRow, Row};

        let found = agent_page(workspace_id, filter)
            .build()
            .fetch_all(&self.pool)
            .await?;
        // A search's rows carry what its ranked candidates held (see `agent_page`). When the
        // candidates were every match, or already more than the cap, they give the count, and
        // the index is not read again to count: a common word's matches, hundreds of
        // thousands at a million tickets, would be merged a second time.
        let mut known = None;
        if let Some(row) = found.first().filter(|_| searching(filter)) {
            let (matched, texts): (i64, i64) = (row.try_get("matched")?, row.try_get("texts")?);
            if texts < RANKED_TEXTS || matched > COUNT_CAP {
                known = Some(matched);
            }
        }
        let counted = match known {
            Some(matched) => matched,
            None => {
                // The count needs no contacts (every filter is on tickets) and ignores the
                // cursor: it is the filter's total, not what is left.
                let mut count = QueryBuilder::new("SELECT COUNT(*) FROM (SELECT 1");
                push_tickets(&mut count, workspace_id, filter, false);
                push_filter(&mut count, workspace_id, filter);
                count.push(" LIMIT ").push_bind(COUNT_CAP + 1).push(")");
                count.build_query_scalar().fetch_one(&self.pool).await?
            }
        };

        let mut rows = found
            .iter()
            .map(AgentRow::from_row)
            .collect::<sqlx::Result<Vec<_>>>()?;
        // One more than asked for was fetched, to know whether a next page exists.
        let more = rows.len() as i64 > filter.limit;
        rows.truncate(filter.limit as usize);
        let next = rows
            .last()
            .filter(|_| more && !searching(filter) && !filter.by_sentiment)
            .map(|r| PageCursor {
                activity: r.updated_at,
                id: r.id,
            });
        let tickets = rows
            .iter()
            .map(AgentRow::summary)
            .collect::<anyhow::Result<_>>()?;
        Ok(AgentPage {
            tickets,
            total: counted.min(COUNT_CAP),
            total_capped: counted > COUNT_CAP,
            next,
        })
    }

    pub async fn agent_ticket(&self, workspace_id: i64, number: i64) -> StoreResult<AgentTicket> {
        let read = self.readers.read(|conn| {
            let Some(row) = conn
                .prepare_cached(&format!(
                    "SELECT {AGENT_COLUMNS} FROM tickets t JOIN contacts c ON c.id = t.contact_id \
                     WHERE t.workspace_id = ?1 AND t.number = ?2"
                ))?
                .query_row([workspace_id, number], AgentRow::read)
                .optional()?
            else {
                return Ok(None);
            };
            Ok(Some((
                messages(conn, row.id, true)?,
                attachments::ticket_attachments(conn, row.id)?,
                ratings::latest_rating(conn, row.id)?,
                participants::participants(conn, row.id)?,
                mail::ticket_undelivered_mail(conn, row.id)?,
                row,
            )))
        })?;
        let (messages, mut files, rating, participants, undelivered, row) =
            read.ok_or(CoreError::NotFound)?;
        let messages = messages
            .into_iter()
            .map(|mut m| {
                let author = decode(Author::parse, &m.author)?;
                Ok(AgentMessage {
                    id: m.id,
                    author,
                    html: m.html(author),
                    author_name: m.author_name,
                    author_avatar: m.avatar.as_deref().map(avatar_path),
                    body: m.body,
                    internal: m.internal,
                    created_at: rfc3339(m.created_at),
                    attachments: files.remove(&m.id).unwrap_or_default(),
                })
            })
            .collect::<anyhow::Result<_>>()?;
        let rating = rating.map(|r| porthole_types::TicketRating {
            score: r.score,
            comment: r.comment,
            created_at: rfc3339(r.created_at),
        });
        Ok(AgentTicket {
            summary: row.summary()?,
            description: row.description,
            resolution: row.resolution,
            rating,
            participants,
            messages,
            undelivered_emails: undelivered.into_iter().map(UndeliveredMail::view).collect(),
        })
    }
}

/// The query for one page of the agent list.
fn agent_page(workspace_id: i64, filter: &AgentFilter) -> QueryBuilder<'static, Sqlite> {
    // The page's tickets are chosen first, by id, and read whole (with their contact) after:
    // a page `offset` deep then skips index entries, not whole rows and their contacts.
    let searched = searching(filter);
    // A search's page also carries how many tickets its ranked candidates hold, and how many
    // texts, so that `agent_list` can tell whether they are the count.
    let (carried, chosen) = if searched {
        (
            ", p.matched, p.texts",
            ", s.score, COUNT(*) OVER () AS matched, SUM(s.texts) OVER () AS texts",
        )
    } else {
        ("", "")
    };
    let mut page = QueryBuilder::new(format!(
        "SELECT {AGENT_COLUMNS}{carried} FROM (SELECT t.id{chosen}"
    ));
    push_tickets(&mut page, workspace_id, filter, true);
    push_filter(&mut page, workspace_id, filter);
    // Keyset pagination: strictly after the previous page's last ticket, so a page costs the
    // same however deep it is, and none is skipped or repeated as tickets change.
    // A row value, so the time is bound once: written as `a < x OR (a = x AND id < y)` with
    // two binds, SQLite walks the index from its top to each deep page.
    if let Some(after) = filter.after {
        page.push(" AND (t.updated_at, t.id) < (")
            .push_bind(after.activity)
            .push(", ")
            .push_bind(after.id)
            .push(")");
    }
    // A search is ranked by relevance (FTS5's rank, which is bm25: best first), then by
    // recency. Most negative first, through tickets_by_sentiment; unscored tickets are left
    // out. The same order chooses the page and then orders its rows, where the rank is `p`'s.
    let order = |score: &str| {
        let by_rank = if searched {
            format!(" {score},")
        } else {
            String::new()
        };
        let by_mood = if filter.by_sentiment {
            " t.sentiment,"
        } else {
            ""
        };
        format!(" ORDER BY{by_rank}{by_mood} t.updated_at DESC, t.id DESC")
    };
    page.push(order("s.score"))
        .push(" LIMIT ")
        .push_bind(filter.limit + 1)
        .push(" OFFSET ")
        .push_bind(filter.offset);
    page.push(format!(
        ") p CROSS JOIN tickets t ON t.id = p.id JOIN contacts c ON c.id = t.contact_id{}",
        order("p.score")
    ));
    page
}

fn searching(filter: &AgentFilter) -> bool {
    filter.text.as_deref().and_then(match_query).is_some()
}

/// The agent list's tickets. With a search, only the matching ones, found once by the
/// full-text index; `ranked`, each with the rank of its best-matching text (which costs a read
/// of each match's length, so the count goes without).
fn push_tickets(
    q: &mut QueryBuilder<'static, Sqlite>,
    workspace_id: i64,
    filter: &AgentFilter,
    ranked: bool,
) {
    if let Some(query) = filter.text.as_deref().and_then(match_query) {
        // Ranked, the candidates are the newest matching texts, at most RANKED_TEXTS: bm25
        // reads each candidate's length, and a common word ("invoice") matches hundreds of
        // thousands of texts at a million tickets. FTS5 walks its index newest first
        // (rowid descending) and ranks only what it returns. The index holds every
        // workspace, so the candidates are this workspace's texts that pass the filters: a
        // large workspace's texts must not crowd out a small one's.
        q.push(if ranked {
            " FROM (SELECT ticket_id, MIN(rank) AS score, COUNT(*) AS texts FROM (SELECT \
             ticket_text.ticket_id, ticket_text.rank FROM ticket_text CROSS JOIN tickets t \
             ON t.id = ticket_text.ticket_id WHERE ticket_text MATCH "
        } else {
            " FROM (SELECT DISTINCT ticket_id FROM ticket_text WHERE ticket_text MATCH "
        })
        .push_bind(query);
        if ranked {
            q.push(" AND");
            push_conditions(q, workspace_id, filter);
            q.push(" ORDER BY ticket_text.rowid DESC LIMIT ")
                .push_bind(RANKED_TEXTS)
                .push(") GROUP BY ticket_id");
        }
        // CROSS JOIN keeps the matches outermost: SQLite may otherwise walk every ticket of
        // the workspace and look each up among them.
        q.push(") s CROSS JOIN tickets t ON t.id = s.ticket_id");
    } else {
        q.push(" FROM tickets t");
    }
}

/// An FTS5 query for what a person typed: every word must appear (a word is a run of letters
/// and digits, as the index's tokenizer sees it), and the last may be the start of a word, so
/// results come as the agent types. Each word is quoted, so nothing typed is FTS syntax.
/// `None` when nothing searchable was typed.
pub(super) fn match_query(typed: &str) -> Option<String> {
    let words: Vec<&str> = typed
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let (last, rest) = words.split_last()?;
    let mut query: String = rest.iter().map(|w| format!("\"{w}\" ")).collect();
    query.push_str(&format!("\"{last}\"*"));
    Some(query)
}

fn push_filter(q: &mut QueryBuilder<'static, Sqlite>, workspace_id: i64, f: &AgentFilter) {
    q.push(" WHERE");
    push_conditions(q, workspace_id, f);
}

/// The filter's conditions on tickets `t`, joined by AND.
fn push_conditions(q: &mut QueryBuilder<'static, Sqlite>, workspace_id: i64, f: &AgentFilter) {
    q.push(" t.workspace_id = ").push_bind(workspace_id);
    if let Some(status) = f.status {
        q.push(" AND t.status = ").push_bind(status.as_str());
    }
    if let Some(category) = &f.category {
        q.push(" AND t.category = ").push_bind(category.clone());
    }
    if let Some(priority) = f.priority {
        q.push(" AND t.priority = ").push_bind(priority.as_str());
    }
    if f.unassigned {
        q.push(" AND t.assignee IS NULL");
    }
    if f.by_sentiment {
        q.push(" AND t.sentiment IS NOT NULL");
    }
    if let Some(assignee) = &f.assignee {
        q.push(" AND t.assignee = ").push_bind(assignee.clone());
    }
    if let Some(email) = &f.email {
        // The contact first, then only its tickets (tickets_by_contact), rather than every
        // ticket of the workspace joined to its contact.
        q.push(" AND t.contact_id = (SELECT id FROM contacts WHERE workspace_id = ")
            .push_bind(workspace_id)
            .push(" AND email = ")
            .push_bind(email.clone())
            .push(")");
    }
    // Only punctuation was typed: no ticket contains a word of it. (Words are matched by the
    // join in `push_tickets`.)
    if f.text.is_some() && !searching(f) {
        q.push(" AND FALSE");
    }
}

#[cfg(test)]
mod tests {
    use super::{
        agent_page, match_query, preview, AgentFilter, Priority, Store, TicketStatus, UserScope,
    };
    use porthole_core::tickets::{
        patch_ticket, reply_as_agent, reply_as_customer, AgentReply, CustomerPost,
    };

    /// The plan SQLite makes for one page of the agent list with `filter`.
    async fn plan(store: &crate::store::Store, filter: &AgentFilter) -> String {
        let page = agent_page(1, filter);
        let sql = format!("EXPLAIN QUERY PLAN {}", page.sql());
        let mut query = sqlx::query(&sql);
        for _ in 0..sql.matches('?').count() {
            query = query.bind("x");
        }
        let rows = query.fetch_all(&store.pool).await.unwrap();
        rows.iter()
            .map(|r| sqlx::Row::get::<String, _>(r, 3))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// A store whose workspace has ticket 1, opened by Ada.
    async fn store_with_adas_ticket() -> (tempfile::TempDir, Store, i64, UserScope) {
        use crate::store::creation::tests::{scope, store_with_workspace, ticket};
        use porthole_core::opening::open_ticket;

        let (dir, store, workspace) = store_with_workspace().await;
        let ada = scope(workspace, "ada@example.com");
        open_ticket(&store, &ada, ticket("Export".into(), vec![]), None, 2_000)
            .await
            .unwrap();
        (dir, store, workspace, ada)
    }

    /// Ann's public reply.
    fn anns_reply(body: &str) -> AgentReply {
        AgentReply {
            agent_name: "Ann".into(),
            body: body.into(),
            ..AgentReply::default()
        }
    }

    #[tokio::test]
    async fn a_message_is_kept_rendered_and_one_kept_without_is_rendered_when_read() {
        let (_dir, store, workspace, ada) = store_with_adas_ticket().await;
        let post = anns_reply("Try **again** at https://example.com/a");
        let shown = reply_as_agent(&store, (workspace, 1), post, 3_000)
            .await
            .unwrap();
        let kept: Vec<Option<String>> = sqlx::query_scalar("SELECT html FROM messages ORDER BY id")
            .fetch_all(&store.pool)
            .await
            .unwrap();
        let html: Vec<String> = shown.messages.iter().map(|m| m.html.clone()).collect();
        assert_eq!(kept, html.iter().cloned().map(Some).collect::<Vec<_>>());
        assert!(html[1].contains("<strong>again</strong>"), "{}", html[1]);
        assert!(
            html[1].contains(r#"href="https://example.com/a""#),
            "{}",
            html[1]
        );

        // Messages written before the column was added have none: they read the same.
        sqlx::query("UPDATE messages SET html = NULL")
            .execute(&store.pool)
            .await
            .unwrap();
        let read = store.agent_ticket(workspace, 1).await.unwrap();
        let again: Vec<String> = read.messages.iter().map(|m| m.html.clone()).collect();
        assert_eq!(again, html);
        let theirs = store.user_ticket(&ada, 1).await.unwrap();
        assert_eq!(theirs.messages[1].html, html[1]);
    }

    #[tokio::test]
    async fn replies_and_changes_in_a_burst_share_commits_and_a_failed_one_leaves_nothing() {
        use std::sync::atomic::Ordering;

        use futures_util::future::join_all;
        use porthole_types::TicketPatch;

        let (_dir, store, workspace, ada) = store_with_adas_ticket().await;
        let turns_before = store.writer.writes_done.load(Ordering::Acquire);
        let missing = ["no-such-file".to_owned()];
        // 45 writes queued at once: replies from the customer and agents, status changes,
        // and every fifth write a reply naming a file that does not exist (not checked as a
        // surface would), which fails after its message was written.
        let writes = (0..45).map(|i| {
            let (store, ada) = (store.clone(), ada.clone());
            let missing = missing.clone();
            async move {
                let body = format!("reply word{i}x");
                match i % 5 {
                    0..=2 => {
                        let files = if i % 5 == 0 { missing.to_vec() } else { vec![] };
                        let post = CustomerPost::rendered(body, files);
                        reply_as_customer(&store, &ada, 1, post, 3_000).await
                    }
                    3 => reply_as_agent(&store, (workspace, 1), anns_reply(&body), 3_000)
                        .await
                        .map(|_| ()),
                    _ => {
                        let status = [TicketStatus::Waiting, TicketStatus::Open][i / 5 % 2];
                        let patch = TicketPatch {
                            status: Some(status),
                            ..TicketPatch::default()
                        };
                        patch_ticket(&store, (workspace, 1), patch, &[], 3_000)
                            .await
                            .map(|_| ())
                    }
                }
            }
        });
        let results = join_all(writes).await;
        let turns = store.writer.writes_done.load(Ordering::Acquire) - turns_before;
        assert!(turns <= 4, "45 writes took {turns} turns to write");
        for (i, result) in results.iter().enumerate() {
            assert_eq!(result.is_ok(), i % 5 != 0, "write {i}: {result:?}");
        }
        let count = |sql: &'static str| {
            let pool = store.pool.clone();
            async move {
                sqlx::query_scalar::<_, i64>(sql)
                    .fetch_one(&pool)
                    .await
                    .unwrap()
            }
        };
        // The opening message and 27 replies; nothing of the 9 that failed.
        assert_eq!(count("SELECT COUNT(*) FROM messages").await, 1 + 27);
        assert_eq!(
            count("SELECT COUNT(*) FROM ticket_text WHERE ticket_text MATCH 'reply'").await,
            27
        );
        assert_eq!(count("SELECT COUNT(*) FROM search_pending").await, 0);
    }

    #[tokio::test]
    async fn compacting_the_search_index_keeps_every_match_in_its_order() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::Store::open(&dir.path().join("p.db"))
            .await
            .unwrap();
        // Each text in a transaction of its own, as tickets are written: a segment each.
        for i in 0..40_i64 {
            let refunds = " refund".repeat(i as usize % 4);
            sqlx::query("INSERT INTO ticket_text (ticket_id, text) VALUES ($1, $2)")
                .bind(i)
                .bind(format!("ticket {i} about an invoice{refunds}"))
                .execute(&store.pool)
                .await
                .unwrap();
        }
        let search = |store: crate::store::Store| async move {
            let ids: Vec<i64> = sqlx::query_scalar(
                "SELECT ticket_id FROM ticket_text WHERE ticket_text MATCH 'refund' \
                 ORDER BY rank, ticket_id",
            )
            .fetch_all(&store.pool)
            .await
            .unwrap();
            let pieces: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM ticket_text_data")
                .fetch_one(&store.pool)
                .await
                .unwrap();
            (ids, pieces)
        };
        let (before, pieces_before) = search(store.clone()).await;
        store.compact_search().await.unwrap();
        let (after, pieces_after) = search(store.clone()).await;
        assert_eq!(before.len(), 30);
        assert_eq!(after, before);
        assert!(
            pieces_after < pieces_before,
            "{pieces_after} pieces, from {pieces_before}"
        );
        // Nothing left to merge: it ends at once.
        store.compact_search().await.unwrap();
        assert_eq!(search(store).await.0, before);
    }

    #[tokio::test]
    async fn a_searchs_total_counts_every_matching_ticket_up_to_the_cap() {
        use crate::store::creation::tests::store_with_workspace;
        use crate::store::seed::SeedPlan;

        let (_dir, store, workspace) = store_with_workspace().await;
        let plan = SeedPlan {
            tickets: 3_000,
            contacts: 40,
            user_email: "user@example.com".into(),
            user_tickets: 0,
        };
        store
            .seed(workspace, &plan, 1_000_000_000_000)
            .await
            .unwrap();
        // "zebra" once in each of 300 tickets, then 5,000 newer texts in 50 of them: the
        // newest matches hold only 50 tickets, and the count must not stop there.
        for sql in [
            "INSERT INTO ticket_text (ticket_id, text) \
             SELECT id, 'zebra' FROM tickets ORDER BY id LIMIT 300",
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100) \
             INSERT INTO ticket_text (ticket_id, text) \
             SELECT t.id, 'zebra again' FROM n, (SELECT id FROM tickets ORDER BY id LIMIT 50) t",
        ] {
            sqlx::query(sql).execute(&store.pool).await.unwrap();
        }
        // Counted apart, the way the index is read without ranking.
        let matching = |words: &'static str, status: Option<TicketStatus>| {
            let store = store.clone();
            async move {
                sqlx::query_scalar::<_, i64>(
                    "SELECT COUNT(DISTINCT x.ticket_id) FROM ticket_text x \
                     JOIN tickets t ON t.id = x.ticket_id \
                     WHERE ticket_text MATCH $1 AND t.workspace_id = $2 \
                     AND ($3 IS NULL OR t.status = $3)",
                )
                .bind(match_query(words).unwrap())
                .bind(workspace)
                .bind(status.map(TicketStatus::as_str))
                .fetch_one(&store.pool)
                .await
                .unwrap()
            }
        };
        let mut regimes = (false, false);
        for words in [
            "invoice",
            "export timeout",
            "zyzzogeton",
            "p",
            "zebra",
            "nothingmatches",
        ] {
            for status in [None, Some(TicketStatus::Open)] {
                let expected = matching(words, status).await;
                regimes.0 |= expected > 1_000;
                regimes.1 |= (1..=1_000).contains(&expected);
                // The first page, and one past every match (no rows to carry a count).
                for offset in [0, 1_000] {
                    let filter = AgentFilter {
                        text: Some(words.into()),
                        status,
                        offset,
                        limit: 10,
                        ..Default::default()
                    };
                    let page = store.agent_list(workspace, &filter).await.unwrap();
                    let shown = (page.total, page.total_capped);
                    let wanted = (expected.min(1_000), expected > 1_000);
                    assert_eq!(shown, wanted, "{words:?}, {status:?}, offset {offset}");
                }
            }
        }
        assert_eq!(regimes, (true, true), "both sides of the cap were tried");
    }

    #[tokio::test]
    async fn every_agent_filter_is_served_by_an_index() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::Store::open(&dir.path().join("p.db"))
            .await
            .unwrap();
        let base = AgentFilter {
            limit: 50,
            ..AgentFilter::default()
        };
        let cases = [
            ("tickets_by_workspace", base.clone()),
            (
                "tickets_by_status",
                AgentFilter {
                    status: Some(TicketStatus::Open),
                    ..base.clone()
                },
            ),
            (
                "tickets_by_priority",
                AgentFilter {
                    priority: Some(Priority::High),
                    ..base.clone()
                },
            ),
            (
                "tickets_by_assignee",
                AgentFilter {
                    assignee: Some("ann".into()),
                    ..base.clone()
                },
            ),
            (
                "tickets_by_category",
                AgentFilter {
                    category: Some("Billing".into()),
                    ..base.clone()
                },
            ),
            (
                "ticket_text",
                AgentFilter {
                    text: Some("refund".into()),
                    ..base.clone()
                },
            ),
            (
                "tickets_by_assignee",
                AgentFilter {
                    unassigned: true,
                    ..base.clone()
                },
            ),
            (
                "tickets_by_sentiment",
                AgentFilter {
                    by_sentiment: true,
                    ..base.clone()
                },
            ),
        ];
        for (index, filter) in cases {
            let plan = plan(&store, &filter).await;
            assert!(plan.contains(index), "{index} unused:\n{plan}");
            // Without a search, the index gives the whole order: the tickets are chosen
            // without a sort, and only the chosen page's rows are sorted again once read.
            if filter.text.is_none() {
                let sorts = plan.matches("TEMP B-TREE").count();
                let last = plan.lines().last().unwrap_or_default();
                assert!(
                    sorts == 1 && last.contains("TEMP B-TREE"),
                    "{index} sorts:\n{plan}"
                );
                // From the index alone, so a page `offset` deep skips index entries, not
                // rows.
                let covered = format!("COVERING INDEX {index} ");
                assert!(plan.contains(&covered), "{index} reads rows:\n{plan}");
            }
            assert!(
                !plan.contains("SCAN t\n") && !plan.ends_with("SCAN t"),
                "{plan}"
            );
        }
    }

    #[test]
    fn what_an_agent_types_becomes_a_safe_word_query() {
        assert_eq!(
            match_query("Invoice  wrong").as_deref(),
            Some("\"Invoice\" \"wrong\"*")
        );
        assert_eq!(
            match_query("100% \"OR\" NEAR(x) *").as_deref(),
            Some("\"100\" \"OR\" \"NEAR\" \"x\"*")
        );
        assert_eq!(match_query("  _%!  "), None);
        assert_eq!(match_query("café").as_deref(), Some("\"café\"*"));
    }

    #[test]
    fn previews_fold_whitespace_and_shorten_long_messages() {
        assert_eq!(preview("hello\n\n  world"), "hello world");
        let long = "word ".repeat(100);
        let p = preview(&long);
        assert!(p.chars().count() <= 140);
        assert!(p.ends_with('…'));
        let exactly = format!("{} {}", "é".repeat(70), "x".repeat(69));
        assert_eq!(preview(&exactly), exactly, "140 characters fit whole");
        let over = format!("{exactly}y");
        assert_eq!(preview(&over).chars().count(), 140);
        assert!(preview(&over).ends_with('…'));
    }
}

//! Which answers kept in memory a commit may have changed, so that a write makes stale only the
//! users' lists and the sessions it touched, not every answer kept.
//!
//! This process's write transactions (`WriteTx` and the groups) are tracked: temporary
//! triggers on the writer's connection note whose ticket lists each one changed, and whether it
//! changed sessions or the origins they depend on; the transaction collects the note just
//! before it commits. Any other commit (another process's, or one of this process's made
//! outside a write transaction) is found through the WAL index's header and makes every kept
//! answer stale, as every commit did before.
//!
//! A version is a number handed out in increasing order: what a key depends on gets a new one
//! each time it changes, so an answer kept at the version read before it was read is current
//! while the version is unchanged.

use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;
use std::sync::{Mutex, PoisonError};

use sqlx::SqliteConnection;

use super::wal_index::{Header, WalIndex};

/// Users' lists are counted in this many buckets, so that memory stays fixed whatever the
/// number of users: a write makes stale the lists of the users who share a bucket with the
/// ones it touched, about one in 16,000 of the rest.
const BUCKETS: usize = 1 << 14;

/// Past this many users touched by one transaction (a seed, a workspace's import), every kept
/// answer is made stale rather than each user's.
const USERS_AT_MOST: usize = 4096;

/// The triggers, created on the writer's connection only (`TEMP`), so that they see exactly
/// the tracked writes. Each notes what a change makes stale: the list of every user a ticket
/// is listed for (`listed`: its owner and participants), by their workspace and address;
/// `sessions` when sessions, a workspace's address or its allowed origins change;
/// `everything` when a workspace goes. Only changed values that users' lists show count: an
/// agent's note or assignment makes no list stale.
const TRIGGERS: &str = "
CREATE TEMP TABLE IF NOT EXISTS touched (what TEXT NOT NULL, ws INTEGER, email TEXT);

CREATE TEMP VIEW IF NOT EXISTS listed (ticket_id, ws, email) AS
  SELECT t.id, c.workspace_id, c.email FROM main.tickets t
    JOIN main.contacts c ON c.id = t.contact_id
  UNION ALL
  SELECT p.ticket_id, c.workspace_id, c.email FROM main.ticket_participants p
    JOIN main.contacts c ON c.id = p.contact_id;

CREATE TEMP TRIGGER IF NOT EXISTS touched_ticket_created AFTER INSERT ON main.tickets BEGIN
  INSERT INTO touched SELECT 'user', ws, email FROM listed WHERE ticket_id = NEW.id;
END;
CREATE TEMP TRIGGER IF NOT EXISTS touched_ticket_changed
AFTER UPDATE OF contact_id, subject, status, public_activity_at, last_agent_reply_at,
  user_seen_at, preview ON main.tickets
WHEN OLD.contact_id IS NOT NEW.contact_id OR OLD.subject IS NOT NEW.subject
  OR OLD.status IS NOT NEW.status OR OLD.public_activity_at IS NOT NEW.public_activity_at
  OR OLD.last_agent_reply_at IS NOT NEW.last_agent_reply_at
  OR OLD.user_seen_at IS NOT NEW.user_seen_at OR OLD.preview IS NOT NEW.preview BEGIN
  INSERT INTO touched SELECT 'user', ws, email FROM listed WHERE ticket_id = NEW.id;
  INSERT INTO touched SELECT 'user', workspace_id, email FROM main.contacts
    WHERE id = OLD.contact_id;
END;
CREATE TEMP TRIGGER IF NOT EXISTS touched_ticket_deleted AFTER DELETE ON main.tickets BEGIN
  INSERT INTO touched SELECT 'user', ws, email FROM listed WHERE ticket_id = OLD.id;
  INSERT INTO touched SELECT 'user', workspace_id, email FROM main.contacts
    WHERE id = OLD.contact_id;
END;

CREATE TEMP TRIGGER IF NOT EXISTS touched_participant_added
AFTER INSERT ON main.ticket_participants BEGIN
  INSERT INTO touched SELECT 'user', workspace_id, email FROM main.contacts
    WHERE id = NEW.contact_id;
END;
CREATE TEMP TRIGGER IF NOT EXISTS touched_participant_changed
AFTER UPDATE ON main.ticket_participants
WHEN OLD.seen_at IS NOT NEW.seen_at OR OLD.contact_id IS NOT NEW.contact_id
  OR OLD.ticket_id IS NOT NEW.ticket_id BEGIN
  INSERT INTO touched SELECT 'user', workspace_id, email FROM main.contacts
    WHERE id IN (NEW.contact_id, OLD.contact_id);
END;
CREATE TEMP TRIGGER IF NOT EXISTS touched_participant_removed
AFTER DELETE ON main.ticket_participants BEGIN
  INSERT INTO touched SELECT 'user', workspace_id, email FROM main.contacts
    WHERE id = OLD.contact_id;
END;

CREATE TEMP TRIGGER IF NOT EXISTS touched_message_added
AFTER INSERT ON main.messages WHEN NOT NEW.internal BEGIN
  INSERT INTO touched SELECT 'user', ws, email FROM listed WHERE ticket_id = NEW.ticket_id;
END;
CREATE TEMP TRIGGER IF NOT EXISTS touched_message_changed AFTER UPDATE ON main.messages
WHEN OLD.body IS NOT NEW.body OR OLD.internal IS NOT NEW.internal
  OR OLD.ticket_id IS NOT NEW.ticket_id BEGIN
  INSERT INTO touched SELECT 'user', ws, email FROM listed
    WHERE ticket_id IN (NEW.ticket_id, OLD.ticket_id);
END;
CREATE TEMP TRIGGER IF NOT EXISTS touched_message_deleted AFTER DELETE ON main.messages BEGIN
  INSERT INTO touched SELECT 'user', ws, email FROM listed WHERE ticket_id = OLD.ticket_id;
END;

CREATE TEMP TRIGGER IF NOT EXISTS touched_contact_changed
AFTER UPDATE OF workspace_id, email ON main.contacts BEGIN
  INSERT INTO touched VALUES ('user', OLD.workspace_id, OLD.email),
    ('user', NEW.workspace_id, NEW.email);
END;
CREATE TEMP TRIGGER IF NOT EXISTS touched_contact_deleted AFTER DELETE ON main.contacts BEGIN
  INSERT INTO touched VALUES ('user', OLD.workspace_id, OLD.email);
END;

CREATE TEMP TRIGGER IF NOT EXISTS touched_session_changed AFTER UPDATE ON main.sessions BEGIN
  INSERT INTO touched VALUES ('sessions', NULL, NULL);
END;
CREATE TEMP TRIGGER IF NOT EXISTS touched_session_deleted AFTER DELETE ON main.sessions BEGIN
  INSERT INTO touched VALUES ('sessions', NULL, NULL);
END;
CREATE TEMP TRIGGER IF NOT EXISTS touched_workspace_renamed
AFTER UPDATE OF slug ON main.workspaces BEGIN
  INSERT INTO touched VALUES ('sessions', NULL, NULL);
END;
CREATE TEMP TRIGGER IF NOT EXISTS touched_workspace_deleted AFTER DELETE ON main.workspaces BEGIN
  INSERT INTO touched VALUES ('everything', NULL, NULL);
END;
CREATE TEMP TRIGGER IF NOT EXISTS touched_origin_changed
AFTER UPDATE ON main.workspace_origins BEGIN
  INSERT INTO touched VALUES ('sessions', NULL, NULL);
END;
CREATE TEMP TRIGGER IF NOT EXISTS touched_origin_removed
AFTER DELETE ON main.workspace_origins BEGIN
  INSERT INTO touched VALUES ('sessions', NULL, NULL);
END;
";

/// Creates the triggers on a new connection of the writer.
pub(super) async fn watch(conn: &mut SqliteConnection) -> sqlx::Result<()> {
    sqlx::Executor::execute(conn, TRIGGERS).await?;
    Ok(())
}

/// The same, on the connection of the groups of writes (`group`).
pub(super) fn watch_here(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    conn.execute_batch(TRIGGERS)
}

/// Takes the transaction's notes; `collect` and `collect_here` run it.
const COLLECT: &str = "DELETE FROM temp.touched RETURNING what, ws, email";

/// What a transaction's writes made stale, noted by the triggers; called in the transaction,
/// just before it commits.
pub(super) async fn collect(conn: &mut SqliteConnection) -> sqlx::Result<Touched> {
    let rows: Vec<(String, Option<i64>, Option<String>)> =
        sqlx::query_as(COLLECT).fetch_all(conn).await?;
    Ok(Touched::from_notes(rows))
}

/// The same, on the connection of the groups of writes (`group`).
pub(super) fn collect_here(conn: &rusqlite::Connection) -> rusqlite::Result<Touched> {
    let rows = conn
        .prepare_cached(COLLECT)?
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Touched::from_notes(rows))
}

impl Touched {
    fn from_notes(rows: Vec<(String, Option<i64>, Option<String>)>) -> Self {
        let mut touched = Touched::default();
        for (what, ws, email) in rows {
            match (what.as_str(), ws, email) {
                ("user", Some(ws), Some(email)) => {
                    touched.users.insert(bucket(ws, &email));
                }
                ("sessions", ..) => touched.sessions = true,
                _ => touched.everything = true,
            }
        }
        touched.everything |= touched.users.len() > USERS_AT_MOST;
        touched
    }
}

/// What one transaction made stale.
#[derive(Debug, Default)]
pub(super) struct Touched {
    everything: bool,
    sessions: bool,
    users: HashSet<usize>,
}

fn bucket(workspace_id: i64, email: &str) -> usize {
    let mut hasher = DefaultHasher::new();
    (workspace_id, email).hash(&mut hasher);
    hasher.finish() as usize % BUCKETS
}

pub(super) struct Changes {
    wal: WalIndex,
    state: Mutex<State>,
}

struct State {
    /// The header as of the last commit accounted for: when the header differs, a commit
    /// happened that was not.
    accounted: Option<Header>,
    /// The last version handed out.
    latest: u64,
    everything: u64,
    sessions: u64,
    users: Box<[u64]>,
}

impl State {
    fn next(&mut self) -> u64 {
        self.latest += 1;
        self.latest
    }
}

impl Changes {
    /// The tracker of the database at `database`, open in WAL mode (see `WalIndex::open`).
    pub(super) fn open(database: &Path) -> Option<Self> {
        let wal = WalIndex::open(database)?;
        let accounted = wal.header();
        Some(Self {
            wal,
            state: Mutex::new(State {
                accounted,
                latest: 1,
                everything: 1,
                sessions: 1,
                users: vec![0; BUCKETS].into_boxed_slice(),
            }),
        })
    }

    /// The header before a tracked transaction writes: read once it holds SQLite's write
    /// lock, so that only its own commit can come between this and the header after it.
    pub(super) fn before(&self) -> Option<Header> {
        self.wal.header()
    }

    /// Accounts for a tracked transaction that committed. Unless the header moved by exactly
    /// that one commit since the last one accounted for, another commit came between, and
    /// everything is stale.
    pub(super) fn committed(&self, before: Option<Header>, touched: &Touched) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let after = self.wal.header();
        let alone = match (before, after) {
            (Some(b), Some(a)) => {
                state.accounted == before && a.commits() == b.commits().wrapping_add(1)
            }
            _ => false,
        };
        if !alone || touched.everything {
            state.everything = state.next();
        }
        if touched.sessions {
            state.sessions = state.next();
        }
        for &b in &touched.users {
            state.users[b] = state.next();
        }
        state.accounted = after;
    }

    /// Accounts for whatever this process committed without tracking, once its turn to write
    /// is over: if the header moved, everything is stale.
    pub(super) fn settle(&self) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let now = self.wal.header();
        if now.is_none() || now != state.accounted {
            state.everything = state.next();
            state.accounted = now;
        }
    }

    /// The version of a user's ticket lists. `None` while a commit is not accounted for yet
    /// (this process is writing): then nothing may be served from memory or kept.
    pub(super) fn of_user(
        &self,
        writing: &tokio::sync::Mutex<()>,
        workspace_id: i64,
        email: &str,
    ) -> Option<u64> {
        let b = bucket(workspace_id, email);
        self.version(writing, |s| s.users[b])
    }

    /// The version of every session.
    pub(super) fn of_sessions(&self, writing: &tokio::sync::Mutex<()>) -> Option<u64> {
        self.version(writing, |s| s.sessions)
    }

    fn version(
        &self,
        writing: &tokio::sync::Mutex<()>,
        of: impl FnOnce(&State) -> u64,
    ) -> Option<u64> {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        // Read under the lock, so that a tracked commit is either accounted for or not begun.
        let now = self.wal.header()?;
        if state.accounted != Some(now) {
            // Another process committed, unless this one is writing: then its writer accounts
            // for it, and until then nothing is served from memory.
            let _idle = writing.try_lock().ok()?;
            state.everything = state.next();
            state.accounted = self.wal.header();
            state.accounted?;
        }
        Some(of(&state).max(state.everything))
    }
}

#[cfg(test)]
mod tests {
    use sqlx::sqlite::SqliteConnectOptions;
    use sqlx::{ConnectOptions, Connection};

    use super::super::creation::tests::{scope, store_with_workspace, ticket};
    use super::super::Store;
    use porthole_core::opening::{open_ticket, Outcome};
    use porthole_core::participants::{copy, take_off};
    use porthole_core::tickets::{reply_as_agent, reply_as_customer, AgentReply, CustomerPost};
    use porthole_core::TicketRef;

    async fn open(store: &Store, workspace: i64, email: &str) -> i64 {
        let new = ticket("Printer on fire".into(), vec![]);
        match open_ticket(store, &scope(workspace, email), new, None, 2_000)
            .await
            .unwrap()
        {
            Outcome::Created(t) => TicketRef::parse(&t.reference).unwrap().0,
            Outcome::Replayed(_) => panic!("a fresh ticket was not created"),
        }
    }

    fn note(internal: bool) -> AgentReply {
        AgentReply {
            agent_name: "Sam".into(),
            body: "Looking into it".into(),
            internal,
            ..AgentReply::default()
        }
    }

    #[tokio::test]
    async fn a_write_makes_stale_the_lists_of_the_users_it_touched_and_no_others() {
        let (_dir, store, ws) = store_with_workspace().await;
        let ada = open(&store, ws, "ada@example.com").await;
        open(&store, ws, "bob@example.com").await;
        let version = |email: &'static str| {
            let store = store.clone();
            move || store.lists_version(ws, email).expect("tracked")
        };
        let (a, b, c) = (
            version("ada@example.com"),
            version("bob@example.com"),
            version("cy@example.com"),
        );

        let (a0, b0, c0) = (a(), b(), c());
        reply_as_agent(&store, (ws, ada), note(true), 3_000)
            .await
            .unwrap();
        assert_eq!(
            (a(), b(), c()),
            (a0, b0, c0),
            "an internal note shows in no list"
        );

        reply_as_agent(&store, (ws, ada), note(false), 3_000)
            .await
            .unwrap();
        assert_ne!(a(), a0, "the owner's list shows the reply");
        assert_eq!((b(), c()), (b0, c0));

        let (a1, c1) = (a(), c());
        copy(&store, (ws, ada), "cy@example.com", 4_000)
            .await
            .unwrap();
        assert_ne!(c(), c1, "the new participant's list now holds the ticket");
        assert_eq!(b(), b0);

        let (a2, c2) = (a(), c());
        let post = CustomerPost::rendered("Still on fire".into(), vec![]);
        let adas = scope(ws, "ada@example.com");
        reply_as_customer(&store, &adas, ada, post, 5_000)
            .await
            .unwrap();
        assert!(a() != a2 && c() != c2, "both see the reply");

        let c3 = c();
        take_off(&store, (ws, ada), "cy@example.com", 6_000)
            .await
            .unwrap();
        assert_ne!(c(), c3, "the ticket left the removed participant's list");
        assert_eq!(b(), b0, "nothing touched bob's tickets");
        assert_ne!(a(), a1);
    }

    #[tokio::test]
    async fn a_commit_of_another_process_makes_every_kept_answer_stale() {
        let (dir, store, ws) = store_with_workspace().await;
        open(&store, ws, "bob@example.com").await;
        let list = store.lists_version(ws, "bob@example.com").unwrap();
        let sessions = store.sessions_version().unwrap();

        // Another process: its own connection to the file, which the triggers do not watch.
        let mut other = SqliteConnectOptions::new()
            .filename(dir.path().join("p.db"))
            .connect()
            .await
            .unwrap();
        sqlx::query("UPDATE workspaces SET name = 'Acme Ltd'")
            .execute(&mut other)
            .await
            .unwrap();
        other.close().await.unwrap();

        assert_ne!(store.lists_version(ws, "bob@example.com"), Some(list));
        assert_ne!(store.sessions_version(), Some(sessions));
        // Accounted for once: the next asks agree again.
        assert_eq!(
            store.lists_version(ws, "bob@example.com"),
            store.lists_version(ws, "bob@example.com")
        );
    }

    #[tokio::test]
    async fn kept_sessions_go_stale_when_a_session_ends_and_not_when_a_ticket_is_opened() {
        let (_dir, store, ws) = store_with_workspace().await;
        let before = store.sessions_version().unwrap();
        open(&store, ws, "bob@example.com").await;
        assert_eq!(store.sessions_version(), Some(before));

        let mut tx = store.write_tx().await.unwrap();
        sqlx::query(
            "INSERT INTO sessions (token_hash, workspace_id, email, origin, created_at, \
             expires_at) VALUES ('h', $1, 'bob@example.com', 'https://a.test', 0, 9)",
        )
        .bind(ws)
        .execute(&mut *tx)
        .await
        .unwrap();
        tx.commit().await.unwrap();
        assert_eq!(
            store.sessions_version(),
            Some(before),
            "a new session changes none kept"
        );

        let mut tx = store.write_tx().await.unwrap();
        sqlx::query("DELETE FROM sessions WHERE token_hash = 'h'")
            .execute(&mut *tx)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        assert_ne!(store.sessions_version(), Some(before));
    }
}

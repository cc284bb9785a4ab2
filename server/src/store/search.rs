//! Keeping the search index in step. Triggers put the text of new tickets and messages in
//! `search_pending` (see its migration); every write transaction indexes it just before it
//! commits, so a search never sees half a write and never misses a committed one.

use sqlx::SqliteConnection;

/// Indexes the text waiting in the transaction.
const INDEX_PENDING: &str =
    "INSERT INTO ticket_text (ticket_id, text) SELECT ticket_id, text FROM search_pending; \
     DELETE FROM search_pending";

/// [`INDEX_PENDING`], in one round trip to sqlx's thread.
pub(super) async fn index_pending(conn: &mut SqliteConnection) -> sqlx::Result<()> {
    sqlx::query(INDEX_PENDING).execute(conn).await.map(drop)
}

/// The same, on the connection of the groups of writes (`group`).
pub(super) fn index_pending_here(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    conn.execute_batch(INDEX_PENDING)
}

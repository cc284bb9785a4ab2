//! Keeping the search index in step. Triggers put the text of new tickets and messages in
//! `search_pending` (see its migration); every write transaction indexes it just before it
//! commits, so a search never sees half a write and never misses a committed one.

use sqlx::SqliteConnection;

/// Indexes the text waiting in this transaction, in one statement.
pub(super) async fn index_pending(conn: &mut SqliteConnection) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO ticket_text (ticket_id, text) SELECT ticket_id, text FROM search_pending; \
         DELETE FROM search_pending",
    )
    .execute(conn)
    .await
    .map(drop)
}

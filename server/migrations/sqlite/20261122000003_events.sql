-- The transactional outbox: every change to a ticket, written by the transaction that makes
-- the change. Live streams read it now; email and webhook workers will. Ids grow in commit
-- order, since SQLite has one writer at a time, so a stream resumes after the last id it sent.
CREATE TABLE events (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    ticket_id    INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    -- The ticket's owner, so a customer's stream reads only their own events.
    contact_id   INTEGER NOT NULL,
    kind         TEXT    NOT NULL,
    -- Whether the customer may see it: internal notes, assignments and priorities are not.
    public       BOOLEAN NOT NULL,
    data         TEXT    NOT NULL,
    created_at   BIGINT  NOT NULL
);
CREATE INDEX events_by_contact ON events (contact_id, id);
CREATE INDEX events_by_workspace ON events (workspace_id, id);

-- Satisfaction ratings: one per resolution of a ticket. A resolution is the event that set the
-- ticket Resolved, so a ticket reopened and resolved again can be rated again.
CREATE TABLE ratings (
    id                  INTEGER PRIMARY KEY,
    workspace_id        INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    ticket_id           INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    resolution_event_id INTEGER NOT NULL,
    score               INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment             TEXT,
    -- Where it was given: widget, portal or embed.
    channel             TEXT    NOT NULL,
    created_at          BIGINT  NOT NULL,
    UNIQUE (ticket_id, resolution_event_id)
);
CREATE INDEX ratings_by_workspace ON ratings (workspace_id, created_at);

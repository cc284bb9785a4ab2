-- Articles read before writing: by a verified user (from the widget's suggestions) or a portal
-- visitor (by client address). A read is "followed" once its reader opens a ticket within the
-- hour; the reads never followed are the tickets the knowledge base saved.
CREATE TABLE article_reads (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    article_id   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    -- `user:<email>` or `client:<address>`.
    reader       TEXT    NOT NULL,
    followed     BOOLEAN NOT NULL DEFAULT FALSE,
    created_at   BIGINT  NOT NULL
);
CREATE INDEX article_reads_by_reader ON article_reads (workspace_id, reader, created_at);
CREATE INDEX article_reads_by_time ON article_reads (workspace_id, created_at);
CREATE INDEX tickets_by_creation ON tickets (workspace_id, created_at);

-- Files customers and agents attach to messages. The bytes live in the object store under the
-- row's id; the row is written first ("staged", no message yet) so that a file is never in the
-- store without a row that leads the sweeper to it.
CREATE TABLE attachments (
    -- 128 random bits, hex: the only handle on a file, and never enough on its own.
    id           TEXT    PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    -- NULL while staged; set in the transaction that writes the message.
    message_id   INTEGER REFERENCES messages (id) ON DELETE CASCADE,
    -- Who may attach a staged file: `user:<email>` or `agent`.
    owner        TEXT    NOT NULL,
    -- Who uploaded it, for rate limits: `session:<id>`, `client:<address>`, `key:<id>`.
    uploader     TEXT    NOT NULL,
    name         TEXT    NOT NULL,
    -- What the content is, by its bytes; never what the uploader said.
    content_type TEXT    NOT NULL,
    size         BIGINT  NOT NULL,
    created_at   BIGINT  NOT NULL
);
CREATE INDEX attachments_by_message ON attachments (message_id);
CREATE INDEX attachments_by_uploader ON attachments (uploader, created_at);
CREATE INDEX attachments_staged ON attachments (created_at) WHERE message_id IS NULL;

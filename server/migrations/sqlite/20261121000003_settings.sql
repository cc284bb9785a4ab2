-- Remote configuration, categories, customer metadata and FAQ clicks.

-- Every setting as one JSON document, validated by the server before it is written.
ALTER TABLE workspaces ADD COLUMN settings TEXT NOT NULL DEFAULT '{}';
ALTER TABLE tickets ADD COLUMN category TEXT;
-- What the host said about the user at init: value, name and links, as validated JSON.
ALTER TABLE contacts ADD COLUMN metadata TEXT;

-- Keyed by the question's text, so reordering keeps the counts and rewording starts afresh.
CREATE TABLE faq_clicks (
    workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    question     TEXT    NOT NULL,
    clicks       BIGINT  NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, question)
);

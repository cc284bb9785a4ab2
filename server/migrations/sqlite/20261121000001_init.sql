-- Times are Unix milliseconds (BIGINT) and booleans are BOOLEAN, so the same queries run on
-- SQLite and Postgres.

CREATE TABLE workspaces (
    id                          INTEGER PRIMARY KEY,
    slug                        TEXT    NOT NULL UNIQUE,
    name                        TEXT    NOT NULL,
    -- The HMAC key itself: verification needs it, so it cannot be stored as a hash.
    secret                      TEXT    NOT NULL,
    secret_created_at           BIGINT  NOT NULL,
    previous_secret             TEXT,
    previous_secret_expires_at  BIGINT,
    require_timestamp           BOOLEAN NOT NULL DEFAULT FALSE,
    timestamp_window_secs       BIGINT  NOT NULL DEFAULT 300,
    -- Last ticket number handed out; bumped inside the creating transaction, so no gaps.
    ticket_seq                  BIGINT  NOT NULL DEFAULT 0,
    created_at                  BIGINT  NOT NULL
);

CREATE TABLE workspace_origins (
    workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    origin       TEXT    NOT NULL,
    PRIMARY KEY (workspace_id, origin)
);

CREATE TABLE contacts (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    email        TEXT    NOT NULL,
    name         TEXT,
    created_at   BIGINT  NOT NULL,
    UNIQUE (workspace_id, email)
);

CREATE TABLE tickets (
    id                  INTEGER PRIMARY KEY,
    workspace_id        INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    number              BIGINT  NOT NULL,
    contact_id          INTEGER NOT NULL REFERENCES contacts (id),
    subject             TEXT    NOT NULL,
    description         TEXT,
    kind                TEXT,
    status              TEXT    NOT NULL,
    priority            TEXT    NOT NULL,
    channel             TEXT    NOT NULL,
    assignee            TEXT,
    created_at          BIGINT  NOT NULL,
    -- Any change, for agents.
    updated_at          BIGINT  NOT NULL,
    -- Changes the user can see (public messages, status), so internal notes do not reorder
    -- or re-date the user's list.
    public_activity_at  BIGINT  NOT NULL,
    last_agent_reply_at BIGINT,
    user_seen_at        BIGINT,
    UNIQUE (workspace_id, number)
);
CREATE INDEX tickets_by_contact ON tickets (contact_id, public_activity_at);
CREATE INDEX tickets_by_workspace ON tickets (workspace_id, updated_at);

CREATE TABLE messages (
    id          INTEGER PRIMARY KEY,
    ticket_id   INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    author      TEXT    NOT NULL,
    author_name TEXT,
    body        TEXT    NOT NULL,
    internal    BOOLEAN NOT NULL,
    created_at  BIGINT  NOT NULL
);
CREATE INDEX messages_by_ticket ON messages (ticket_id, id);

-- Only SHA-256 of the bearer token is kept.
CREATE TABLE sessions (
    token_hash   TEXT    PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    email        TEXT    NOT NULL,
    name         TEXT,
    origin       TEXT    NOT NULL,
    created_at   BIGINT  NOT NULL,
    expires_at   BIGINT  NOT NULL
);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

CREATE TABLE api_keys (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name         TEXT    NOT NULL,
    key_hash     TEXT    NOT NULL UNIQUE,
    -- The first characters of the key, so a person can tell keys apart in a list.
    hint         TEXT    NOT NULL,
    created_at   BIGINT  NOT NULL,
    last_used_at BIGINT,
    revoked_at   BIGINT
);

CREATE TABLE idempotency_keys (
    workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    email        TEXT    NOT NULL,
    key          TEXT    NOT NULL,
    -- SHA-256 of the request body: the same key with a different body is a client bug.
    fingerprint  TEXT    NOT NULL,
    ticket_id    INTEGER REFERENCES tickets (id) ON DELETE CASCADE,
    created_at   BIGINT  NOT NULL,
    PRIMARY KEY (workspace_id, email, key)
);

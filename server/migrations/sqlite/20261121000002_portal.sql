-- The public portal and the signed iframe.

-- What the agent wrote when resolving, shown on the tracking page.
ALTER TABLE tickets ADD COLUMN resolution TEXT;

-- Tracking links: SHA-256 of the token only, bound to one ticket and its email.
CREATE TABLE tracking_tokens (
    token_hash  TEXT    PRIMARY KEY,
    ticket_id   INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    email       TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL,
    expires_at  BIGINT  NOT NULL
);

-- Cookie sessions of server-rendered pages. A tracking session reaches one ticket
-- (ticket_id set); a signed-iframe session reaches every ticket of its verified email.
CREATE TABLE page_sessions (
    token_hash   TEXT    PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    email        TEXT    NOT NULL,
    name         TEXT,
    ticket_id    INTEGER REFERENCES tickets (id) ON DELETE CASCADE,
    created_at   BIGINT  NOT NULL,
    expires_at   BIGINT  NOT NULL
);
CREATE INDEX page_sessions_by_expiry ON page_sessions (expires_at);

-- Public submissions per client address, for the hourly limit.
CREATE TABLE portal_submissions (
    client_ip  TEXT   NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX portal_submissions_by_ip ON portal_submissions (client_ip, created_at);

-- How far each reader of the outbox has got, so a restart resumes where it stopped.
CREATE TABLE outbox_cursors (
    reader        TEXT    PRIMARY KEY,
    last_event_id INTEGER NOT NULL
);

-- Emails to send. Planned from events by the same transaction that moves the mail cursor, so
-- none is planned twice or lost; sent by a worker that retries with back-off.
CREATE TABLE mail_queue (
    id              INTEGER PRIMARY KEY,
    workspace_id    INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    ticket_id       INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    kind            TEXT    NOT NULL,
    recipient       TEXT    NOT NULL,
    -- The message it is about (a reply), if any.
    message_id      INTEGER,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT  NOT NULL,
    sent_at         BIGINT,
    -- Given up on, or no longer wanted (a widget reply read before its email was due).
    dropped_at      BIGINT,
    last_error      TEXT,
    created_at      BIGINT  NOT NULL
);
CREATE INDEX mail_due ON mail_queue (next_attempt_at) WHERE sent_at IS NULL AND dropped_at IS NULL;

-- A customer who used the one-click unsubscribe gets no more notifications.
ALTER TABLE contacts ADD COLUMN unsubscribed_at BIGINT;

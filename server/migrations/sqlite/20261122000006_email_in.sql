-- Inbound mail: the hash of the secret a mail provider's forwarding hook sends.
ALTER TABLE workspaces ADD COLUMN inbound_secret_hash TEXT;

-- The token in a notification's Reply-To address (reply+TOKEN@…): which ticket a reply by
-- email belongs to, and whose it must be. Only the token's hash is kept.
CREATE TABLE reply_tokens (
    token_hash TEXT    PRIMARY KEY,
    ticket_id  INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    email      TEXT    NOT NULL,
    created_at BIGINT  NOT NULL
);

-- Message-IDs of mail already taken in, so a message delivered twice is one reply.
CREATE TABLE inbound_messages (
    workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    message_id   TEXT    NOT NULL,
    ticket_id    INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    created_at   BIGINT  NOT NULL,
    PRIMARY KEY (workspace_id, message_id)
);

-- People who work a workspace's tickets in the console. An agent exists from the invitation
-- on; `password_hash` (Argon2id, PHC string) is set when they accept it.
CREATE TABLE agents (
    id              INTEGER PRIMARY KEY,
    workspace_id    INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    email           TEXT    NOT NULL,
    name            TEXT    NOT NULL,
    -- `admin` or `agent`, as for API keys.
    role            TEXT    NOT NULL,
    password_hash   TEXT,
    -- The TOTP key (base32) once the agent turned the second factor on, and the last time step
    -- a code was taken for, so no code is taken twice.
    totp_secret     TEXT,
    totp_last_step  BIGINT,
    -- Taken into round-robin assignment.
    available       BOOLEAN NOT NULL DEFAULT TRUE,
    -- Consecutive failed sign-ins, and until when sign-in is refused after too many.
    failed_logins   INTEGER NOT NULL DEFAULT 0,
    locked_until    BIGINT,
    created_at      BIGINT  NOT NULL,
    UNIQUE (workspace_id, email)
);

-- Invitations: only the hash of the link's token is kept.
CREATE TABLE agent_invites (
    token_hash TEXT    PRIMARY KEY,
    agent_id   INTEGER NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    created_at BIGINT  NOT NULL,
    expires_at BIGINT  NOT NULL
);

-- Console sessions, by the hash of the cookie's token.
CREATE TABLE agent_sessions (
    token_hash TEXT    PRIMARY KEY,
    agent_id   INTEGER NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    created_at BIGINT  NOT NULL,
    expires_at BIGINT  NOT NULL
);
CREATE INDEX agent_sessions_by_agent ON agent_sessions (agent_id);

-- Sign-in attempts per client address, for the per-address limit.
CREATE TABLE sign_in_attempts (
    client     TEXT   NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX sign_in_attempts_by_client ON sign_in_attempts (client, created_at);

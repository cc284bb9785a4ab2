-- Endpoints that hear of a workspace's ticket events, signed as Standard Webhooks do, or posted
-- as Slack incoming-webhook messages.
CREATE TABLE webhooks (
    id              INTEGER PRIMARY KEY,
    workspace_id    INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    url             TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    -- JSON array of event types; empty means every type.
    events          TEXT    NOT NULL,
    -- The signing key (`whsec_` + base64). Signing needs it, so it cannot be a hash.
    secret          TEXT    NOT NULL,
    created_at      BIGINT  NOT NULL,
    disabled_at     BIGINT,
    disabled_reason TEXT
);
CREATE INDEX webhooks_by_workspace ON webhooks (workspace_id);

-- One delivery of one event to one endpoint, with its attempts: the delivery log.
CREATE TABLE webhook_deliveries (
    id              INTEGER PRIMARY KEY,
    webhook_id      INTEGER NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event_id        INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT  NOT NULL,
    delivered_at    BIGINT,
    failed_at       BIGINT,
    last_status     INTEGER,
    last_error      TEXT,
    created_at      BIGINT  NOT NULL,
    UNIQUE (webhook_id, event_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at)
    WHERE delivered_at IS NULL AND failed_at IS NULL;
CREATE INDEX webhook_deliveries_by_webhook ON webhook_deliveries (webhook_id, id);

-- How upset the customer sounded when they opened the ticket: VADER's compound score of the
-- subject and description, -1 (very negative) to 1. NULL for tickets opened before.
ALTER TABLE tickets ADD COLUMN sentiment REAL;
CREATE INDEX tickets_by_sentiment ON tickets (workspace_id, sentiment);

-- Round-robin assignment gives the next ticket to the available agent who got one longest ago.
ALTER TABLE agents ADD COLUMN last_assigned_at BIGINT;

-- Reports count resolutions by day without reading every event of the workspace.
CREATE INDEX events_by_kind ON events (workspace_id, kind, created_at);

-- When a ticket was escalated: once, when it waited the workspace's escalate_after_minutes
-- unassigned or unanswered. The partial index holds only tickets that could still be.
ALTER TABLE tickets ADD COLUMN escalated_at BIGINT;
CREATE INDEX tickets_awaiting_escalation ON tickets (created_at)
    WHERE escalated_at IS NULL AND status IN ('open', 'in_progress');

-- Every filter the agent API offers is served by an index, in the list's order.
CREATE INDEX tickets_by_status ON tickets (workspace_id, status, updated_at);
CREATE INDEX tickets_by_priority ON tickets (workspace_id, priority, updated_at);
CREATE INDEX tickets_by_assignee ON tickets (workspace_id, assignee, updated_at);
CREATE INDEX tickets_by_category ON tickets (workspace_id, category, updated_at);

-- Full-text search for agents: one row per subject and one per message, internal notes
-- included (agents search those too). Descriptions open the conversation as its first message,
-- so they are indexed as messages. Triggers keep it in step inside the transaction that
-- writes the text, so a search never sees half a write. Postgres will use a tsvector column
-- behind the same store method.
CREATE VIRTUAL TABLE ticket_text USING fts5(
    ticket_id UNINDEXED,
    text,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER ticket_text_subject AFTER INSERT ON tickets BEGIN
    INSERT INTO ticket_text (ticket_id, text) VALUES (new.id, new.subject);
END;

CREATE TRIGGER ticket_text_message AFTER INSERT ON messages BEGIN
    INSERT INTO ticket_text (ticket_id, text) VALUES (new.ticket_id, new.body);
END;

-- A ticket's rows go with it (tickets are deleted only with their workspace).
CREATE TRIGGER ticket_text_forget AFTER DELETE ON tickets BEGIN
    DELETE FROM ticket_text WHERE ticket_id = old.id;
END;

INSERT INTO ticket_text (ticket_id, text) SELECT id, subject FROM tickets;
INSERT INTO ticket_text (ticket_id, text) SELECT ticket_id, body FROM messages;

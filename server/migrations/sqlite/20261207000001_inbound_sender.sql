-- A message taken in is known by its sender and its Message-ID together: anyone can write any
-- Message-ID, so another sender who sent X first must not make the customer's real X a
-- "duplicate". Rows from before keep the ticket's customer as their sender, who sent them
-- but for participants' replies.
CREATE TABLE inbound_messages_by_sender (
    workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    sender       TEXT    NOT NULL,
    message_id   TEXT    NOT NULL,
    ticket_id    INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    created_at   BIGINT  NOT NULL,
    PRIMARY KEY (workspace_id, sender, message_id)
);

INSERT INTO inbound_messages_by_sender (workspace_id, sender, message_id, ticket_id, created_at)
SELECT i.workspace_id, c.email, i.message_id, i.ticket_id, i.created_at
FROM inbound_messages i JOIN tickets t ON t.id = i.ticket_id JOIN contacts c ON c.id = t.contact_id;

DROP TABLE inbound_messages;
ALTER TABLE inbound_messages_by_sender RENAME TO inbound_messages;

-- Threading looks a Message-ID up whoever sent it.
CREATE INDEX inbound_message_ids ON inbound_messages (workspace_id, message_id);

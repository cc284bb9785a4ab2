-- People copied on a ticket besides its customer: they read it, reply and are notified like
-- the customer, and lose access the moment the row goes. `seen_at` is each one's own "read up
-- to", as `tickets.user_seen_at` is the customer's.
CREATE TABLE ticket_participants (
    ticket_id  INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    -- `agent`, `user` (named by the host when the ticket was opened) or `email` (a CC).
    added_by   TEXT    NOT NULL,
    seen_at    BIGINT,
    created_at BIGINT  NOT NULL,
    PRIMARY KEY (ticket_id, contact_id)
) WITHOUT ROWID;
CREATE INDEX participants_by_contact ON ticket_participants (contact_id, ticket_id);

-- The participants a host's signature vouched for when the session began (a JSON array), for
-- the tickets the user opens in it.
ALTER TABLE sessions ADD COLUMN participants TEXT;
ALTER TABLE page_sessions ADD COLUMN participants TEXT;

-- A participant's stream reads the events of the tickets they are copied on.
CREATE INDEX events_by_ticket ON events (ticket_id, id);

-- Who wrote a customer message, when it was a participant rather than the customer.
ALTER TABLE messages ADD COLUMN author_contact INTEGER REFERENCES contacts (id) ON DELETE SET NULL;

-- New text waits here, and is indexed just before its transaction commits, all of it in one
-- statement (`store::search`). FTS5 writes the text it holds as a new segment at every
-- savepoint, so a group of ticket creations (`store::group`), each in a savepoint of its own,
-- wrote a segment per ticket and merged them again and again; now a group writes one.
-- Nothing is left here once a transaction commits.
CREATE TABLE search_pending (
    ticket_id INTEGER NOT NULL,
    text TEXT NOT NULL
);

DROP TRIGGER ticket_text_subject;
DROP TRIGGER ticket_text_message;

CREATE TRIGGER ticket_text_subject AFTER INSERT ON tickets BEGIN
    INSERT INTO search_pending (ticket_id, text) VALUES (new.id, new.subject);
END;

CREATE TRIGGER ticket_text_message AFTER INSERT ON messages BEGIN
    INSERT INTO search_pending (ticket_id, text) VALUES (new.ticket_id, new.body);
END;

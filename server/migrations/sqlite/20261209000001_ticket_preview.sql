-- The start of each ticket's latest public message, kept on the ticket: the customer's list
-- shows it beside every ticket, and reading it from the ticket's row spares the list a search
-- of the messages for each ticket (at 1 M tickets, the larger part of a list's cost).
-- Twice the 140 characters shown, so that folding whitespace still leaves enough. Messages
-- are only inserted (and deleted with their ticket), so the insert is all there is to follow.
ALTER TABLE tickets ADD COLUMN preview TEXT;

UPDATE tickets SET preview = (
    SELECT substr(m.body, 1, 280) FROM messages m
    WHERE m.ticket_id = tickets.id AND m.internal = FALSE
    ORDER BY m.id DESC LIMIT 1
);

CREATE TRIGGER ticket_preview AFTER INSERT ON messages WHEN NOT new.internal BEGIN
    UPDATE tickets SET preview = substr(new.body, 1, 280) WHERE id = new.ticket_id;
END;

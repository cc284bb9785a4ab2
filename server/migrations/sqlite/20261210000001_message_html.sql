-- Each message as its readers see it, rendered once when it is written: a ticket's screen
-- showed every message by rendering its Markdown and cleaning the result again on each read,
-- which cost more than reading the ticket. NULL (messages written before this column) is
-- rendered at each read, as before. A change to how messages render adds a migration that
-- sets this column to NULL, so that no message keeps an old rendering.
ALTER TABLE messages ADD COLUMN html TEXT;

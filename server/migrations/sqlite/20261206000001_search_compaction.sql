-- The search index is compacted in the background (`Store::compact_search`), merging its
-- segments two at a time instead of FTS5's default four: a search reads every segment, and at
-- a million tickets twenty segments made a rare word's search three times slower than three.
-- Writers keep FTS5's own merging (automerge) as it was, so creating a ticket costs the same.
INSERT INTO ticket_text (ticket_text, rank) VALUES ('usermerge', 2);

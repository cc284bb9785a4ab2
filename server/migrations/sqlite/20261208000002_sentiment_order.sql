-- The list by sentiment is ordered by score, then most recent first: the index holds that
-- whole order, so a page deep into many tickets of one score (VADER gives similar texts the
-- same score) walks the index instead of sorting every ticket of that score.
DROP INDEX tickets_by_sentiment;
CREATE INDEX tickets_by_sentiment ON tickets (workspace_id, sentiment, updated_at DESC, id DESC);

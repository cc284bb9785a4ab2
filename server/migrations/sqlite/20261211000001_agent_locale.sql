-- The console's language an agent chose; NULL: their browser's.
ALTER TABLE agents ADD COLUMN locale TEXT;

-- An agent's picture, shown to customers beside the agent's replies. `avatar` is the id of its
-- bytes in the file store: 128 random bits, new with each picture, so a picture can be cached
-- for ever and an old one is never served again. `avatar_type` is what its bytes showed.
ALTER TABLE agents ADD COLUMN avatar TEXT;
ALTER TABLE agents ADD COLUMN avatar_type TEXT;
CREATE UNIQUE INDEX agents_by_avatar ON agents (avatar) WHERE avatar IS NOT NULL;

-- The agent who wrote a message in the console, for the picture beside it. API keys and the
-- CLI write as nobody in particular.
ALTER TABLE messages ADD COLUMN author_agent INTEGER REFERENCES agents (id) ON DELETE SET NULL;

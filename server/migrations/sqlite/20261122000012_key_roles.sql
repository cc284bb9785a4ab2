-- What an API key may do: `admin` (everything, settings, origins, the identity secret and
-- webhooks included) or `agent` (tickets, articles, reports). Keys made before roles keep
-- what they could do.
ALTER TABLE api_keys ADD COLUMN role TEXT NOT NULL DEFAULT 'admin';

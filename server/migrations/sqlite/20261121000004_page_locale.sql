-- The language a signed iframe was opened in, kept across the redirect that strips its URL.
ALTER TABLE page_sessions ADD COLUMN locale TEXT;

-- When an email was given up on as undeliverable (a permanent SMTP refusal, or a day of
-- failed attempts), as against dropped because it was no longer wanted. Admins see these.
ALTER TABLE mail_queue ADD COLUMN failed_at BIGINT;
CREATE INDEX mail_failed ON mail_queue (workspace_id, failed_at) WHERE failed_at IS NOT NULL;

-- A ticket shows its emails that did not reach their recipient: found by ticket among the few
-- rows an SMTP server ever refused.
CREATE INDEX mail_undelivered_ticket ON mail_queue (ticket_id) WHERE last_error IS NOT NULL;

-- The language a customer last used with us (widget, portal or signed iframe): emails to them
-- speak it.
ALTER TABLE contacts ADD COLUMN locale TEXT;

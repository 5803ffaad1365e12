-- An audit summary can be recorded as a message key and its arguments besides its English text, so that the log
-- reads in the reader's language (decision 022). Older rows keep their text only.
ALTER TABLE audit_event ADD COLUMN summary_key VARCHAR(100);
ALTER TABLE audit_event ADD COLUMN summary_args VARCHAR(1000);

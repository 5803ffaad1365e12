-- Counts the changes to an account that must end its open sessions (disabled, password reset, other agency or
-- roles). A session remembers the count it signed in with; every node compares it at each request, so a change
-- made on one node ends the session on another at its next request (decision 034).
ALTER TABLE app_user ADD COLUMN access_epoch INTEGER DEFAULT 0 NOT NULL;

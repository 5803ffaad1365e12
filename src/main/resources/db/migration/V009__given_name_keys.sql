-- The list's search box reads every word as a family or a given name, in any order and any script (decision 009):
-- "Armen Hovhannisyan", "Мкртчян Айк", "Armen". Given names get household-level keys beside the family names'
-- (household_name_key), with the same draft marks, so that a word is one index range per key, visibility included.
-- The keys are the given name's sounds with the vowels kept (NameKeys.givenKeys), so only Java can compute them.
CREATE TABLE household_given_key (
    given_key      VARCHAR(32) NOT NULL,
    household_id   BIGINT      NOT NULL REFERENCES household (id),
    draft_agency   VARCHAR(32),
    PRIMARY KEY (given_key, household_id)
);
CREATE INDEX ix_household_given_key_visible ON household_given_key (given_key, draft_agency, household_id);
CREATE INDEX ix_household_given_key_household ON household_given_key (household_id);

-- Index rows that a migration cannot compute in SQL: the application writes them on its next start and then
-- removes the name from here (GivenNameKeyBackfill). A database created by this migration has no households yet.
CREATE TABLE index_backfill (
    name           VARCHAR(64) NOT NULL PRIMARY KEY
);
INSERT INTO index_backfill (name) VALUES ('household_given_key');

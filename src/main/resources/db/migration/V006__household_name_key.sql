-- The household list's name search counts households, not persons: one row per household and phonetic key
-- (a family shares its name, so this is about a third of person_name_key), read from its primary key alone.
CREATE TABLE household_name_key (
    name_key       VARCHAR(32) NOT NULL,
    household_id   BIGINT      NOT NULL REFERENCES household (id),
    PRIMARY KEY (name_key, household_id)
);
CREATE INDEX ix_household_name_key_household ON household_name_key (household_id);
INSERT INTO household_name_key (name_key, household_id)
    SELECT DISTINCT name_key, household_id FROM person_name_key;

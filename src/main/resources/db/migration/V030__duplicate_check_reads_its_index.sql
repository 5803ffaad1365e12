-- The duplicate check reads a family name's persons born within a year of the member (a few hundred for a common
-- name) and keeps those whose given name is alike and whose sex does not differ, usually a handful. It read every
-- one of them from the person and household tables first. The given name, folded, and the sex now sit on the key
-- row, so the first step reads one index and only the persons that pass are read whole (decision 019).
ALTER TABLE person_name_key ADD COLUMN given_folded VARCHAR(100);
ALTER TABLE person_name_key ADD COLUMN sex VARCHAR(8);
UPDATE person_name_key SET given_folded = (SELECT p.given_folded FROM person p WHERE p.id = person_name_key.person_id),
                           sex = (SELECT p.sex FROM person p WHERE p.id = person_name_key.person_id);
UPDATE person_name_key SET given_folded = '' WHERE given_folded IS NULL;
ALTER TABLE person_name_key ALTER COLUMN given_folded SET NOT NULL;
CREATE INDEX ix_person_name_key_candidates ON person_name_key (name_key, birth_date, given_folded, sex, person_id);

-- Measured at 250,000 households on H2 (HouseholdBenchmark, decision 008). Two lookups made every list page read
-- thousands of household rows or probe another table once per row:
--
-- 1. The vulnerability filter probed household_vulnerability for each household the other filters left (5,753
--    probes for one settlement of origin). The household's needs, its own and its members', now sit in one column,
--    ',LOST_HOME,PREGNANT,', and in the covering indexes of the filters, so a filter is answered from one index.
-- 2. Counting a name search joined every matching key to its household to leave out other agencies' drafts. The
--    key row now says whose draft it is (NULL once submitted), so the count reads the key index alone. The same
--    goes for household_vulnerability, which now serves a need chosen as the only filter: one index range.
ALTER TABLE household ADD COLUMN needs VARCHAR(400);
UPDATE household SET needs = ','
    || CASE WHEN EXISTS (SELECT 1 FROM household_vulnerability v
                     WHERE v.household_id = household.id AND v.code = 'CHRONIC_ILLNESS') THEN 'CHRONIC_ILLNESS,' ELSE '' END
    || CASE WHEN EXISTS (SELECT 1 FROM household_vulnerability v
                     WHERE v.household_id = household.id AND v.code = 'DISABILITY') THEN 'DISABILITY,' ELSE '' END
    || CASE WHEN EXISTS (SELECT 1 FROM household_vulnerability v
                     WHERE v.household_id = household.id AND v.code = 'ELDERLY_ALONE') THEN 'ELDERLY_ALONE,' ELSE '' END
    || CASE WHEN EXISTS (SELECT 1 FROM household_vulnerability v
                     WHERE v.household_id = household.id AND v.code = 'LARGE_FAMILY') THEN 'LARGE_FAMILY,' ELSE '' END
    || CASE WHEN EXISTS (SELECT 1 FROM household_vulnerability v
                     WHERE v.household_id = household.id AND v.code = 'LOST_DOCUMENTS') THEN 'LOST_DOCUMENTS,' ELSE '' END
    || CASE WHEN EXISTS (SELECT 1 FROM household_vulnerability v
                     WHERE v.household_id = household.id AND v.code = 'LOST_HOME') THEN 'LOST_HOME,' ELSE '' END
    || CASE WHEN EXISTS (SELECT 1 FROM household_vulnerability v
                     WHERE v.household_id = household.id AND v.code = 'NO_INCOME') THEN 'NO_INCOME,' ELSE '' END
    || CASE WHEN EXISTS (SELECT 1 FROM household_vulnerability v
                     WHERE v.household_id = household.id AND v.code = 'PREGNANT') THEN 'PREGNANT,' ELSE '' END
    || CASE WHEN EXISTS (SELECT 1 FROM household_vulnerability v
                     WHERE v.household_id = household.id AND v.code = 'SINGLE_PARENT') THEN 'SINGLE_PARENT,' ELSE '' END
    || CASE WHEN EXISTS (SELECT 1 FROM household_vulnerability v
                     WHERE v.household_id = household.id AND v.code = 'SURVIVOR') THEN 'SURVIVOR,' ELSE '' END
    || CASE WHEN EXISTS (SELECT 1 FROM household_vulnerability v
                     WHERE v.household_id = household.id AND v.code = 'UNACCOMPANIED_CHILD') THEN 'UNACCOMPANIED_CHILD,' ELSE '' END;
UPDATE household SET needs = NULL WHERE needs = ',';

DROP INDEX ix_household_visibility;
DROP INDEX ix_household_origin_status;
DROP INDEX ix_household_current_status;
DROP INDEX ix_household_status_agency;
DROP INDEX ix_household_agency;
DROP INDEX ix_household_consent;
CREATE INDEX ix_household_visibility ON household (id, status, agency_code, needs);
CREATE INDEX ix_household_origin_status ON household (origin_settlement_id, status, id, agency_code, needs);
CREATE INDEX ix_household_current_status ON household (current_settlement_id, status, id, agency_code, needs);
CREATE INDEX ix_household_status_agency ON household (status, agency_code, id, needs);
CREATE INDEX ix_household_agency ON household (agency_code, status, id, needs);
CREATE INDEX ix_household_consent ON household (consent_share_partners, status, id, agency_code, needs);

ALTER TABLE household_name_key ADD COLUMN draft_agency VARCHAR(32);
UPDATE household_name_key SET draft_agency = (SELECT h.agency_code FROM household h
    WHERE h.id = household_name_key.household_id AND h.status = 'DRAFT');
CREATE INDEX ix_household_name_key_visible ON household_name_key (name_key, draft_agency, household_id);

ALTER TABLE household_vulnerability ADD COLUMN draft_agency VARCHAR(32);
UPDATE household_vulnerability SET draft_agency = (SELECT h.agency_code FROM household h
    WHERE h.id = household_vulnerability.household_id AND h.status = 'DRAFT');
CREATE INDEX ix_household_vulnerability_visible ON household_vulnerability (code, draft_agency, household_id);

-- A family and given name search reads the household id from the index instead of each person's row.
DROP INDEX ix_person_family_folded;
CREATE INDEX ix_person_family_folded ON person (family_folded, given_folded, household_id);

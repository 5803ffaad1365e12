-- Measured at 250,000 households (HouseholdBenchmark): counting a name search fetched every key's heap row for its
-- household_id and scanned the whole household table for the visibility check. These indexes let both be read
-- from indexes only, and let the list filters count without touching household rows.
CREATE INDEX ix_person_name_key_household ON person_name_key (name_key, household_id);
CREATE INDEX ix_household_visibility ON household (id, status, agency_code);
CREATE INDEX ix_household_origin_status ON household (origin_settlement_id, status, id, agency_code);
CREATE INDEX ix_household_current_status ON household (current_settlement_id, status, id, agency_code);
CREATE INDEX ix_household_status_agency ON household (status, agency_code, id);
DROP INDEX ix_household_origin;
DROP INDEX ix_household_current;
DROP INDEX ix_household_status;

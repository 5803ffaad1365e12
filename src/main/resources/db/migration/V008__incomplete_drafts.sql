-- A draft may be saved before the family has told everything: where they came from, where they stay, when they
-- left, each member's sex and birth date. Submitting checks that all of it is there (RegistrationRules).
ALTER TABLE household ALTER COLUMN origin_settlement_id DROP NOT NULL;
ALTER TABLE household ALTER COLUMN current_settlement_id DROP NOT NULL;
ALTER TABLE household ALTER COLUMN displaced_on DROP NOT NULL;
ALTER TABLE person ALTER COLUMN sex DROP NOT NULL;
ALTER TABLE person ALTER COLUMN birth_date DROP NOT NULL;

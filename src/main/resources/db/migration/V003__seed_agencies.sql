-- The agencies of the interagency humanitarian response centre and their capabilities (reference data).
INSERT INTO agency (code, name) VALUES ('MCHS', 'Ministry of Emergency Situations');
INSERT INTO agency (code, name) VALUES ('MOD', 'Ministry of Defence (peacekeeping contingent)');
INSERT INTO agency (code, name) VALUES ('BORDER', 'Border Service');
INSERT INTO agency (code, name) VALUES ('MFA', 'Ministry of Foreign Affairs');
INSERT INTO agency (code, name) VALUES ('HEALTH', 'Ministry of Health');
INSERT INTO agency (code, name) VALUES ('PARTNER', 'Partner organisation (international Red Cross delegation)');
INSERT INTO agency (code, name) VALUES ('CENTRE', 'Interagency humanitarian response centre (administration)');

INSERT INTO agency_capability (agency_id, capability) VALUES ((SELECT id FROM agency WHERE code = 'MCHS'), 'REGISTRATION');
INSERT INTO agency_capability (agency_id, capability) VALUES ((SELECT id FROM agency WHERE code = 'MCHS'), 'AID');
INSERT INTO agency_capability (agency_id, capability) VALUES ((SELECT id FROM agency WHERE code = 'MOD'), 'REGISTRATION');
INSERT INTO agency_capability (agency_id, capability) VALUES ((SELECT id FROM agency WHERE code = 'MOD'), 'CONVOYS');
INSERT INTO agency_capability (agency_id, capability) VALUES ((SELECT id FROM agency WHERE code = 'MOD'), 'JOURNEYS');
INSERT INTO agency_capability (agency_id, capability) VALUES ((SELECT id FROM agency WHERE code = 'BORDER'), 'CHECKPOINT');
INSERT INTO agency_capability (agency_id, capability) VALUES ((SELECT id FROM agency WHERE code = 'MFA'), 'COORDINATION');
INSERT INTO agency_capability (agency_id, capability) VALUES ((SELECT id FROM agency WHERE code = 'HEALTH'), 'REGISTRATION');
INSERT INTO agency_capability (agency_id, capability) VALUES ((SELECT id FROM agency WHERE code = 'HEALTH'), 'SENSITIVE_DATA');
INSERT INTO agency_capability (agency_id, capability) VALUES ((SELECT id FROM agency WHERE code = 'PARTNER'), 'PARTNER');

-- Runs after every Flyway migrate on PostgreSQL (a Flyway callback, not a migration), as the owner of the schema
-- (spring.flyway.user). When the application connects as another role (spring.datasource.username), that role
-- gets exactly what the application needs: reading and writing the tables and using their sequences, but no
-- UPDATE, DELETE or TRUNCATE on the audit log, and nothing on Flyway's history. See decision 032.
DO $$
DECLARE
    app TEXT := '${appuser}';
BEGIN
    IF app = current_user OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), app);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', current_schema(), app);
    EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I TO %I', current_schema(), app);
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM %I', app);
    EXECUTE format('REVOKE ALL ON flyway_schema_history FROM %I', app);
END
$$;

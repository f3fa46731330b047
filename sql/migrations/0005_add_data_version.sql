-- A counter bumped by every statement that changes what the conflict rules read, so a server can
-- keep the result of a full scan until the data changes (a check's rolled-back insert bumps nothing).
CREATE TABLE data_version (
  id      boolean PRIMARY KEY DEFAULT true CHECK (id),
  version bigint NOT NULL
);
INSERT INTO data_version (id, version) VALUES (true, 0);

CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_version SET version = version + 1;
  RETURN NULL;
END $$;

CREATE TRIGGER work_bumps_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON work
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER neighbourhood_bumps_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON neighbourhood
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER historic_district_bumps_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON historic_district
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER rule_setting_bumps_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON rule_setting
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER rule_setting_default_bumps_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON rule_setting_default
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER organisation_bumps_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organisation
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();

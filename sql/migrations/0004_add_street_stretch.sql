-- Streets cut into stretches of about 100 m, kept with the street by a trigger: the unit of the
-- repeat-excavation history. Cutting is slow in embedded PostGIS, so it is done once per street.
INSERT INTO rule_setting_default (key, value, unit, source) VALUES
  ('street_stretch_m', 100, 'm', 'length of the street stretches the excavation history counts on');

CREATE TABLE street_stretch (
  street_id bigint NOT NULL REFERENCES street(id) ON DELETE CASCADE,
  stretch   integer NOT NULL CHECK (stretch >= 0),
  city_code text NOT NULL REFERENCES city(code),
  geom      geometry(LineString, 4326) NOT NULL,
  geom_m    geometry NOT NULL,
  PRIMARY KEY (street_id, stretch)
);
CREATE INDEX street_stretch_geom_m_gix ON street_stretch USING gist (geom_m);
CREATE INDEX street_stretch_geom_gix ON street_stretch USING gist (geom);

CREATE FUNCTION street_cut_stretches() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  srid integer := (SELECT metric_srid FROM city WHERE code = NEW.city_code);
  len double precision := coalesce(
    (SELECT value FROM rule_setting WHERE city_code = NEW.city_code AND key = 'street_stretch_m'),
    (SELECT value FROM rule_setting_default WHERE key = 'street_stretch_m'));
BEGIN
  DELETE FROM street_stretch WHERE street_id = NEW.id;
  INSERT INTO street_stretch (street_id, stretch, city_code, geom, geom_m)
  SELECT NEW.id, i, NEW.city_code, ST_Transform(piece, 4326), piece
    FROM (SELECT ST_Transform(NEW.geom, srid) AS g) m,
         LATERAL (SELECT greatest(1, ceil(ST_Length(m.g) / len))::integer AS n) k,
         LATERAL generate_series(0, k.n - 1) AS i,
         LATERAL (SELECT ST_LineSubstring(m.g, i::double precision / k.n, (i + 1)::double precision / k.n) AS piece) p;
  RETURN NEW;
END $$;

CREATE TRIGGER street_cut_stretches AFTER INSERT OR UPDATE OF geom, city_code ON street
  FOR EACH ROW EXECUTE FUNCTION street_cut_stretches();

UPDATE street SET geom = geom;

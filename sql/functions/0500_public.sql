-- What the public sees of a work's place. Gas and power lines are shown at street level, never as
-- the exact pipe or cable: the ~100 m street stretches the work runs along; away from any street, a
-- point rounded to about 100 m.
CREATE OR REPLACE FUNCTION utility_shown_by_street(p_utility text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT p_utility IN ('gas', 'power')
$$;

CREATE OR REPLACE FUNCTION public_work_geometry(w work) RETURNS geometry
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN NOT utility_shown_by_street(w.utility) THEN w.geom
    ELSE coalesce(
      (SELECT ST_LineMerge(ST_Collect(s.geom ORDER BY s.street_id, s.stretch))
         FROM street_stretch s
        WHERE s.city_code = w.city_code
          AND s.geom_m && ST_Expand(w.geom_m, 20)
          AND ST_Length(ST_Intersection(s.geom_m, ST_Buffer(w.geom_m, 20))) >= least(20, 0.5 * ST_Length(s.geom_m))),
      ST_SnapToGrid(ST_Centroid(w.geom), 0.001))
  END
$$;

-- The stored public places (work_public_geometry) follow the definition above: on a database that
-- has none yet, or when the definition has changed, every work's is made again here.
DO $$
DECLARE
  v_definition text := md5(pg_get_functiondef('public_work_geometry(work)'::regprocedure));
BEGIN
  IF v_definition IS DISTINCT FROM (SELECT value FROM dataset_info WHERE key = 'public_work_geometry') THEN
    INSERT INTO work_public_geometry (work_id, geom)
    SELECT w.id, public_work_geometry(w) FROM work w
        ON CONFLICT (work_id) DO UPDATE SET geom = EXCLUDED.geom;
    INSERT INTO dataset_info (key, value) VALUES ('public_work_geometry', v_definition)
        ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value;
  END IF;
END $$;

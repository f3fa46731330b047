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

-- The repeat-excavation map as the public may see it (street_openings for staff): a work shown at
-- street level counts on exactly the stretches it is shown along, found from that public place, so
-- the map places it no more closely than its published geometry; other works count as for staff.
CREATE OR REPLACE FUNCTION street_openings_public(p_city text, p_since date, p_until date)
RETURNS TABLE (street_id bigint, stretch integer, name text, class text, openings integer, work_ids bigint[], geojson text)
LANGUAGE plpgsql STABLE AS $$
DECLARE
  d double precision;
  reach double precision;
BEGIN
  SELECT r.co_location_m, (SELECT coalesce(max(w.width_m), 0)::double precision / 2 FROM work w WHERE w.city_code = p_city)
    INTO d, reach
    FROM engine_rules(p_city) r;
  RETURN QUERY
  WITH near AS (
    SELECT p.street_id, p.stretch, o.id AS work_id, o.start_date
      FROM street_stretch p
      JOIN work o
        ON o.geom_m && ST_Expand(p.geom_m, d + reach)
       AND o.city_code = p_city AND o.status NOT IN ('draft', 'cancelled') AND o.start_date BETWEEN p_since AND p_until
       AND NOT utility_shown_by_street(o.utility)
       AND ST_DWithin(o.geom_m, p.geom_m, d + o.reach_m)
     WHERE p.city_code = p_city
    UNION ALL
    SELECT p.street_id, p.stretch, o.id, o.start_date
      FROM street_stretch p
      JOIN work_public_geometry pw ON pw.geom && p.geom AND ST_Covers(pw.geom, p.geom)
      JOIN work o
        ON o.id = pw.work_id
       AND o.city_code = p_city AND o.status NOT IN ('draft', 'cancelled') AND o.start_date BETWEEN p_since AND p_until
       AND utility_shown_by_street(o.utility)
     WHERE p.city_code = p_city
  )
  SELECT p.street_id, p.stretch, s.name, s.class, count(o.work_id)::integer,
         coalesce(array_agg(o.work_id ORDER BY o.start_date, o.work_id) FILTER (WHERE o.work_id IS NOT NULL), '{}'),
         ST_AsGeoJSON(p.geom, 6)
    FROM street_stretch p
    JOIN street s ON s.id = p.street_id
    LEFT JOIN near o ON o.street_id = p.street_id AND o.stretch = p.stretch
   WHERE p.city_code = p_city
   GROUP BY p.street_id, p.stretch, s.name, s.class, p.geom;
END $$;

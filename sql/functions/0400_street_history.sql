-- How often each stretch of street was opened: each stretch (street_stretch, about 100 m) counts the
-- works (not draft or cancelled) within the co-location distance that started in [p_since, p_until].
-- The repeat-excavation heat map.
--
-- For the public (p_public), a work shown at street level (utility_shown_by_street, 0500_public.sql)
-- counts on exactly the stretches it is shown along, found from its stored public place, so the map
-- places it no more closely than its published geometry; other works count as for staff.
DROP FUNCTION IF EXISTS street_openings_public(text, date, date);
DROP FUNCTION IF EXISTS street_openings(text, date, date);
CREATE OR REPLACE FUNCTION street_openings(p_city text, p_since date, p_until date, p_public boolean)
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
       AND NOT (p_public AND utility_shown_by_street(o.utility))
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
     WHERE p_public AND p.city_code = p_city
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

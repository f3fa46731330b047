-- Joint-works proposals: what a group of works saves by sharing one trench and one window.

-- What the app needs to propose a group of works as one trench: its key, where it is, and its
-- members in the order their saving is counted (longest first), each with its metric geometry.
-- The trench they share is measured in the app (src/lib/domain/shared-trench.ts: exact, and
-- faster than uniting buffered corridors here); the surface an area member shares with the
-- corridors of the members before it is measured here.
CREATE OR REPLACE FUNCTION proposal_facts_json(p_ids bigint[]) RETURNS json
LANGUAGE plpgsql STABLE AS $$
DECLARE
  d double precision := (SELECT r.co_location_m FROM work w CROSS JOIN LATERAL engine_rules(w.city_code) r WHERE w.id = p_ids[1]);
BEGIN
  RETURN (
    WITH m AS (SELECT w.id, w.geom, w.geom_m, w.width_m, ST_Dimension(w.geom_m) AS dim,
                      row_number() OVER (ORDER BY ST_Length(w.geom_m) + ST_Area(w.geom_m) DESC, w.id) AS rank,
                      d + w.reach_m AS corridor_m
                 FROM work w WHERE w.id = ANY(p_ids))
    SELECT json_build_object(
      'key', array_to_string(ARRAY(SELECT id FROM m ORDER BY id), '-'),
      'where_geojson', (SELECT ST_AsGeoJSON(ST_Collect(geom), 6) FROM m),
      'area_m2_saved', (SELECT coalesce(sum(ST_Area(ST_Intersection(p.geom_m,
                                  (SELECT ST_Union(ST_Buffer(o.geom_m, o.corridor_m)) FROM m o
                                    WHERE o.rank < p.rank AND ST_DWithin(o.geom_m, p.geom_m, o.corridor_m))))), 0)
                          FROM m p WHERE p.dim = 2),
      'members', (SELECT json_agg(json_build_object('id', w.id, 'organisation', w.organisation_id, 'organisation_name', o.name,
                          'utility', w.utility, 'kind', w.kind, 'title', w.title, 'start_date', w.start_date, 'end_date', w.end_date,
                          'status', w.status, 'depth_m', w.depth_m, 'width_m', w.width_m, 'rank', m.rank,
                          'geometry_m', ST_AsGeoJSON(m.geom_m, 3, 0)::json))
                    FROM m JOIN work w ON w.id = m.id JOIN organisation o ON o.id = w.organisation_id)));
END $$;

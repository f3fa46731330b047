-- The conflict engine (DESIGN.md §3). One set of rules answers a check, a save and the full scan:
-- a check inserts the candidate inside a transaction that is rolled back.
-- Works that take part: every status but draft and cancelled. Distances are between the edges of the
-- works' footprints (trench = centreline ± width/2) in the city's metric CRS.

-- Conflicts between two works, seen from `a`. Each row names the kind, its severity, the work that
-- breaks the rule (`subject_id`) and the facts a message needs.
CREATE OR REPLACE FUNCTION pair_conflicts(
  a work, b work,
  p_colocation_m double precision, p_horizon_years numeric,
  p_reconstruction_years numeric, p_major_repair_years numeric)
RETURNS TABLE (kind text, severity text, subject_id bigint, gap_m double precision, overlap_days integer,
               gap_days integer, road_id bigint, road_end date, moratorium_until date)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  WITH f AS (
    SELECT works_gap_m(a.geom_m, a.width_m, b.geom_m, b.width_m) AS gap_m,
           window_gap_days(a.start_date, a.end_date, b.start_date, b.end_date) AS gap_days,
           least(a.end_date, b.end_date) - greatest(a.start_date, b.start_date) + 1 AS overlap_days
  ),
  -- the work that should fit in with the other: the one starting later (then the one registered later)
  later AS (
    SELECT CASE WHEN (a.start_date, a.id) > (b.start_date, b.id) THEN a.id ELSE b.id END AS id
  ),
  -- the moratorium of 城市道路管理条例 art. 33, both ways round: r is the road work, w the later dig
  m AS (
    SELECT (p.r).id AS road_id, (p.r).end_date AS road_end, (p.w).id AS subject_id, p.until
      FROM (SELECT x.r, x.w,
                   ((x.r).end_date + interval '1 year' * CASE (x.r).kind WHEN 'road_reconstruction' THEN p_reconstruction_years
                                                                       ELSE p_major_repair_years END)::date AS until
              FROM (VALUES (a, b), (b, a)) AS x(r, w)) p, f
     WHERE (p.r).kind IN ('road_reconstruction', 'road_major_repair')
       AND (p.w).kind NOT IN ('road_reconstruction', 'road_major_repair')
       AND NOT (p.w).emergency               -- art. 35: emergency repairs are exempt
       AND (p.r).end_date < (p.w).start_date
       AND (p.w).start_date < p.until
       AND f.gap_m <= p_colocation_m
  )
  SELECT 'time_overlap', 'high', later.id, f.gap_m, f.overlap_days, 0, NULL::bigint, NULL::date, NULL::date
    FROM f, later
   WHERE a.organisation_id <> b.organisation_id AND f.gap_m <= p_colocation_m AND f.gap_days = 0
  UNION ALL
  SELECT 'repeat_excavation', 'medium', later.id, f.gap_m, 0, f.gap_days,
         NULL, NULL, NULL
    FROM f, later
   WHERE f.gap_m <= p_colocation_m AND f.gap_days > 0
     AND NOT (a.emergency OR b.emergency)    -- an emergency cannot be planned away
     AND f.gap_days <= (least(a.end_date, b.end_date) + interval '1 year' * p_horizon_years)::date - least(a.end_date, b.end_date)
     AND NOT EXISTS (SELECT 1 FROM m)
  UNION ALL
  SELECT 'moratorium', 'high', m.subject_id, f.gap_m, 0, f.gap_days, m.road_id, m.road_end, m.until
    FROM m, f
  UNION ALL
  -- deepest first, pave last: the deeper work of a linked pair should not start after the shallower one
  SELECT 'sequence', CASE WHEN 4 IN (utility_layer(a.utility), utility_layer(b.utility)) THEN 'medium' ELSE 'low' END,
         (CASE WHEN utility_layer(a.utility) < utility_layer(b.utility) THEN a.id ELSE b.id END), f.gap_m, greatest(f.overlap_days, 0), f.gap_days,
         NULL, NULL, NULL
    FROM f
   WHERE f.gap_m <= p_colocation_m
     AND NOT (a.emergency OR b.emergency)
     AND utility_layer(a.utility) <> utility_layer(b.utility)
     AND (f.gap_days = 0 AND a.organisation_id <> b.organisation_id
          OR f.gap_days > 0 AND f.gap_days <= (least(a.end_date, b.end_date) + interval '1 year' * p_horizon_years)::date - least(a.end_date, b.end_date))
     AND NOT EXISTS (SELECT 1 FROM m)
     AND (CASE WHEN utility_layer(a.utility) < utility_layer(b.utility) THEN a.start_date > b.start_date
               ELSE b.start_date > a.start_date END)
$$;

-- Conflicts of one work with a historic district or a neighbourhood's renovation window.
CREATE OR REPLACE FUNCTION area_conflicts(a work)
RETURNS TABLE (kind text, severity text, historic_district_id text, neighbourhood_id text, where_geom geometry)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT 'historic_district', 'medium', h.id, NULL::text,
         ST_Transform(ST_Intersection(work_footprint(a.geom_m, a.width_m), ST_Transform(h.boundary, ST_SRID(a.geom_m))), 4326)
    FROM historic_district h
   WHERE h.city_code = a.city_code
     AND h.boundary && ST_Expand(a.geom, 0.001)
     AND ST_Intersects(work_footprint(a.geom_m, a.width_m), ST_Transform(h.boundary, ST_SRID(a.geom_m)))
  UNION ALL
  SELECT 'renovation_window', 'medium', NULL, n.id, ST_Intersection(a.geom, n.boundary)
    FROM neighbourhood n
   WHERE n.city_code = a.city_code
     AND n.status IN ('planned', 'approved', 'under_construction')
     AND n.renovation_start IS NOT NULL
     AND n.boundary && a.geom
     AND ST_Intersects(n.boundary, a.geom)
     AND NOT (a.excavation_window <@ daterange(n.renovation_start, n.renovation_end, '[]'))
$$;

-- Where two works meet: the stretch of `a` near `b`, or the midpoint between them.
CREATE OR REPLACE FUNCTION pair_meeting_place(a work, b work, p_colocation_m double precision) RETURNS geometry
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT ST_Transform(CASE
           WHEN ST_IsEmpty(near) THEN ST_LineInterpolatePoint(ST_ShortestLine(a.geom_m, b.geom_m), 0.5)
           ELSE near END, 4326)
    FROM (SELECT ST_Intersection(a.geom_m, ST_Buffer(b.geom_m, p_colocation_m + work_reach_m(a.geom_m, a.width_m) + work_reach_m(b.geom_m, b.width_m))) AS near) x
$$;

-- The largest half-width of any trench in a city: the bound that lets the GiST index find neighbours.
CREATE OR REPLACE FUNCTION max_reach_m(p_city text) RETURNS double precision
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(max(width_m), 0)::double precision / 2 FROM work WHERE city_code = p_city
$$;

-- What `work_conflicts` and `conflict_scan` return: one row per conflict.
--   work_ids: every work involved (the subject first); historic_district_id / neighbourhood_id for area rules.
CREATE OR REPLACE FUNCTION work_conflicts(p_work_id bigint)
RETURNS TABLE (kind text, severity text, subject_id bigint, work_ids bigint[], historic_district_id text,
               neighbourhood_id text, gap_m double precision, overlap_days integer, gap_days integer,
               road_id bigint, road_end date, moratorium_until date, where_geojson text)
LANGUAGE plpgsql STABLE AS $$
DECLARE
  a work;
  d double precision;
  horizon numeric;
  recon numeric;
  major numeric;
  span integer;
  reach double precision;
BEGIN
  SELECT * INTO a FROM work WHERE id = p_work_id;
  IF NOT FOUND OR a.status = 'cancelled' THEN
    RETURN;
  END IF;
  d := rule_value(a.city_code, 'co_location_m');
  horizon := rule_value(a.city_code, 'repeat_horizon_years');
  recon := rule_value(a.city_code, 'moratorium_reconstruction_years');
  major := rule_value(a.city_code, 'moratorium_major_repair_years');
  span := ceil(greatest(horizon, recon, major) * 366)::integer;
  reach := max_reach_m(a.city_code);

  RETURN QUERY
  SELECT c.kind, c.severity, c.subject_id,
         CASE WHEN c.subject_id = a.id THEN ARRAY[a.id, b.id] ELSE ARRAY[b.id, a.id] END,
         NULL::text, NULL::text, c.gap_m, c.overlap_days, c.gap_days, c.road_id, c.road_end, c.moratorium_until,
         ST_AsGeoJSON(pair_meeting_place(a, b, d), 6)
    FROM work b
    CROSS JOIN LATERAL pair_conflicts(a, b, d, horizon, recon, major) c
   WHERE b.city_code = a.city_code
     AND b.id <> a.id
     AND b.status NOT IN ('cancelled', 'draft')
     AND b.geom_m && ST_Expand(a.geom_m, d + work_reach_m(a.geom_m, a.width_m) + reach)
     AND b.excavation_window && daterange(a.start_date - span, a.end_date + span, '[]')
  UNION ALL
  SELECT x.kind, x.severity, a.id, ARRAY[a.id], x.historic_district_id, x.neighbourhood_id,
         NULL, NULL, NULL, NULL, NULL, NULL, ST_AsGeoJSON(x.where_geom, 6)
    FROM area_conflicts(a) x;
END $$;

-- Every conflict in a city, each pair once.
CREATE OR REPLACE FUNCTION conflict_scan(p_city text)
RETURNS TABLE (kind text, severity text, subject_id bigint, work_ids bigint[], historic_district_id text,
               neighbourhood_id text, gap_m double precision, overlap_days integer, gap_days integer,
               road_id bigint, road_end date, moratorium_until date, where_geojson text)
LANGUAGE plpgsql STABLE AS $$
DECLARE
  d double precision := rule_value(p_city, 'co_location_m');
  horizon numeric := rule_value(p_city, 'repeat_horizon_years');
  recon numeric := rule_value(p_city, 'moratorium_reconstruction_years');
  major numeric := rule_value(p_city, 'moratorium_major_repair_years');
  span integer := ceil(greatest(horizon, recon, major) * 366)::integer;
  reach double precision := max_reach_m(p_city);
BEGIN
  RETURN QUERY
  SELECT c.kind, c.severity, c.subject_id,
         CASE WHEN c.subject_id = a.id THEN ARRAY[a.id, b.id] ELSE ARRAY[b.id, a.id] END,
         NULL::text, NULL::text, c.gap_m, c.overlap_days, c.gap_days, c.road_id, c.road_end, c.moratorium_until,
         ST_AsGeoJSON(pair_meeting_place(a, b, d), 6)
    FROM work a
    JOIN work b
      ON b.city_code = a.city_code
     AND b.id > a.id
     AND b.status NOT IN ('cancelled', 'draft')
     AND b.geom_m && ST_Expand(a.geom_m, d + 2 * reach)
     AND b.excavation_window && daterange(a.start_date - span, a.end_date + span, '[]')
    CROSS JOIN LATERAL pair_conflicts(a, b, d, horizon, recon, major) c
   WHERE a.city_code = p_city
     AND a.status NOT IN ('cancelled', 'draft')
  UNION ALL
  SELECT x.kind, x.severity, a.id, ARRAY[a.id], x.historic_district_id, x.neighbourhood_id,
         NULL, NULL, NULL, NULL, NULL, NULL, ST_AsGeoJSON(x.where_geom, 6)
    FROM work a
    CROSS JOIN LATERAL area_conflicts(a) x
   WHERE a.city_code = p_city
     AND a.status NOT IN ('cancelled', 'draft');
END $$;

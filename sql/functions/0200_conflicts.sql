-- The conflict engine (DESIGN.md §3). One set of rules answers a check, a save and the full scan:
-- a check stores the candidate in a block that is rolled back (work_check, 0600_check.sql).
-- Works that take part: every status but draft and cancelled. Distances are between the edges of the
-- works' footprints (trench = centreline ± width/2) in the city's metric CRS.
--
-- How it is kept fast (measured in BENCHMARKS.md, "Conflict engine"):
-- * Neighbours are found through the GiST index on geom_m alone. The window test is written on the
--   date columns, so the planner does not AND in the window index, whose ±5-year range matches most
--   of the table, and `enable_bitmapscan = off` keeps the city index out of the probe. A check's plan
--   is kept for the session (`plan_cache_mode`): planned again on most calls, the planning cost more
--   than the check. The scan's is kept too.
-- * How far each work reaches beyond its centreline is a float column (work.reach_m), not worked
--   out from the numeric width and the geometry's dimension for every pair.
-- * The full scan probes the same index once per work of the city.
-- * The gap between two footprints is computed once per pair, and every pair rule needs it to be at
--   most d. Pairs without a road work are only read within the repeat horizon (3 years), not the
--   moratorium's 5.
-- * The rules see plain columns (pair_rules is inlined); a whole-row `work` argument would be
--   rebuilt and deformed again for every field.
-- * One row per pair of works, with the rules it breaks as flags and the facts of each; the app
--   spreads it into one conflict per rule (spreadConflicts, src/lib/server/conflicts/engine.ts).
-- * `jit = off`: PostGIS declares its functions costly, so these plans are estimated far above
--   jit_above_cost and PostgreSQL spent longer compiling them than running them (PGlite has no JIT).
-- * Where two works meet: the full scan marks each pair at one point (what the map draws); a check
--   or a save, which concerns one work, gives the stretch of that work within reach of the other
--   (what the registration desk draws): cutting a buffer for each of tens of thousands of pairs
--   would cost the scan more than its rules. For a trench, the app cuts the stretch exactly from the
--   other work's metric geometry and the reach (src/lib/domain/meeting-stretch.ts), cheaper than a
--   buffer and an intersection in PostGIS. An area work's stretch is a surface, and PostGIS cuts it here.

-- Dropped first: CREATE OR REPLACE cannot change a function's result columns, and theirs have changed.
DROP FUNCTION IF EXISTS work_conflicts(bigint);
DROP FUNCTION IF EXISTS conflict_scan(text);

-- The pair rules (time_overlap, repeat_excavation, moratorium, sequence) on plain columns: which of
-- them two works break, and the facts the rows need. p_gap_m is works_gap_m of the two, computed
-- once by the caller, which also drops the pairs further apart than p_colocation_m. Inlined by the planner (one SELECT, no SET, not strict); the distance is computed once.
CREATE OR REPLACE FUNCTION pair_rules(
  a_id bigint, a_org text, a_utility text, a_kind text, a_start date, a_end date, a_emergency boolean,
  b_id bigint, b_org text, b_utility text, b_kind text, b_start date, b_end date, b_emergency boolean,
  p_gap_m double precision, p_colocation_m double precision, p_horizon interval, p_reconstruction interval, p_major_repair interval)
RETURNS TABLE (time_overlap boolean, repeat_excavation boolean, moratorium boolean, sequence boolean,
               gap_m double precision, overlap_days integer, gap_days integer, later_id bigint,
               moratorium_subject bigint, road_id bigint, road_end date, moratorium_until date,
               sequence_subject bigint, sequence_severity text)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT * FROM (
  SELECT a_org <> b_org AND m.near AND m.gap_days = 0,
         m.near AND m.gap_days > 0 AND NOT (a_emergency OR b_emergency)    -- an emergency cannot be planned away
           AND m.gap_days <= m.horizon_days AND NOT (m.road_a OR m.road_b),
         m.road_a OR m.road_b,
         -- deepest first, pave last: the deeper work of a linked pair should not start after the shallower one
         m.near AND NOT (a_emergency OR b_emergency) AND m.layer_a <> m.layer_b
           AND (m.gap_days = 0 AND a_org <> b_org OR m.gap_days > 0 AND m.gap_days <= m.horizon_days)
           AND NOT (m.road_a OR m.road_b)
           AND (CASE WHEN m.layer_a < m.layer_b THEN a_start > b_start ELSE b_start > a_start END),
         m.gap_m, m.overlap_days, m.gap_days,
         -- the work that should fit in with the other: the one starting later (then the one registered later)
         CASE WHEN (a_start, a_id) > (b_start, b_id) THEN a_id ELSE b_id END,
         CASE WHEN m.road_a THEN b_id WHEN m.road_b THEN a_id END,
         CASE WHEN m.road_a THEN a_id WHEN m.road_b THEN b_id END,
         CASE WHEN m.road_a THEN a_end WHEN m.road_b THEN b_end END,
         CASE WHEN m.road_a THEN m.until_a WHEN m.road_b THEN m.until_b END,
         CASE WHEN m.layer_a < m.layer_b THEN a_id ELSE b_id END,
         CASE WHEN 4 IN (m.layer_a, m.layer_b) THEN 'medium' ELSE 'low' END
    FROM (SELECT g.*, g.gap_m <= p_colocation_m AS near,
                 -- 城市道路管理条例 art. 33, both ways round: a is the road work and b the later dig, or the reverse;
                 -- art. 35: emergency repairs are exempt
                 g.gap_m <= p_colocation_m AND a_kind IN ('road_reconstruction', 'road_major_repair')
                   AND b_kind NOT IN ('road_reconstruction', 'road_major_repair') AND NOT b_emergency
                   AND a_end < b_start AND b_start < g.until_a AS road_a,
                 g.gap_m <= p_colocation_m AND b_kind IN ('road_reconstruction', 'road_major_repair')
                   AND a_kind NOT IN ('road_reconstruction', 'road_major_repair') AND NOT a_emergency
                   AND b_end < a_start AND a_start < g.until_b AS road_b
            FROM (SELECT p_gap_m AS gap_m,
                         window_gap_days(a_start, a_end, b_start, b_end) AS gap_days,
                         least(a_end, b_end) - greatest(a_start, b_start) + 1 AS overlap_days,
                         (least(a_end, b_end) + p_horizon)::date - least(a_end, b_end) AS horizon_days,
                         CASE a_kind WHEN 'road_reconstruction' THEN (a_end + p_reconstruction)::date
                                     WHEN 'road_major_repair' THEN (a_end + p_major_repair)::date END AS until_a,
                         CASE b_kind WHEN 'road_reconstruction' THEN (b_end + p_reconstruction)::date
                                     WHEN 'road_major_repair' THEN (b_end + p_major_repair)::date END AS until_b,
                         utility_layer(a_utility) AS layer_a, utility_layer(b_utility) AS layer_b
                  OFFSET 0) g
          OFFSET 0) m
  OFFSET 0) r
$$;

-- Whether a work's footprint meets an area (both in the city's metric CRS), building the footprint
-- only when neither quick answer holds: no part of the footprint lies further from the centreline
-- than its reach (at least 5 cm, work_footprint), and a centreline that meets the area is inside
-- the footprint. Most works near a district are settled without a buffer.
CREATE OR REPLACE FUNCTION footprint_meets(p_geom_m geometry, p_width numeric, p_reach_m double precision, p_area_m geometry)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ST_DWithin(p_geom_m, p_area_m, greatest(p_reach_m, 0.05))
         AND (ST_Intersects(p_geom_m, p_area_m) OR ST_Intersects(work_footprint(p_geom_m, p_width), p_area_m))
$$;

-- Conflicts of one work with a historic district or a neighbourhood's renovation window.
CREATE OR REPLACE FUNCTION area_conflicts(a work)
RETURNS TABLE (kind text, severity text, historic_district_id text, neighbourhood_id text, where_geom geometry)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT 'historic_district', 'medium', h.id, NULL::text,
         ST_Transform(ST_Intersection(work_footprint(a.geom_m, a.width_m), m.boundary_m), 4326)
    FROM historic_district h
   CROSS JOIN LATERAL (SELECT ST_Transform(h.boundary, ST_SRID(a.geom_m)) AS boundary_m OFFSET 0) m
   WHERE h.city_code = a.city_code
     AND h.boundary && ST_Expand(a.geom, 0.001)
     AND footprint_meets(a.geom_m, a.width_m, a.reach_m, m.boundary_m)
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

-- The same two rules for a whole city, seen from the areas: each district and neighbourhood finds
-- the works it meets through the works' GiST index (a few dozen probes instead of two per work, and
-- PostGIS prepares each area once for all the works it is tested against). Same rows as
-- area_conflicts(a) over the city's works.
CREATE OR REPLACE FUNCTION city_area_conflicts(p_city text)
RETURNS TABLE (work_id bigint, kind text, severity text, historic_district_id text, neighbourhood_id text, where_geom geometry)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT a.id, 'historic_district', 'medium', h.id, NULL::text, ST_Transform(ST_Intersection(work_footprint(a.geom_m, a.width_m), h.boundary_m), 4326)
    FROM (SELECT h.id, h.boundary, ST_Transform(h.boundary, c.metric_srid) AS boundary_m
            FROM historic_district h JOIN city c ON c.code = h.city_code
           WHERE h.city_code = p_city OFFSET 0) h
    JOIN work a
      ON a.city_code = p_city
     AND a.status NOT IN ('cancelled', 'draft')
     AND a.geom && ST_Expand(h.boundary, 0.001)
   WHERE footprint_meets(a.geom_m, a.width_m, a.reach_m, h.boundary_m)
  UNION ALL
  SELECT a.id, 'renovation_window', 'medium', NULL, n.id, ST_Intersection(a.geom, n.boundary)
    FROM neighbourhood n
    JOIN work a
      ON a.city_code = p_city
     AND a.status NOT IN ('cancelled', 'draft')
     AND a.geom && n.boundary
     AND ST_Intersects(n.boundary, a.geom)
     AND NOT (a.excavation_window <@ daterange(n.renovation_start, n.renovation_end, '[]'))
   WHERE n.city_code = p_city
     AND n.status IN ('planned', 'approved', 'under_construction')
     AND n.renovation_start IS NOT NULL
$$;

-- Where two works meet, as a point (lon/lat): the point of `a` nearest the middle of `b`, moved
-- halfway towards `b`. Two trenches along one street are marked in the middle of the stretch they
-- share (not at its end, where the shortest line between parallel lines lands, among the works of
-- the crossing); two crossing trenches where they cross. One expression, so the planner inlines it.
CREATE OR REPLACE FUNCTION pair_meeting_point(a_geom geometry, b_geom geometry) RETURNS geometry
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ST_LineInterpolatePoint(ST_ShortestLine(ST_ClosestPoint(a_geom, ST_Centroid(b_geom)), b_geom), 0.5)
$$;

-- How far apart two works' centrelines (or areas) may be while their footprints are within
-- p_colocation_m of each other. A check marks where two works meet as the part of the new work
-- within this reach of the other (work_conflicts).
CREATE OR REPLACE FUNCTION pair_reach_m(a_reach_m double precision, b_reach_m double precision, p_colocation_m double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT p_colocation_m + a_reach_m + b_reach_m
$$;

-- The largest half-width a trench can have: work.width_m is at most 100 m (CHECK on work). A
-- check bounds its index search by it rather than reading the city's widest trench each time.
CREATE OR REPLACE FUNCTION max_reach_allowed_m() RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT 50::double precision $$;

-- The largest half-width of a city's trenches bounds the index search of the full scan and of the
-- street history; each reads it in its own query, from work_city_width_idx (a scalar SQL function
-- reading a table is planned again in every transaction).

-- What `work_conflicts` and `conflict_scan` return (EngineRow in src/lib/server/conflicts/engine.ts):
--   a pair of works: kind null; work_ids the pair (for a check, the checked work first); the rules it
--   breaks as flags (pair_rules) with the facts their rows need; where they meet.
--   an area rule: kind, severity, subject_id, work_ids [the work], the historic district or the
--   neighbourhood; the flags null.
--   work_conflicts also gives, for a trench, what the app cuts the stretch from (where_geojson is
--   then null): other_geom_m, the other work's geometry in the city's metric CRS (GeoJSON, mm), and
--   reach_m, how far from it the stretch reaches (pair_reach_m).
CREATE OR REPLACE FUNCTION work_conflicts(p_work_id bigint)
RETURNS TABLE (kind text, severity text, subject_id bigint, work_ids bigint[], historic_district_id text, neighbourhood_id text,
               time_overlap boolean, repeat_excavation boolean, moratorium boolean, sequence boolean,
               gap_m double precision, overlap_days integer, gap_days integer, later_id bigint, moratorium_subject bigint,
               road_id bigint, road_end date, moratorium_until date, sequence_subject bigint, sequence_severity text,
               where_geojson text,
               other_geom_m json, reach_m double precision)
LANGUAGE plpgsql STABLE
SET jit = off
SET enable_bitmapscan = off
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
  a work;
  d double precision;
  horizon_i interval;
  recon_i interval;
  major_i interval;
  span integer;
  span_h integer;
  trench boolean;
BEGIN
  SELECT * INTO a FROM work WHERE id = p_work_id;
  IF NOT FOUND OR a.status = 'cancelled' THEN
    RETURN;
  END IF;
  trench := ST_Dimension(a.geom_m) = 1;
  SELECT r.co_location_m, r.repeat_horizon, r.reconstruction_moratorium, r.major_repair_moratorium, r.span_days, r.horizon_span_days
    INTO d, horizon_i, recon_i, major_i, span, span_h
    FROM engine_rules(a.city_code) r;

  RETURN QUERY
  SELECT NULL::text, NULL::text, NULL::bigint, ARRAY[a.id, p.b_id], NULL::text, NULL::text,
         p.time_overlap, p.repeat_excavation, p.moratorium, p.sequence, p.gap_m, p.overlap_days, p.gap_days, p.later_id,
         p.moratorium_subject, p.road_id, p.road_end, p.moratorium_until, p.sequence_subject, p.sequence_severity,
         w.place, w.other_geom_m, w.reach_m
    FROM (SELECT b.id AS b_id, b.geom_m AS b_geom_m, b.reach_m AS b_reach_m, r.*
            FROM work b
           CROSS JOIN LATERAL (SELECT works_gap_m(a.geom_m, a.reach_m, b.geom_m, b.reach_m) AS gap_m OFFSET 0) g
           CROSS JOIN LATERAL pair_rules(a.id, a.organisation_id, a.utility, a.kind, a.start_date, a.end_date, a.emergency,
                                         b.id, b.organisation_id, b.utility, b.kind, b.start_date, b.end_date, b.emergency,
                                         g.gap_m, d, horizon_i, recon_i, major_i) r
           WHERE b.city_code = a.city_code
             AND b.id <> a.id
             AND b.status NOT IN ('cancelled', 'draft')
             AND b.geom_m && ST_Expand(a.geom_m, d + a.reach_m + max_reach_allowed_m())
             -- b.excavation_window && daterange(a.start_date - span, a.end_date + span, '[]'), on the columns;
             -- only a road work's moratorium reaches further than the repeat horizon
             AND b.start_date <= a.end_date + span AND b.end_date >= a.start_date - span
             AND (b.start_date <= a.end_date + span_h AND b.end_date >= a.start_date - span_h
                  OR a.kind IN ('road_reconstruction', 'road_major_repair') OR b.kind IN ('road_reconstruction', 'road_major_repair'))
             AND g.gap_m <= d
             AND (r.time_overlap OR r.repeat_excavation OR r.moratorium OR r.sequence)
          OFFSET 0) p
   -- where they meet, once per pair: for a trench, what the app cuts the stretch from; for an area,
   -- the part of it within reach of the other, or the point halfway between them where nothing of it
   -- is (both are areas, or the buffer's polygon falls just short of a far edge). As a function with
   -- a subquery, which the planner cannot inline, this cost twice as much.
   CROSS JOIN LATERAL (SELECT pair_reach_m(a.reach_m, p.b_reach_m, d) AS reach_m OFFSET 0) r
   CROSS JOIN LATERAL (SELECT CASE WHEN NOT trench THEN ST_Intersection(a.geom_m, ST_Buffer(p.b_geom_m, r.reach_m)) END AS near
                        OFFSET 0) s
   CROSS JOIN LATERAL (SELECT CASE WHEN NOT trench
                                   THEN ST_AsGeoJSON(ST_Transform(CASE WHEN ST_IsEmpty(s.near) THEN ST_LineInterpolatePoint(ST_ShortestLine(a.geom_m, p.b_geom_m), 0.5)
                                                                       ELSE s.near END, 4326), 6) END AS place,
                              CASE WHEN trench THEN ST_AsGeoJSON(p.b_geom_m, 3, 0)::json END AS other_geom_m,
                              CASE WHEN trench THEN r.reach_m END AS reach_m
                        OFFSET 0) w
  UNION ALL
  SELECT x.kind, x.severity, a.id, ARRAY[a.id], x.historic_district_id, x.neighbourhood_id,
         NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
         ST_AsGeoJSON(x.where_geom, 6), NULL, NULL
    FROM area_conflicts(a) x;
END $$;

CREATE OR REPLACE FUNCTION conflict_scan(p_city text)
RETURNS TABLE (kind text, severity text, subject_id bigint, work_ids bigint[], historic_district_id text, neighbourhood_id text,
               time_overlap boolean, repeat_excavation boolean, moratorium boolean, sequence boolean,
               gap_m double precision, overlap_days integer, gap_days integer, later_id bigint, moratorium_subject bigint,
               road_id bigint, road_end date, moratorium_until date, sequence_subject bigint, sequence_severity text,
               where_geojson text)
LANGUAGE plpgsql STABLE
SET jit = off
SET enable_bitmapscan = off
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
  d double precision;
  horizon_i interval;
  recon_i interval;
  major_i interval;
  span integer;
  span_h integer;
  reach double precision;
BEGIN
  -- the rules, and the widest reach of the city's works (what bounds the index search)
  SELECT r.co_location_m, r.repeat_horizon, r.reconstruction_moratorium, r.major_repair_moratorium, r.span_days, r.horizon_span_days,
         (SELECT coalesce(max(w.width_m), 0)::double precision / 2 FROM work w WHERE w.city_code = p_city)
    INTO d, horizon_i, recon_i, major_i, span, span_h, reach
    FROM engine_rules(p_city) r;

  RETURN QUERY
  SELECT NULL::text, NULL::text, NULL::bigint, ARRAY[a.id, b.id], NULL::text, NULL::text,
         r.time_overlap, r.repeat_excavation, r.moratorium, r.sequence, r.gap_m, r.overlap_days, r.gap_days, r.later_id,
         r.moratorium_subject, r.road_id, r.road_end, r.moratorium_until, r.sequence_subject, r.sequence_severity,
         -- where they meet, as a point
         ST_AsGeoJSON(pair_meeting_point(a.geom, b.geom), 6)
    FROM work a
    JOIN work b
      ON b.city_code = a.city_code
     AND b.id > a.id
     AND b.status NOT IN ('cancelled', 'draft')
     AND b.geom_m && ST_Expand(a.geom_m, d + a.reach_m + reach)
     -- b.excavation_window && daterange(a.start_date - span, a.end_date + span, '[]'), on the columns;
     -- only a road work's moratorium reaches further than the repeat horizon
     AND b.start_date <= a.end_date + span AND b.end_date >= a.start_date - span
     AND (b.start_date <= a.end_date + span_h AND b.end_date >= a.start_date - span_h
          OR a.kind IN ('road_reconstruction', 'road_major_repair') OR b.kind IN ('road_reconstruction', 'road_major_repair'))
   CROSS JOIN LATERAL (SELECT works_gap_m(a.geom_m, a.reach_m, b.geom_m, b.reach_m) AS gap_m OFFSET 0) g
   CROSS JOIN LATERAL pair_rules(a.id, a.organisation_id, a.utility, a.kind, a.start_date, a.end_date, a.emergency,
                                 b.id, b.organisation_id, b.utility, b.kind, b.start_date, b.end_date, b.emergency,
                                 g.gap_m, d, horizon_i, recon_i, major_i) r
   WHERE a.city_code = p_city
     AND a.status NOT IN ('cancelled', 'draft')
     AND g.gap_m <= d
     AND (r.time_overlap OR r.repeat_excavation OR r.moratorium OR r.sequence)
  UNION ALL
  SELECT x.kind, x.severity, x.work_id, ARRAY[x.work_id], x.historic_district_id, x.neighbourhood_id,
         NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
         ST_AsGeoJSON(x.where_geom, 6)
    FROM city_area_conflicts(p_city) x;
END $$;

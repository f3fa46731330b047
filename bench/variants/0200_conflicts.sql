-- PROTOTYPE (bench only): a faster formulation of `work_conflicts` and `conflict_scan` from
-- sql/functions/0200_conflicts.sql that returns the same rows. Applied after that file it replaces
-- the two functions (same signatures) and adds two helpers, `pair_rules` and `max_reach_allowed_m`;
-- `pair_conflicts` and `pair_meeting_place` are then no longer called. The bench installs it in a
-- schema of its own to compare the two engines row for row (bench/variant.ts), and in a copy of
-- sql/functions to run the built server on it.
--
-- What changes, and why (figures in BENCHMARKS.md):
-- 1. The neighbours of a work are found through the GiST index on geom_m alone. With many works
--    stored, the planner combined it (BitmapAnd) with the GiST index on excavation_window, whose
--    ±5-year search range matches most of the table (60k index entries read per probe at 100k
--    works), or with work_city_idx (every work of the city per probe). The window test is written
--    on the date columns (the same test as `&&` on the inclusive ranges), so no index matches it,
--    and `SET enable_bitmapscan = off` keeps the city index out of the probe.
-- 2. The rules see plain columns. `pair_conflicts(a work, b work, …)` is inlined, but each `(a).kind`
--    in it reads a whole-row value that the executor rebuilds (the whole work, geometries included)
--    and deforms again for every field; its CTEs are materialised once per pair.
-- 3. Candidate pairs are cut to the exact distance before any rule is evaluated: every pair rule
--    needs `gap_m <= d`, i.e. `ST_Distance <= d + reach_a + reach_b`, so `ST_DWithin` with that
--    distance (+ 1 mm, so it can only keep more pairs; the rules still test `gap_m <= d`) drops the
--    index candidates no rule can match.
-- 4. The meeting place is computed once per pair that has a conflict, inline. `pair_meeting_place`
--    cannot be inlined (its body has a FROM), so every conflict row paid a SQL-function call on two
--    whole-row values, and a pair with two conflicts paid it twice.
-- 5. `SET jit = off`: PostGIS declares its functions costly, so these plans are estimated far above
--    `jit_above_cost`, and PostgreSQL spent longer compiling them to machine code than running them.
--    PGlite has no JIT; the setting is accepted there and changes nothing.
-- 6. `work_conflicts` no longer scans the city's works for the widest trench on every call
--    (`max_reach_m`): the index search is bounded by the widest trench the schema allows
--    (CHECK width_m <= 100 on work), and point 3's exact test does the rest.

-- The largest half-width a trench can have: work.width_m is at most 100 m (CHECK on work).
CREATE OR REPLACE FUNCTION max_reach_allowed_m() RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT 50::double precision $$;

-- The rules of `pair_conflicts` on plain columns: which of them two works break, and the facts the
-- rows need. Inlined by the planner (one SELECT, no SET, not strict); the distance is computed once.
CREATE OR REPLACE FUNCTION pair_rules(
  a_id bigint, a_org text, a_utility text, a_kind text, a_geom_m geometry, a_width numeric, a_start date, a_end date, a_emergency boolean,
  b_id bigint, b_org text, b_utility text, b_kind text, b_geom_m geometry, b_width numeric, b_start date, b_end date, b_emergency boolean,
  p_colocation_m double precision, p_horizon_years numeric, p_reconstruction_years numeric, p_major_repair_years numeric)
RETURNS TABLE (time_overlap boolean, repeat_excavation boolean, moratorium boolean, sequence boolean,
               gap_m double precision, overlap_days integer, gap_days integer, later_id bigint,
               moratorium_subject bigint, road_id bigint, road_end date, moratorium_until date,
               sequence_subject bigint, sequence_severity text)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
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
            FROM (SELECT works_gap_m(a_geom_m, a_width, b_geom_m, b_width) AS gap_m,
                         window_gap_days(a_start, a_end, b_start, b_end) AS gap_days,
                         least(a_end, b_end) - greatest(a_start, b_start) + 1 AS overlap_days,
                         (least(a_end, b_end) + interval '1 year' * p_horizon_years)::date - least(a_end, b_end) AS horizon_days,
                         (a_end + interval '1 year' * CASE a_kind WHEN 'road_reconstruction' THEN p_reconstruction_years
                                                                ELSE p_major_repair_years END)::date AS until_a,
                         (b_end + interval '1 year' * CASE b_kind WHEN 'road_reconstruction' THEN p_reconstruction_years
                                                                ELSE p_major_repair_years END)::date AS until_b,
                         utility_layer(a_utility) AS layer_a, utility_layer(b_utility) AS layer_b
                  OFFSET 0) g
          OFFSET 0) m
$$;

CREATE OR REPLACE FUNCTION work_conflicts(p_work_id bigint)
RETURNS TABLE (kind text, severity text, subject_id bigint, work_ids bigint[], historic_district_id text,
               neighbourhood_id text, gap_m double precision, overlap_days integer, gap_days integer,
               road_id bigint, road_end date, moratorium_until date, where_geojson text)
LANGUAGE plpgsql STABLE
SET jit = off
SET enable_bitmapscan = off
AS $$
DECLARE
  a work;
  d double precision;
  horizon numeric;
  recon numeric;
  major numeric;
  span integer;
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

  RETURN QUERY
  SELECT c.kind, c.severity, c.subject_id,
         CASE WHEN c.subject_id = a.id THEN ARRAY[a.id, p.b_id] ELSE ARRAY[p.b_id, a.id] END,
         NULL::text, NULL::text, c.gap_m, c.overlap_days, c.gap_days, c.road_id, c.road_end, c.moratorium_until,
         ST_AsGeoJSON(p.place, 6)
    FROM (SELECT b.id AS b_id, r.*,
                 -- where they meet (as pair_meeting_place(a, b, d)); OFFSET 0 keeps it once per pair
                 (SELECT ST_Transform(CASE WHEN ST_IsEmpty(x.near) THEN ST_LineInterpolatePoint(ST_ShortestLine(a.geom_m, b.geom_m), 0.5)
                                           ELSE x.near END, 4326)
                    FROM (SELECT ST_Intersection(a.geom_m, ST_Buffer(b.geom_m, d + work_reach_m(a.geom_m, a.width_m) + work_reach_m(b.geom_m, b.width_m))) AS near
                          OFFSET 0) x) AS place
            FROM work b
           CROSS JOIN LATERAL pair_rules(a.id, a.organisation_id, a.utility, a.kind, a.geom_m, a.width_m, a.start_date, a.end_date, a.emergency,
                                         b.id, b.organisation_id, b.utility, b.kind, b.geom_m, b.width_m, b.start_date, b.end_date, b.emergency,
                                         d, horizon, recon, major) r
           WHERE b.city_code = a.city_code
             AND b.id <> a.id
             AND b.status NOT IN ('cancelled', 'draft')
             AND b.geom_m && ST_Expand(a.geom_m, d + work_reach_m(a.geom_m, a.width_m) + max_reach_allowed_m())
             AND ST_DWithin(a.geom_m, b.geom_m, d + work_reach_m(a.geom_m, a.width_m) + work_reach_m(b.geom_m, b.width_m) + 0.001)
             -- b.excavation_window && daterange(a.start_date - span, a.end_date + span, '[]'), on the columns
             AND b.start_date <= a.end_date + span AND b.end_date >= a.start_date - span
             AND (r.time_overlap OR r.repeat_excavation OR r.moratorium OR r.sequence)
          OFFSET 0) p
   CROSS JOIN LATERAL (VALUES
           ('time_overlap', 'high', p.later_id, p.gap_m, p.overlap_days, 0, NULL::bigint, NULL::date, NULL::date, p.time_overlap),
           ('repeat_excavation', 'medium', p.later_id, p.gap_m, 0, p.gap_days, NULL, NULL, NULL, p.repeat_excavation),
           ('moratorium', 'high', p.moratorium_subject, p.gap_m, 0, p.gap_days, p.road_id, p.road_end, p.moratorium_until, p.moratorium),
           ('sequence', p.sequence_severity, p.sequence_subject, p.gap_m, greatest(p.overlap_days, 0), p.gap_days, NULL, NULL, NULL, p.sequence)
         ) c(kind, severity, subject_id, gap_m, overlap_days, gap_days, road_id, road_end, moratorium_until, applies)
   WHERE c.applies
  UNION ALL
  SELECT x.kind, x.severity, a.id, ARRAY[a.id], x.historic_district_id, x.neighbourhood_id,
         NULL, NULL, NULL, NULL, NULL, NULL, ST_AsGeoJSON(x.where_geom, 6)
    FROM area_conflicts(a) x;
END $$;

CREATE OR REPLACE FUNCTION conflict_scan(p_city text)
RETURNS TABLE (kind text, severity text, subject_id bigint, work_ids bigint[], historic_district_id text,
               neighbourhood_id text, gap_m double precision, overlap_days integer, gap_days integer,
               road_id bigint, road_end date, moratorium_until date, where_geojson text)
LANGUAGE plpgsql STABLE
SET jit = off
SET enable_bitmapscan = off
AS $$
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
         CASE WHEN c.subject_id = p.a_id THEN ARRAY[p.a_id, p.b_id] ELSE ARRAY[p.b_id, p.a_id] END,
         NULL::text, NULL::text, c.gap_m, c.overlap_days, c.gap_days, c.road_id, c.road_end, c.moratorium_until,
         ST_AsGeoJSON(p.place, 6)
    FROM (SELECT a.id AS a_id, b.id AS b_id, r.*,
                 (SELECT ST_Transform(CASE WHEN ST_IsEmpty(x.near) THEN ST_LineInterpolatePoint(ST_ShortestLine(a.geom_m, b.geom_m), 0.5)
                                           ELSE x.near END, 4326)
                    FROM (SELECT ST_Intersection(a.geom_m, ST_Buffer(b.geom_m, d + work_reach_m(a.geom_m, a.width_m) + work_reach_m(b.geom_m, b.width_m))) AS near
                          OFFSET 0) x) AS place
            FROM work a
            JOIN work b
              ON b.city_code = a.city_code
             AND b.id > a.id
             AND b.status NOT IN ('cancelled', 'draft')
             AND b.geom_m && ST_Expand(a.geom_m, d + work_reach_m(a.geom_m, a.width_m) + reach)
             AND ST_DWithin(a.geom_m, b.geom_m, d + work_reach_m(a.geom_m, a.width_m) + work_reach_m(b.geom_m, b.width_m) + 0.001)
             -- b.excavation_window && daterange(a.start_date - span, a.end_date + span, '[]'), on the columns
             AND b.start_date <= a.end_date + span AND b.end_date >= a.start_date - span
           CROSS JOIN LATERAL pair_rules(a.id, a.organisation_id, a.utility, a.kind, a.geom_m, a.width_m, a.start_date, a.end_date, a.emergency,
                                         b.id, b.organisation_id, b.utility, b.kind, b.geom_m, b.width_m, b.start_date, b.end_date, b.emergency,
                                         d, horizon, recon, major) r
           WHERE a.city_code = p_city
             AND a.status NOT IN ('cancelled', 'draft')
             AND (r.time_overlap OR r.repeat_excavation OR r.moratorium OR r.sequence)
          OFFSET 0) p
   CROSS JOIN LATERAL (VALUES
           ('time_overlap', 'high', p.later_id, p.gap_m, p.overlap_days, 0, NULL::bigint, NULL::date, NULL::date, p.time_overlap),
           ('repeat_excavation', 'medium', p.later_id, p.gap_m, 0, p.gap_days, NULL, NULL, NULL, p.repeat_excavation),
           ('moratorium', 'high', p.moratorium_subject, p.gap_m, 0, p.gap_days, p.road_id, p.road_end, p.moratorium_until, p.moratorium),
           ('sequence', p.sequence_severity, p.sequence_subject, p.gap_m, greatest(p.overlap_days, 0), p.gap_days, NULL, NULL, NULL, p.sequence)
         ) c(kind, severity, subject_id, gap_m, overlap_days, gap_days, road_id, road_end, moratorium_until, applies)
   WHERE c.applies
  UNION ALL
  SELECT x.kind, x.severity, a.id, ARRAY[a.id], x.historic_district_id, x.neighbourhood_id,
         NULL, NULL, NULL, NULL, NULL, NULL, ST_AsGeoJSON(x.where_geom, 6)
    FROM work a
    CROSS JOIN LATERAL area_conflicts(a) x
   WHERE a.city_code = p_city
     AND a.status NOT IN ('cancelled', 'draft');
END $$;

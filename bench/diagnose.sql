-- Where the time of conflict_scan goes, step by step, on the dense city (PostgreSQL). The figures
-- of BENCHMARKS.md ("Where the scan's time goes now") come from here. After a bench run on
-- `dense 10000`:
--
--   psql postgres://digonce:digonce@127.0.0.1:5432/digonce_bench_dense_10000 -f bench/diagnose.sql
--
-- The constants are the engine's for Jiujiang with default settings: d = 15 m, horizon 3 years
-- (1098 days), moratoria 5 / 3 years (span 1830 days), the city's widest trench reach 10 m.

SET search_path = public;
SET enable_bitmapscan = off;
\timing on

\echo '== 1. the whole scan (twice; the engine sets jit off itself)'
SET jit = off;
SELECT count(*) AS rows FROM conflict_scan('360400');  -- a row per pair of works (its rules as flags) or area rule
SELECT count(*) AS rows FROM conflict_scan('360400');  -- a row per pair of works (its rules as flags) or area rule

\echo '== 2. the floor: one rule, by hand (bench/reference.sql)'
SELECT count(*) AS neighbour_pairs
  FROM work a JOIN work b
    ON b.city_code = a.city_code AND b.id > a.id AND b.status NOT IN ('cancelled', 'draft')
   AND ST_DWithin(a.geom_m, b.geom_m, 15)
   AND b.start_date <= (a.end_date + interval '3 years')::date AND b.end_date >= (a.start_date - interval '3 years')::date
 WHERE a.city_code = '360400' AND a.status NOT IN ('cancelled', 'draft');

\echo '== 3. the engine''s index join with the window test, no distance'
SELECT count(*) AS candidates
  FROM work a JOIN work b
    ON b.city_code = a.city_code AND b.id > a.id AND b.status NOT IN ('cancelled', 'draft')
   AND b.geom_m && ST_Expand(a.geom_m, 15 + a.reach_m + 10)
   AND b.start_date <= a.end_date + 1830 AND b.end_date >= a.start_date - 1830
   AND (b.start_date <= a.end_date + 1098 AND b.end_date >= a.start_date - 1098
        OR a.kind IN ('road_reconstruction', 'road_major_repair') OR b.kind IN ('road_reconstruction', 'road_major_repair'))
 WHERE a.city_code = '360400' AND a.status NOT IN ('cancelled', 'draft');

\echo '== 3b. pairing tried instead: the works'' widened boxes on a 400 m grid, joined by cell (BENCHMARKS.md)'
SET work_mem = '64MB';
WITH w AS MATERIALIZED (
  SELECT id, kind, start_date, end_date, geom_m, width_m,
         ST_XMin(geom_m) - (7.5 + reach_m) AS x0, ST_YMin(geom_m) - (7.5 + reach_m) AS y0,
         ST_XMax(geom_m) + (7.5 + reach_m) AS x1, ST_YMax(geom_m) + (7.5 + reach_m) AS y1
    FROM work WHERE city_code = '360400' AND status NOT IN ('cancelled', 'draft')),
c AS MATERIALIZED (SELECT w.*, cx, cy FROM w, generate_series(floor(x0 / 400)::int, floor(x1 / 400)::int) cx, generate_series(floor(y0 / 400)::int, floor(y1 / 400)::int) cy)
SELECT count(*) AS candidates FROM c a JOIN c b ON a.cx = b.cx AND a.cy = b.cy AND b.id > a.id
 WHERE a.x0 <= b.x1 AND b.x0 <= a.x1 AND a.y0 <= b.y1 AND b.y0 <= a.y1
   AND floor(greatest(a.x0, b.x0) / 400)::int = a.cx AND floor(greatest(a.y0, b.y0) / 400)::int = a.cy
   AND b.start_date <= a.end_date + 1830 AND b.end_date >= a.start_date - 1830
   AND (b.start_date <= a.end_date + 1098 AND b.end_date >= a.start_date - 1098
        OR a.kind IN ('road_reconstruction', 'road_major_repair') OR b.kind IN ('road_reconstruction', 'road_major_repair'));
RESET work_mem;

\echo '== 4. + the gap between footprints'
SELECT count(*) AS near_pairs
  FROM work a JOIN work b
    ON b.city_code = a.city_code AND b.id > a.id AND b.status NOT IN ('cancelled', 'draft')
   AND b.geom_m && ST_Expand(a.geom_m, 15 + a.reach_m + 10)
   AND b.start_date <= a.end_date + 1830 AND b.end_date >= a.start_date - 1830
   AND (b.start_date <= a.end_date + 1098 AND b.end_date >= a.start_date - 1098
        OR a.kind IN ('road_reconstruction', 'road_major_repair') OR b.kind IN ('road_reconstruction', 'road_major_repair'))
 CROSS JOIN LATERAL (SELECT works_gap_m(a.geom_m, a.reach_m, b.geom_m, b.reach_m) AS gap_m OFFSET 0) g
 WHERE a.city_code = '360400' AND a.status NOT IN ('cancelled', 'draft') AND g.gap_m <= 15;

\echo '== 5. + the pair rules'
SELECT count(*) AS pairs_in_conflict
  FROM work a JOIN work b
    ON b.city_code = a.city_code AND b.id > a.id AND b.status NOT IN ('cancelled', 'draft')
   AND b.geom_m && ST_Expand(a.geom_m, 15 + a.reach_m + 10)
   AND b.start_date <= a.end_date + 1830 AND b.end_date >= a.start_date - 1830
   AND (b.start_date <= a.end_date + 1098 AND b.end_date >= a.start_date - 1098
        OR a.kind IN ('road_reconstruction', 'road_major_repair') OR b.kind IN ('road_reconstruction', 'road_major_repair'))
 CROSS JOIN LATERAL (SELECT works_gap_m(a.geom_m, a.reach_m, b.geom_m, b.reach_m) AS gap_m OFFSET 0) g
 CROSS JOIN LATERAL pair_rules(a.id, a.organisation_id, a.utility, a.kind, a.start_date, a.end_date, a.emergency,
                               b.id, b.organisation_id, b.utility, b.kind, b.start_date, b.end_date, b.emergency,
                               g.gap_m, 15, interval '3 years', interval '5 years', interval '3 years') r
 WHERE a.city_code = '360400' AND a.status NOT IN ('cancelled', 'draft') AND g.gap_m <= 15
   AND (r.time_overlap OR r.repeat_excavation OR r.moratorium OR r.sequence);

\echo '== 6. + the meeting point as GeoJSON'
SELECT count(ST_AsGeoJSON(pair_meeting_point(a.geom, b.geom), 6)) AS places
  FROM work a JOIN work b
    ON b.city_code = a.city_code AND b.id > a.id AND b.status NOT IN ('cancelled', 'draft')
   AND b.geom_m && ST_Expand(a.geom_m, 15 + a.reach_m + 10)
   AND b.start_date <= a.end_date + 1830 AND b.end_date >= a.start_date - 1830
   AND (b.start_date <= a.end_date + 1098 AND b.end_date >= a.start_date - 1098
        OR a.kind IN ('road_reconstruction', 'road_major_repair') OR b.kind IN ('road_reconstruction', 'road_major_repair'))
 CROSS JOIN LATERAL (SELECT works_gap_m(a.geom_m, a.reach_m, b.geom_m, b.reach_m) AS gap_m OFFSET 0) g
 CROSS JOIN LATERAL pair_rules(a.id, a.organisation_id, a.utility, a.kind, a.start_date, a.end_date, a.emergency,
                               b.id, b.organisation_id, b.utility, b.kind, b.start_date, b.end_date, b.emergency,
                               g.gap_m, 15, interval '3 years', interval '5 years', interval '3 years') r
 WHERE a.city_code = '360400' AND a.status NOT IN ('cancelled', 'draft') AND g.gap_m <= 15
   AND (r.time_overlap OR r.repeat_excavation OR r.moratorium OR r.sequence);

\echo '== 7. the area rules alone, from the areas'' side (as the scan runs them)'
SELECT count(*) AS area_conflicts FROM city_area_conflicts('360400');

\echo '== 8. the area rules, two lookups per work (as a check runs them)'
SELECT count(*) AS area_conflicts FROM work a CROSS JOIN LATERAL area_conflicts(a) x
 WHERE a.city_code = '360400' AND a.status NOT IN ('cancelled', 'draft');

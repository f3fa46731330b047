-- Where the time of conflict_scan goes, step by step, on the dense city (PostgreSQL). The figures
-- of BENCHMARKS.md's findings come from here. After a bench run on `dense 10000`:
--
--   psql postgres://digonce:digonce@127.0.0.1:5432/digonce_bench_dense_10000 -f bench/diagnose.sql
--
-- The constants are the engine's for Jiujiang with default settings: d = 15 m, horizon 3 years,
-- moratoria 5 / 3 years, span = ceil(5 * 366) = 1830 days, max_reach_m = 10 m (20 m road works).

-- a server run on the prototype leaves its functions in public: put the engine's back
\ir ../sql/functions/0100_rules.sql
\ir ../sql/functions/0200_conflicts.sql
SET search_path = public;
\timing on

\echo '== the widest trench, read on every scan and every check'
SELECT max_reach_m('360400') AS max_reach_m;

\echo '== 1. the whole scan as shipped (jit on, the server default), then with jit off'
SELECT count(*) AS conflicts FROM conflict_scan('360400');
SELECT count(*) AS conflicts FROM conflict_scan('360400');
SET jit = off;
SELECT count(*) AS conflicts FROM conflict_scan('360400');
SELECT count(*) AS conflicts FROM conflict_scan('360400');

\echo '== 2. candidate pairs from the index join (bbox d + 2 * max reach, windows ± span)'
SELECT count(*) AS candidate_pairs
  FROM work a JOIN work b
    ON b.city_code = a.city_code AND b.id > a.id AND b.status NOT IN ('cancelled', 'draft')
   AND b.geom_m && ST_Expand(a.geom_m, 15 + 2 * 10)
   AND b.excavation_window && daterange(a.start_date - 1830, a.end_date + 1830, '[]')
 WHERE a.city_code = '360400' AND a.status NOT IN ('cancelled', 'draft');

\echo '== 3. + pair_conflicts (all pair rules)'
SELECT count(*) AS pair_conflict_rows, count(DISTINCT (a.id, b.id)) AS pairs_in_conflict
  FROM work a JOIN work b
    ON b.city_code = a.city_code AND b.id > a.id AND b.status NOT IN ('cancelled', 'draft')
   AND b.geom_m && ST_Expand(a.geom_m, 15 + 2 * 10)
   AND b.excavation_window && daterange(a.start_date - 1830, a.end_date + 1830, '[]')
 CROSS JOIN LATERAL pair_conflicts(a, b, 15, 3, 5, 3) c
 WHERE a.city_code = '360400' AND a.status NOT IN ('cancelled', 'draft');

\echo '== 4. + the meeting place of every conflict row (pair_meeting_place + ST_AsGeoJSON)'
SELECT count(ST_AsGeoJSON(pair_meeting_place(a, b, 15), 6)) AS with_place
  FROM work a JOIN work b
    ON b.city_code = a.city_code AND b.id > a.id AND b.status NOT IN ('cancelled', 'draft')
   AND b.geom_m && ST_Expand(a.geom_m, 15 + 2 * 10)
   AND b.excavation_window && daterange(a.start_date - 1830, a.end_date + 1830, '[]')
 CROSS JOIN LATERAL pair_conflicts(a, b, 15, 3, 5, 3) c
 WHERE a.city_code = '360400' AND a.status NOT IN ('cancelled', 'draft');

\echo '== 5. the geometry of a meeting place alone, once per pair in conflict, no function call'
CREATE TEMP TABLE conflict_pairs AS
SELECT DISTINCT a.id AS a_id, b.id AS b_id
  FROM work a JOIN work b
    ON b.city_code = a.city_code AND b.id > a.id AND b.status NOT IN ('cancelled', 'draft')
   AND b.geom_m && ST_Expand(a.geom_m, 15 + 2 * 10)
   AND b.excavation_window && daterange(a.start_date - 1830, a.end_date + 1830, '[]')
 CROSS JOIN LATERAL pair_conflicts(a, b, 15, 3, 5, 3) c
 WHERE a.city_code = '360400' AND a.status NOT IN ('cancelled', 'draft');
CREATE TEMP TABLE conflict_pair_geoms AS
SELECT a.geom_m AS ag, a.width_m AS aw, b.geom_m AS bg, b.width_m AS bw
  FROM conflict_pairs p JOIN work a ON a.id = p.a_id JOIN work b ON b.id = p.b_id;
SELECT count(ST_Buffer(bg, 15 + work_reach_m(ag, aw) + work_reach_m(bg, bw))) AS buffers FROM conflict_pair_geoms;
SELECT count(ST_AsGeoJSON(ST_Transform(ST_Intersection(ag, ST_Buffer(bg, 15 + work_reach_m(ag, aw) + work_reach_m(bg, bw))), 4326), 6)) AS places
  FROM conflict_pair_geoms;

\echo '== 6. the area rules alone, jit on and off'
SET jit = on;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF)
SELECT count(*) FROM work a CROSS JOIN LATERAL area_conflicts(a) x WHERE a.city_code = '360400' AND a.status NOT IN ('cancelled', 'draft');
SET jit = off;
SELECT count(*) AS area_conflicts FROM work a CROSS JOIN LATERAL area_conflicts(a) x WHERE a.city_code = '360400' AND a.status NOT IN ('cancelled', 'draft');

\echo '== 7. the floor: one rule, by hand'
SELECT count(*) AS neighbour_pairs
  FROM work a JOIN work b
    ON b.city_code = a.city_code AND b.id > a.id AND b.status NOT IN ('cancelled', 'draft')
   AND ST_DWithin(a.geom_m, b.geom_m, 15)
   AND b.start_date <= (a.end_date + interval '3 years')::date AND b.end_date >= (a.start_date - interval '3 years')::date
 WHERE a.city_code = '360400' AND a.status NOT IN ('cancelled', 'draft');

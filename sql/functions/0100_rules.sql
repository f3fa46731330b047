-- Rule settings and the one way distances are measured (DESIGN.md §3). Re-applied on every migrate.

-- The rules the conflict engine weighs, for one city (the city's value of each, or the default), in
-- the form its queries use: the co-location distance; the repeat horizon and the two moratoria as
-- intervals; and how many days apart two works' windows may be for any rule to join them (the longest
-- of the three, a year counted as 366 days) and for the rules without a road work (the horizon).
-- A set-returning SQL function of one SELECT, so the planner inlines it into the plan of the query
-- that reads it, which a PL/pgSQL caller keeps for the session; a scalar SQL function with
-- subqueries cannot be inlined, and is parsed and planned again in every transaction that calls it.
-- Dropped first: CREATE OR REPLACE cannot change a function's result columns, and they have changed.
DROP FUNCTION IF EXISTS engine_rules(text);
CREATE FUNCTION engine_rules(p_city text)
RETURNS TABLE (co_location_m double precision, repeat_horizon interval, reconstruction_moratorium interval,
               major_repair_moratorium interval, span_days integer, horizon_span_days integer)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT y.co_location_m, interval '1 year' * y.horizon, interval '1 year' * y.recon, interval '1 year' * y.major,
         ceil(greatest(y.horizon, y.recon, y.major) * 366)::integer, ceil(y.horizon * 366)::integer
    FROM (SELECT (max(x.value) FILTER (WHERE x.key = 'co_location_m'))::double precision AS co_location_m,
                 max(x.value) FILTER (WHERE x.key = 'repeat_horizon_years') AS horizon,
                 max(x.value) FILTER (WHERE x.key = 'moratorium_reconstruction_years') AS recon,
                 max(x.value) FILTER (WHERE x.key = 'moratorium_major_repair_years') AS major
            FROM (SELECT d.key, coalesce(s.value, d.value) AS value
                    FROM rule_setting_default d
                    LEFT JOIN rule_setting s ON s.city_code = p_city AND s.key = d.key
                   WHERE d.key IN ('co_location_m', 'repeat_horizon_years', 'moratorium_reconstruction_years',
                                   'moratorium_major_repair_years')) x) y
$$;

-- How far a work reaches beyond its centreline (half the trench width; 0 for an area, its own
-- footprint) is the column work.reach_m (migration 0008). The engine's functions take reaches.

-- The footprint of a work in the city's metric CRS: the trench (centreline buffered by half its
-- width, flat ends) or the area.
CREATE OR REPLACE FUNCTION work_footprint(p_geom_m geometry, p_width numeric) RETURNS geometry
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN ST_Dimension(p_geom_m) = 2 THEN p_geom_m
              ELSE ST_Buffer(p_geom_m, greatest(coalesce(p_width, 0)::double precision / 2, 0.05), 'endcap=flat join=round') END
$$;

-- Metres between the edges of two works' footprints, on the ground (both in the city's metric CRS),
-- given how far each reaches beyond its centreline (work.reach_m).
CREATE OR REPLACE FUNCTION works_gap_m(a_geom_m geometry, a_reach_m double precision, b_geom_m geometry, b_reach_m double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT greatest(ST_Distance(a_geom_m, b_geom_m) - a_reach_m - b_reach_m, 0)
$$;

-- Days between two inclusive date windows: 0 when they touch or overlap.
CREATE OR REPLACE FUNCTION window_gap_days(a_start date, a_end date, b_start date, b_end date) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT greatest(a_start - b_end, b_start - a_end, 0)
$$;

-- Digging order "deepest first, pave last": drainage, then water and gas, then power, telecom and
-- lighting, then the road. The catalogue's DIG_LAYER (src/lib/domain/conflict-rules.ts), held equal
-- by tests/db/conflict-rules.test.ts: a CASE the planner folds into each pair, where a table would be read per pair.
CREATE OR REPLACE FUNCTION utility_layer(p_utility text) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE p_utility WHEN 'rain' THEN 1 WHEN 'sewage' THEN 1
                        WHEN 'water' THEN 2 WHEN 'gas' THEN 2
                        WHEN 'power' THEN 3 WHEN 'telecom' THEN 3 WHEN 'lighting' THEN 3
                        WHEN 'road' THEN 4 END
$$;

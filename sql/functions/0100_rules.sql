-- Rule settings and the one way distances are measured (DESIGN.md §3). Re-applied on every migrate.

-- A city's value for a rule, or the default.
CREATE OR REPLACE FUNCTION rule_value(p_city text, p_key text) RETURNS numeric
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(
    (SELECT value FROM rule_setting WHERE city_code = p_city AND key = p_key),
    (SELECT value FROM rule_setting_default WHERE key = p_key))
$$;

-- How far a work reaches beyond its centreline (half the trench width; 0 for an area, its own
-- footprint) is the column work.reach_m (migration 0008). The engine's functions take reaches.
DROP FUNCTION IF EXISTS works_gap_m(geometry, numeric, geometry, numeric);
DROP FUNCTION IF EXISTS pair_reach_m(geometry, numeric, geometry, numeric, double precision);
DROP FUNCTION IF EXISTS work_reach_m(geometry, numeric);

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
-- lighting, then the road.
CREATE OR REPLACE FUNCTION utility_layer(p_utility text) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE p_utility WHEN 'rain' THEN 1 WHEN 'sewage' THEN 1
                        WHEN 'water' THEN 2 WHEN 'gas' THEN 2
                        WHEN 'power' THEN 3 WHEN 'telecom' THEN 3 WHEN 'lighting' THEN 3
                        WHEN 'road' THEN 4 END
$$;

-- The floor the engine is measured against: one rule written by hand. Two works are neighbours when
-- their geometries are within 15 m in the city's metric CRS (ST_DWithin on geom_m, answered by its
-- GiST index) and their windows within 3 years of each other; cancelled and draft works take no part.
-- PL/pgSQL so the plan is kept between calls, as the engine's are; the SET clauses keep the plan on
-- the GiST index alone (with many works stored the planner would AND it with work_city_idx, reading
-- every work of the city per probe) and without JIT compilation, which costs more than these queries.
-- Installed by the bench in the schema bench_reference.

-- Every pair of neighbours in a city, once.
CREATE OR REPLACE FUNCTION neighbour_pairs(p_city text) RETURNS integer
LANGUAGE plpgsql STABLE
SET jit = off
SET enable_bitmapscan = off
AS $$
BEGIN
  RETURN (
    SELECT count(*)
      FROM work a
      JOIN work b
        ON b.city_code = a.city_code
       AND b.id > a.id
       AND b.status NOT IN ('cancelled', 'draft')
       AND ST_DWithin(a.geom_m, b.geom_m, 15)
       AND b.start_date <= (a.end_date + interval '3 years')::date
       AND b.end_date >= (a.start_date - interval '3 years')::date
     WHERE a.city_code = p_city
       AND a.status NOT IN ('cancelled', 'draft'));
END $$;

-- The neighbours of one stored work: the floor of a check.
CREATE OR REPLACE FUNCTION neighbours(p_work_id bigint) RETURNS SETOF bigint
LANGUAGE plpgsql STABLE
SET jit = off
SET enable_bitmapscan = off
AS $$
BEGIN
  RETURN QUERY
    SELECT b.id
      FROM work a
      JOIN work b
        ON b.city_code = a.city_code
       AND b.id <> a.id
       AND b.status NOT IN ('cancelled', 'draft')
       AND ST_DWithin(a.geom_m, b.geom_m, 15)
       AND b.start_date <= (a.end_date + interval '3 years')::date
       AND b.end_date >= (a.start_date - interval '3 years')::date
     WHERE a.id = p_work_id;
END $$;

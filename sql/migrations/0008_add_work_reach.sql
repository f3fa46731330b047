-- How far a work's footprint reaches beyond its centreline, in metres: half the trench's width, 0 for
-- an area work (its own footprint). Kept as a float beside the geometry because the conflict engine
-- reads it for every pair of works it weighs: converting the numeric width and asking the geometry
-- its dimension each time cost the dense city's full scan 7% (BENCHMARKS.md). Computed after the
-- trigger that sets geom_m.
ALTER TABLE work ADD COLUMN reach_m double precision
  GENERATED ALWAYS AS (CASE WHEN ST_Dimension(geom_m) = 2 THEN 0 ELSE coalesce(width_m, 0)::double precision / 2 END) STORED;

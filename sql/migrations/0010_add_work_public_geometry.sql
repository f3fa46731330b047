-- What the public may see of each work's place (public_work_geometry), stored and indexed beside the
-- work: anonymous filters, counts, extents, sorting and distances are computed on it, so that a bbox
-- or a radius never tells more than the returned geometry shows (DESIGN.md §5). A table of its own,
-- not a column of work: the conflict engine reads work's rows in every scan and never needs it.
-- Filled by the triggers below; the rows of works that already exist are made when the function
-- file defining public_work_geometry is applied (sql/functions/0500_public.sql).
CREATE TABLE work_public_geometry (
  work_id bigint PRIMARY KEY REFERENCES work(id) ON DELETE CASCADE,
  geom    geometry(Geometry, 4326) NOT NULL
);
CREATE INDEX work_public_geometry_gix ON work_public_geometry USING gist (geom);

-- public_work_geometry is resolved when the trigger runs, not here: on a new database it is
-- defined only after the migrations (function files are applied last).
CREATE FUNCTION work_fill_public_geometry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- a conflict check stores its work only to weigh it and rolls it back: no one reads its public place
  IF current_setting('digonce.checking_work', true) = 'on' THEN
    RETURN NULL;
  END IF;
  INSERT INTO work_public_geometry (work_id, geom) VALUES (NEW.id, public_work_geometry(NEW))
    ON CONFLICT (work_id) DO UPDATE SET geom = EXCLUDED.geom;
  RETURN NULL;
END $$;
-- AFTER: geom_m, which public_work_geometry measures with, is set by the BEFORE trigger
CREATE TRIGGER work_fill_public_geometry AFTER INSERT OR UPDATE OF geom, utility, city_code ON work
  FOR EACH ROW EXECUTE FUNCTION work_fill_public_geometry();

-- Protected works are published as the street stretches they run along: when stretches are cut
-- again (a street imported or redrawn), the works near them are placed again.
CREATE FUNCTION work_public_geometry_follow_streets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE work_public_geometry p SET geom = public_work_geometry(w)
    FROM work w
   WHERE w.id = p.work_id
     AND w.id IN (SELECT near.id FROM changed_stretch s
                    JOIN work near ON near.city_code = s.city_code AND near.geom_m && ST_Expand(s.geom_m, 20));
  RETURN NULL;
END $$;
CREATE TRIGGER street_stretch_added AFTER INSERT ON street_stretch
  REFERENCING NEW TABLE AS changed_stretch FOR EACH STATEMENT EXECUTE FUNCTION work_public_geometry_follow_streets();
CREATE TRIGGER street_stretch_removed AFTER DELETE ON street_stretch
  REFERENCING OLD TABLE AS changed_stretch FOR EACH STATEMENT EXECUTE FUNCTION work_public_geometry_follow_streets();

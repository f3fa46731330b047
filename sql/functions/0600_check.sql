-- A check or a save in as few round trips as the engine allows: the registration desk checks while
-- a utility draws, so each check is one statement (figures in BENCHMARKS.md, "Conflict engine").
-- PL/pgSQL rather than SQL functions: PostgreSQL keeps a PL/pgSQL function's plans for the session,
-- while a SQL function that is not inlined is planned again on every call (planning cost more than
-- running these queries).

-- A city's rule settings, each key with its value (the city's, or the default).
CREATE OR REPLACE FUNCTION rule_settings_json(p_city text) RETURNS json
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
BEGIN
  RETURN (SELECT json_object_agg(d.key, coalesce(s.value, d.value))
            FROM rule_setting_default d LEFT JOIN rule_setting s ON s.key = d.key AND s.city_code = p_city);
END $$;

-- Everything the messages about some conflicts name: the works (with their organisations), the
-- historic districts and the neighbourhoods.
CREATE OR REPLACE FUNCTION conflict_context_json(p_work_ids bigint[], p_historic_district_ids text[], p_neighbourhood_ids text[])
RETURNS json LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
BEGIN
  RETURN json_build_object(
    'works', (SELECT coalesce(json_agg(w), '[]')
                FROM (SELECT w.id, w.organisation_id AS organisation, o.name AS organisation_name, o.short_name AS organisation_short_name,
                             w.utility, w.kind, w.title, w.start_date, w.end_date, w.status, w.emergency
                        FROM work w JOIN organisation o ON o.id = w.organisation_id
                       WHERE w.id = ANY(p_work_ids)) w),
    'historic_districts', (SELECT coalesce(json_agg(h), '[]')
                             FROM (SELECT id, name, protection_level FROM historic_district WHERE id = ANY(p_historic_district_ids)) h),
    'neighbourhoods', (SELECT coalesce(json_agg(n), '[]')
                         FROM (SELECT id, name, renovation_start, renovation_end, status FROM neighbourhood WHERE id = ANY(p_neighbourhood_ids)) n));
END $$;

-- A work's geometry in lon/lat and in the city's metric CRS, the same vertices: what the app cuts
-- the stretches where a trench meets other works from (work_conflicts, meeting-stretch.ts).
CREATE OR REPLACE FUNCTION work_geometries_json(p_work_id bigint) RETURNS json
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
BEGIN
  RETURN (SELECT json_build_object('geometry', ST_AsGeoJSON(geom, 7)::json, 'geometry_m', ST_AsGeoJSON(geom_m, 3, 0)::json)
            FROM work WHERE id = p_work_id);
END $$;

-- Stores a work given as a validated JSON document (ValidWork in src/lib/server/works/validate.ts,
-- geometry in WGS84); a work inside a neighbourhood is filed under it unless told otherwise.
CREATE OR REPLACE FUNCTION work_insert(p_city text, p_work json, p_user bigint) RETURNS bigint
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_id bigint;
BEGIN
  INSERT INTO work (city_code, organisation_id, utility, kind, title, description, geom, width_m, depth_m,
                    start_date, end_date, status, emergency, needs_review, internal_note, created_by, neighbourhood_id)
  SELECT p_city, p_work->>'organisation', p_work->>'utility', p_work->>'kind', p_work->>'title', p_work->>'description', g.geom,
         (p_work->>'width_m')::numeric, (p_work->>'depth_m')::numeric, (p_work->>'start_date')::date, (p_work->>'end_date')::date,
         p_work->>'status', (p_work->>'emergency')::boolean, (p_work->>'needs_review')::boolean, p_work->>'internal_note', p_user,
         coalesce(p_work->>'neighbourhood_id',
                  (SELECT n.id FROM neighbourhood n WHERE n.city_code = p_city AND ST_Intersects(n.boundary, g.geom) ORDER BY n.id LIMIT 1))
    FROM (SELECT ST_SetSRID(ST_GeomFromGeoJSON(p_work->>'geometry'), 4326) AS geom) g
  RETURNING id INTO v_id;
  RETURN v_id;
END $$;

-- The conflicts a work would have, with what their messages name and the joint works it would
-- join, in one statement that writes nothing: the work is stored (and the stored version of a work
-- being edited steps aside, when p_replaces is given) inside a block that is then rolled back.
-- p_replaces_org limits p_replaces to one organisation's works (a utility edits only its own).
-- Answers {"id", "rows", "context", "proposal"}, or {"replaced_missing": true}.
CREATE OR REPLACE FUNCTION work_check(p_city text, p_work json, p_user bigint, p_replaces bigint, p_replaces_org text)
RETURNS json LANGUAGE plpgsql VOLATILE
SET jit = off
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
  v_id bigint;
  result json;
BEGIN
  -- what the block writes is rolled back, but it gave the statement's transaction an id, whose
  -- commit would wait for a WAL flush: nothing of a check is kept, so its commit need not wait
  -- (local to this transaction; outside the block, which would undo it)
  PERFORM set_config('synchronous_commit', 'off', true);
  BEGIN
    -- the work's public place (work_fill_public_geometry) is not made for a work that is rolled back;
    -- the setting goes with the block
    PERFORM set_config('digonce.checking_work', 'on', true);
    IF p_replaces IS NOT NULL THEN
      -- cancelled works take part in no rule, so the work is not found in conflict with itself
      UPDATE work SET status = 'cancelled'
       WHERE id = p_replaces AND city_code = p_city AND (p_replaces_org IS NULL OR organisation_id = p_replaces_org);
      IF NOT FOUND THEN
        RETURN json_build_object('replaced_missing', true);
      END IF;
    END IF;
    v_id := work_insert(p_city, p_work, p_user);
    WITH c AS (SELECT * FROM work_conflicts(v_id)),
         -- the rules that link works and the works that can still join, as in the catalogue
         -- (src/lib/domain/conflict-rules.ts; tests/db/conflict-rules.test.ts holds them equal)
         linked AS (SELECT DISTINCT x.id FROM c, unnest(c.work_ids) x(id) JOIN work w ON w.id = x.id
                     WHERE (c.time_overlap OR c.repeat_excavation)
                       AND (x.id = v_id OR w.status IN ('submitted', 'approved', 'in_progress')))
    SELECT json_build_object(
             'id', v_id,
             'rows', (SELECT coalesce(json_agg(c), '[]') FROM c),
             -- what the app cuts a trench's stretches from, when it has any to cut
             'subject', CASE WHEN EXISTS (SELECT 1 FROM c WHERE c.other_geom_m IS NOT NULL) THEN work_geometries_json(v_id) END,
             'context', conflict_context_json(
                          ARRAY(SELECT DISTINCT x.id FROM c, unnest(c.work_ids || c.road_id) x(id) WHERE x.id IS NOT NULL),
                          ARRAY(SELECT DISTINCT historic_district_id FROM c WHERE historic_district_id IS NOT NULL),
                          ARRAY(SELECT DISTINCT neighbourhood_id FROM c WHERE neighbourhood_id IS NOT NULL)),
             'proposal', CASE WHEN EXISTS (SELECT 1 FROM linked WHERE linked.id <> v_id)
                              THEN proposal_facts_json(ARRAY(SELECT id FROM linked UNION SELECT v_id)) END)
      INTO result;
    -- undo the insert (and the edit's stand-aside): the answer is kept, nothing is written
    RAISE EXCEPTION USING ERRCODE = 'DGCHK';
  EXCEPTION WHEN SQLSTATE 'DGCHK' THEN
    RETURN result;
  END;
END $$;

-- What the database knows of a work being registered, for its validation (src/lib/server/works/validate.ts):
-- the geometry's facts once transformed to WGS84 and measured in the city's metric CRS (null when
-- PostGIS cannot read or transform it), the rule settings, the organisation, and whether the
-- neighbourhood named (if any) exists.
CREATE OR REPLACE FUNCTION registration_facts(p_geojson text, p_srid integer, p_city text, p_organisation text, p_neighbourhood text)
RETURNS json LANGUAGE plpgsql STABLE
SET jit = off
AS $$
DECLARE
  v_geometry json;
BEGIN
  BEGIN
    SELECT json_build_object(
             'valid', (m.v).valid, 'reason', (m.v).reason, 'lon', ST_X((m.v).location), 'lat', ST_Y((m.v).location),
             'inside', ST_Within(m.geom, m.extent), 'city', m.name,
             'extent', concat_ws(',', round(ST_XMin(m.extent)::numeric, 2), round(ST_YMin(m.extent)::numeric, 2),
                                      round(ST_XMax(m.extent)::numeric, 2), round(ST_YMax(m.extent)::numeric, 2)),
             'dim', ST_Dimension(m.geom),
             'length_m', ST_Length(m.geom_m),
             'min_part_m', (SELECT min(ST_Length(d.geom)) FROM ST_Dump(m.geom_m) d),
             'area_m2', ST_Area(m.geom_m),
             'geojson', ST_AsGeoJSON(m.geom, 7))
      INTO v_geometry
      FROM (SELECT g.geom, ST_Transform(g.geom, c.metric_srid) AS geom_m, ST_IsValidDetail(g.geom) AS v, c.name, c.extent
              FROM (SELECT ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(p_geojson), p_srid), 4326) AS geom) g, city c
             WHERE c.code = p_city OFFSET 0) m;
  EXCEPTION WHEN OTHERS THEN
    -- not readable, or coordinates far outside what the CRS allows
    v_geometry := NULL;
  END;
  RETURN json_build_object(
    'geometry', v_geometry,
    'settings', rule_settings_json(p_city),
    'organisation', (SELECT row_to_json(o) FROM (SELECT id, name, kind FROM organisation WHERE id = p_organisation AND city_code = p_city) o),
    'neighbourhood_known', p_neighbourhood IS NULL OR EXISTS (SELECT 1 FROM neighbourhood WHERE id = p_neighbourhood AND city_code = p_city),
    -- named apart from the geometry: a shape that cannot be transformed is still told which city it missed
    'city', (SELECT json_build_object('name', c.name,
                                      'extent', concat_ws(',', round(ST_XMin(c.extent)::numeric, 2), round(ST_YMin(c.extent)::numeric, 2),
                                                               round(ST_XMax(c.extent)::numeric, 2), round(ST_YMax(c.extent)::numeric, 2)))
               FROM city c WHERE c.code = p_city));
END $$;

-- The whole of a check in one statement: the facts its validation needs (registration_facts) and,
-- when the work can be stored at all, what work_check answers for it, with its geometry as a save
-- would store it (WGS84, as validated). The app validates the facts and answers with the check
-- only when they pass. p_work: the work's properties with their defaults and its geometry as sent,
-- in p_srid.
CREATE OR REPLACE FUNCTION work_check_feature(p_city text, p_work json, p_srid integer, p_user bigint,
                                              p_replaces bigint, p_replaces_org text)
RETURNS json LANGUAGE plpgsql VOLATILE
SET jit = off
AS $$
DECLARE
  facts json := registration_facts(p_work->>'geometry', p_srid, p_city, p_work->>'organisation', p_work->>'neighbourhood_id');
  g json := facts->'geometry';
BEGIN
  IF json_typeof(g) IS DISTINCT FROM 'object' OR NOT (g->>'valid')::boolean OR NOT (g->>'inside')::boolean
     OR json_typeof(facts->'organisation') IS DISTINCT FROM 'object' THEN
    RETURN json_build_object('facts', facts);
  END IF;
  BEGIN
    RETURN json_build_object('facts', facts, 'check',
      work_check(p_city, (p_work::jsonb || jsonb_build_object('geometry', (g->>'geojson')::jsonb))::json, p_user, p_replaces, p_replaces_org));
  EXCEPTION WHEN data_exception OR integrity_constraint_violation THEN
    -- a work the table refuses: the app's validation names the problem
    RETURN json_build_object('facts', facts);
  END;
END $$;

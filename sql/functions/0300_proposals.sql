-- Joint-works proposals: what a group of works saves by sharing one trench and one window.

-- Taking the members longest first, each member's trench that lies in the corridor of the members
-- before it is trench not dug again, and its road surface not reinstated again.
CREATE OR REPLACE FUNCTION joint_works_saving(p_ids bigint[])
RETURNS TABLE (trench_m_saved double precision, reinstatement_m2_saved double precision, trench_m_total double precision)
LANGUAGE plpgsql STABLE AS $$
DECLARE
  w record;
  dug geometry;
  d double precision;
  shared double precision;
BEGIN
  trench_m_saved := 0;
  reinstatement_m2_saved := 0;
  trench_m_total := 0;
  FOR w IN
    SELECT id, city_code, geom_m, width_m, ST_Dimension(geom_m) AS dim,
           CASE WHEN ST_Dimension(geom_m) = 2 THEN 0 ELSE ST_Length(geom_m) END AS len
      FROM work WHERE id = ANY(p_ids)
     ORDER BY ST_Length(geom_m) + ST_Area(geom_m) DESC, id
  LOOP
    d := coalesce(d, rule_value(w.city_code, 'co_location_m'));
    trench_m_total := trench_m_total + w.len;
    IF dug IS NOT NULL THEN
      IF w.dim = 2 THEN
        reinstatement_m2_saved := reinstatement_m2_saved + ST_Area(ST_Intersection(w.geom_m, dug));
      ELSE
        shared := ST_Length(ST_Intersection(w.geom_m, dug));
        trench_m_saved := trench_m_saved + shared;
        reinstatement_m2_saved := reinstatement_m2_saved + shared * w.width_m;
      END IF;
    END IF;
    dug := ST_Union(coalesce(dug, ST_GeomFromText('POLYGON EMPTY', ST_SRID(w.geom_m))),
                    ST_Buffer(w.geom_m, d + work_reach_m(w.geom_m, w.width_m)));
  END LOOP;
  RETURN NEXT;
END $$;

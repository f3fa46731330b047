import type { Queryable } from '$lib/server/db';
import type { DistrictOverview } from '$lib/types/api';
import { workGeometry, workSource, type Viewer } from '$lib/server/works/queries';

export type { DistrictOverview } from '$lib/types/api';

/** Counts per district: what the first page shows to prove the data is there; works placed as the viewer sees them. */
export async function districtOverview(db: Queryable, cityCode: string, viewer: Viewer): Promise<DistrictOverview[]> {
	const { rows } = await db.query<DistrictOverview>(
		`SELECT d.code, d.name,
		        (SELECT count(*) FROM neighbourhood n WHERE n.district_code = d.code)::int AS neighbourhoods,
		        (SELECT coalesce(sum(households), 0) FROM neighbourhood n WHERE n.district_code = d.code)::int AS households,
		        (SELECT count(*) FROM ${workSource(viewer)} WHERE w.city_code = d.city_code AND w.status <> 'draft'
		            AND ST_Intersects(d.boundary, ${workGeometry(viewer)}))::int AS works,
		        (SELECT count(*) FROM historic_district h WHERE ST_Intersects(d.boundary, h.boundary))::int AS historic_districts
		   FROM district d
		  WHERE d.city_code = $1
		  ORDER BY d.code`,
		[cityCode]
	);
	return rows;
}

export async function isDemoData(db: Queryable): Promise<boolean> {
	const { rows } = await db.query<{ value: string }>(`SELECT value FROM dataset_info WHERE key = 'demo'`);
	return rows[0]?.value === 'true';
}

export async function databaseHealth(db: Queryable & { kind: string }) {
	const { rows } = await db.query<{ version: string }>('SELECT postgis_lib_version() AS version');
	return { status: 'ok' as const, database: db.kind, postgis: rows[0].version };
}

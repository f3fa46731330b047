import type { Queryable } from '$lib/server/db';
import { featureCollectionSql, SqlParams } from '$lib/server/geojson';

export const HISTORIC_DISTRICT_FIELDS = {
	name: 'h.name',
	protection_level: 'h.protection_level',
	description: 'h.description'
} as const;

export async function historicDistrictCollection(db: Queryable, filter: { cityCode: string; bbox?: [number, number, number, number] }): Promise<string> {
	const p = new SqlParams();
	const where = [`h.city_code = ${p.add(filter.cityCode)}`];
	if (filter.bbox) where.push(p.bbox('h.boundary', filter.bbox));
	const sql = featureCollectionSql({
		from: 'historic_district h',
		id: 'h.id',
		geometry: 'h.boundary',
		properties: HISTORIC_DISTRICT_FIELDS,
		where,
		orderBy: 'h.id'
	});
	const { rows } = await db.query<{ body: string }>(sql, p.values);
	return rows[0].body;
}

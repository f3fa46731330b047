import type { Queryable } from '$lib/server/db';
import { featureCollectionSql, SqlParams, type Audience } from '$lib/server/geojson';
import type { NeighbourhoodStatus, RainSewageState } from '$lib/domain/codes';

/** What anyone may see of a neighbourhood, including the officials named in its 网格化 公示. */
export const PUBLIC_NEIGHBOURHOOD_FIELDS = {
	name: 'n.name',
	district_code: 'n.district_code',
	district_name: 'd.name',
	sub_district_code: 'n.sub_district_code',
	sub_district_name: 's.name',
	address: 'n.address',
	built_year: 'n.built_year',
	buildings: 'n.buildings',
	households: 'n.households',
	batch_year: 'n.batch_year',
	status: 'n.status',
	renovation_items: 'n.renovation_items',
	renovation_start: 'n.renovation_start',
	renovation_end: 'n.renovation_end',
	county_leader: 'n.county_leader',
	housing_leader: 'n.housing_leader',
	community_cadre: 'n.community_cadre',
	hotline: 'n.hotline',
	management_mode: 'n.management_mode',
	fee_collection_rate: 'n.fee_collection_rate',
	rain_sewage_state: 'n.rain_sewage_state'
} as const;

/** Planners and utilities also see staff contacts and internal notes. */
export const STAFF_NEIGHBOURHOOD_FIELDS = {
	...PUBLIC_NEIGHBOURHOOD_FIELDS,
	community_cadre_phone: 'n.community_cadre_phone',
	internal_note: 'n.internal_note'
} as const;

export interface NeighbourhoodFilter {
	cityCode: string;
	id?: string;
	bbox?: [number, number, number, number];
	/** the renovation window meets [from, to] */
	from?: string;
	to?: string;
	/** the day whose status is answered (and filtered by `status`): `to` when not given, else today */
	at?: string;
	district?: string[];
	status?: NeighbourhoodStatus[];
	rainSewage?: RainSewageState[];
	batchYear?: number[];
}

export async function neighbourhoodCollection(db: Queryable, filter: NeighbourhoodFilter, audience: Audience): Promise<string> {
	const p = new SqlParams();
	const day = filter.at ?? filter.to;
	// the status on that day, from the recorded status and renovation window (sql/functions/0800)
	const status = day ? `neighbourhood_status_at(n.status, n.renovation_start, n.renovation_end, ${p.add(day)}::date)` : 'n.status';
	const fields = audience === 'staff' ? STAFF_NEIGHBOURHOOD_FIELDS : PUBLIC_NEIGHBOURHOOD_FIELDS;
	const where = [`n.city_code = ${p.add(filter.cityCode)}`];
	if (filter.id) where.push(`n.id = ${p.add(filter.id)}`);
	if (filter.bbox) where.push(p.bbox('n.boundary', filter.bbox));
	if (filter.from || filter.to) {
		where.push(
			`n.renovation_start IS NOT NULL AND daterange(n.renovation_start, n.renovation_end, '[]') && daterange(coalesce(${p.add(filter.from ?? null)}::date, '-infinity'), coalesce(${p.add(filter.to ?? null)}::date, 'infinity'), '[]')`
		);
	}
	if (filter.district?.length) where.push(`n.district_code = ANY(${p.add(filter.district)}::text[])`);
	if (filter.status?.length) where.push(`${status} = ANY(${p.add(filter.status)}::text[])`);
	if (filter.rainSewage?.length) where.push(`n.rain_sewage_state = ANY(${p.add(filter.rainSewage)}::text[])`);
	if (filter.batchYear?.length) where.push(`n.batch_year = ANY(${p.add(filter.batchYear)}::int[])`);
	const sql = featureCollectionSql({
		from: `neighbourhood n JOIN district d ON d.code = n.district_code LEFT JOIN sub_district s ON s.code = n.sub_district_code`,
		id: 'n.id',
		geometry: 'n.boundary',
		properties: { ...fields, status },
		where,
		orderBy: 'n.id'
	});
	const { rows } = await db.query<{ body: string }>(sql, p.values);
	return rows[0].body;
}

/** The changes of a neighbourhood's drainage, oldest first. */
export async function rainSewageHistory(db: Queryable, neighbourhoodId: string) {
	const { rows } = await db.query<{ state: RainSewageState; since: string; work_id: number | null }>(
		'SELECT state, since, work_id FROM rain_sewage_change WHERE neighbourhood_id = $1 ORDER BY since, id',
		[neighbourhoodId]
	);
	return rows.map((r) => ({ ...r, work_id: r.work_id === null ? null : Number(r.work_id) }));
}

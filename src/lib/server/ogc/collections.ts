import type { Queryable } from '../db';
import { featureCollectionSql, SqlParams, type FeatureQuery } from '../geojson';
import { PUBLIC_NEIGHBOURHOOD_FIELDS } from '../neighbourhoods/queries';
import { HISTORIC_DISTRICT_FIELDS } from '../historic-districts/queries';
import { PUBLIC_WORK_FIELDS, workGeometry, workSource } from '../works/queries';

/**
 * The layers published through OGC API – Features (Part 1, core + GeoJSON) for QGIS, ArcGIS and
 * GDAL. Clients there do not sign in: every collection is built from the public field lists.
 */
export interface OgcCollection {
	id: string;
	title: { zh: string; en: string };
	description: { zh: string; en: string };
	from: string;
	idExpr: string;
	idType: 'text' | 'bigint';
	geometry: string;
	properties: Record<string, string>;
	where: string[];
	orderBy: string;
	/** the [start, end] dates `datetime` filters on, when the layer has time */
	time?: { start: string; end: string };
}

export const OGC_COLLECTIONS: OgcCollection[] = [
	{
		id: 'neighbourhoods',
		title: { zh: '老旧小区', en: 'Old neighbourhoods' },
		description: { zh: '改造范围、状态、批次与网格化责任人（演示数据）', en: 'Renovation boundaries, status, batch and responsible officials (demo data)' },
		from: 'neighbourhood n JOIN district d ON d.code = n.district_code LEFT JOIN sub_district s ON s.code = n.sub_district_code',
		idExpr: 'n.id',
		idType: 'text',
		geometry: 'n.boundary',
		properties: PUBLIC_NEIGHBOURHOOD_FIELDS,
		where: [],
		orderBy: 'n.id',
		time: { start: 'n.renovation_start', end: 'n.renovation_end' }
	},
	{
		id: 'works',
		title: { zh: '管线开挖作业', en: 'Excavation works' },
		description: {
			zh: '已申报、批准、施工中和已完成的开挖作业；燃气、电力只到路段（演示数据）',
			en: 'Submitted, approved, running and finished works; gas and power at street level (demo data)'
		},
		from: workSource({ audience: 'public' }),
		idExpr: 'w.id',
		idType: 'bigint',
		geometry: workGeometry({ audience: 'public' }),
		properties: PUBLIC_WORK_FIELDS,
		where: [`w.status <> 'draft'`],
		orderBy: 'w.id',
		time: { start: 'w.start_date', end: 'w.end_date' }
	},
	{
		id: 'historic-districts',
		title: { zh: '历史文化街区', en: 'Historic districts' },
		description: { zh: '街区内施工须经历史文化保护审查（演示数据）', en: 'Works inside need heritage review (demo data)' },
		from: 'historic_district h',
		idExpr: 'h.id',
		idType: 'text',
		geometry: 'h.boundary',
		properties: HISTORIC_DISTRICT_FIELDS,
		where: [],
		orderBy: 'h.id'
	},
	{
		id: 'districts',
		title: { zh: '区县', en: 'Districts' },
		description: { zh: '示意边界，非法定界线（演示数据）', en: 'Schematic boundaries, not legal ones (demo data)' },
		from: 'district d',
		idExpr: 'd.code',
		idType: 'text',
		geometry: 'd.boundary',
		properties: { name: 'd.name' },
		where: [],
		orderBy: 'd.code'
	}
];

const cityColumn = (c: OgcCollection) => `${c.idExpr.split('.')[0]}.city_code`;

export interface ItemsQuery {
	cityCode: string;
	bbox?: [number, number, number, number];
	/** inclusive dates; undefined ends are open */
	from?: string;
	to?: string;
	limit: number;
	offset: number;
}

function conditions(c: OgcCollection, q: Omit<ItemsQuery, 'limit' | 'offset'>, p: SqlParams): string[] {
	const where = [...c.where, `${cityColumn(c)} = ${p.add(q.cityCode)}`];
	// on the geometry the collection publishes, so a box tells no more than its features show
	if (q.bbox) where.push(p.bbox(c.geometry, q.bbox));
	if (c.time && (q.from || q.to)) {
		where.push(
			`${c.time.start} IS NOT NULL AND daterange(${c.time.start}, ${c.time.end}, '[]') && daterange(coalesce(${p.add(q.from ?? null)}::date, '-infinity'), coalesce(${p.add(q.to ?? null)}::date, 'infinity'), '[]')`
		);
	}
	return where;
}

export async function collectionItems(db: Queryable, c: OgcCollection, q: ItemsQuery) {
	const p = new SqlParams();
	const where = conditions(c, q, p);
	const query: FeatureQuery = {
		from: c.from,
		id: c.idExpr,
		geometry: c.geometry,
		properties: c.properties,
		where,
		orderBy: c.orderBy,
		page: { limit: q.limit, offset: q.offset }
	};
	// one after the other: `db` may be a single connection, which runs one query at a time
	const { rows } = await db.query<{ body: string }>(featureCollectionSql(query), p.values);
	const count = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${c.from} WHERE ${where.join(' AND ')}`, p.values);
	return { collection: JSON.parse(rows[0].body) as { type: 'FeatureCollection'; features: unknown[] }, numberMatched: count.rows[0].n };
}

export async function collectionItem(db: Queryable, c: OgcCollection, cityCode: string, featureId: string) {
	if (c.idType === 'bigint' && !/^\d{1,15}$/.test(featureId)) return null;
	const p = new SqlParams();
	const where = [...conditions(c, { cityCode }, p), `${c.idExpr} = ${p.add(featureId)}::${c.idType}`];
	const { rows } = await db.query<{ body: string }>(
		featureCollectionSql({ from: c.from, id: c.idExpr, geometry: c.geometry, properties: c.properties, where, orderBy: c.orderBy }),
		p.values
	);
	return (JSON.parse(rows[0].body).features[0] as Record<string, unknown> | undefined) ?? null;
}

/** The spatial and temporal extent of a collection, for its metadata. */
export async function collectionExtent(db: Queryable, c: OgcCollection, cityCode: string) {
	const p = new SqlParams();
	const where = conditions(c, { cityCode }, p);
	const time = c.time ? `min(${c.time.start})::text AS t0, max(${c.time.end})::text AS t1` : `NULL AS t0, NULL AS t1`;
	const { rows } = await db.query<{ x0: number | null; y0: number; x1: number; y1: number; t0: string | null; t1: string | null }>(
		`SELECT ST_XMin(e) AS x0, ST_YMin(e) AS y0, ST_XMax(e) AS x1, ST_YMax(e) AS y1, t0, t1
		   FROM (SELECT ST_Extent(${c.geometry}) AS e, ${time} FROM ${c.from} WHERE ${where.join(' AND ')}) x`,
		p.values
	);
	return rows[0];
}

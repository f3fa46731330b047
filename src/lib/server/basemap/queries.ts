import type { Queryable } from '$lib/server/db';
import { featureCollectionSql, SqlParams } from '$lib/server/geojson';

/**
 * The offline basemap is drawn from the app's own reference data: districts, sub-districts and the
 * street network (all public). Each layer is one GeoJSON FeatureCollection for the whole city:
 * a city's admin areas and named streets are a few hundred features, small enough to send once and
 * cache, which keeps the basemap a plain MapLibre style with no tile server.
 */
export const BASEMAP_LAYERS = ['districts', 'sub-districts', 'streets', 'admin-labels'] as const;
export type BasemapLayer = (typeof BASEMAP_LAYERS)[number];

const LAYER_SQL: Record<BasemapLayer, { from: string; id: string; geometry: string; properties: Record<string, string>; city: string; orderBy: string }> = {
	districts: {
		from: 'district d',
		id: 'd.code',
		geometry: 'd.boundary',
		properties: { code: 'd.code', name: 'd.name' },
		city: 'd.city_code',
		orderBy: 'd.code'
	},
	'sub-districts': {
		from: 'sub_district s',
		id: 's.code',
		geometry: 's.boundary',
		properties: { code: 's.code', district_code: 's.district_code', name: 's.name' },
		city: 's.city_code',
		orderBy: 's.code'
	},
	streets: { from: 'street s', id: 's.id', geometry: 's.geom', properties: { name: 's.name', class: 's.class' }, city: 's.city_code', orderBy: 's.id' },
	// One point inside each district and sub-district for its name: MapLibre would label a polygon
	// of a GeoJSON source once per tile it crosses.
	'admin-labels': {
		from: `(SELECT code, city_code, name, 'district' AS level, boundary FROM district
		        UNION ALL SELECT code, city_code, name, 'sub_district', boundary FROM sub_district) a`,
		id: 'a.code',
		geometry: 'ST_PointOnSurface(a.boundary)',
		properties: { name: 'a.name', level: 'a.level' },
		city: 'a.city_code',
		orderBy: 'a.code'
	}
};

export async function basemapCollection(db: Queryable, layer: BasemapLayer, cityCode: string): Promise<string> {
	const q = LAYER_SQL[layer];
	const p = new SqlParams();
	const sql = featureCollectionSql({ ...q, where: [`${q.city} = ${p.add(cityCode)}`] });
	const { rows } = await db.query<{ body: string }>(sql, p.values);
	return rows[0].body;
}

export interface CityView {
	code: string;
	name: string;
	centre: [number, number];
	zoom: number;
	/** where the map may be panned: the city's extent */
	extent: [number, number, number, number];
}

/** Where the map opens: the city's centre and default zoom (table `city`). */
export async function cityView(db: Queryable, cityCode: string): Promise<CityView> {
	const { rows } = await db.query<{
		code: string;
		name: string;
		lon: number;
		lat: number;
		zoom: string;
		xmin: number;
		ymin: number;
		xmax: number;
		ymax: number;
	}>(
		`SELECT code, name, ST_X(centre) AS lon, ST_Y(centre) AS lat, default_zoom AS zoom,
		        ST_XMin(extent) AS xmin, ST_YMin(extent) AS ymin, ST_XMax(extent) AS xmax, ST_YMax(extent) AS ymax
		   FROM city WHERE code = $1`,
		[cityCode]
	);
	const c = rows[0];
	return {
		code: c.code,
		name: c.name,
		centre: [Number(c.lon), Number(c.lat)],
		zoom: Number(c.zoom),
		extent: [c.xmin, c.ymin, c.xmax, c.ymax].map(Number) as CityView['extent']
	};
}

export interface DistrictExtent {
	code: string;
	name: string;
	bbox: [number, number, number, number];
}

/** The districts for the district filter, each with the box the map fits to when it is chosen. */
export async function districtExtents(db: Queryable, cityCode: string): Promise<DistrictExtent[]> {
	const { rows } = await db.query<{ code: string; name: string; xmin: number; ymin: number; xmax: number; ymax: number }>(
		`SELECT code, name, ST_XMin(boundary) AS xmin, ST_YMin(boundary) AS ymin, ST_XMax(boundary) AS xmax, ST_YMax(boundary) AS ymax
		   FROM district WHERE city_code = $1 ORDER BY code`,
		[cityCode]
	);
	return rows.map((r) => ({ code: r.code, name: r.name, bbox: [r.xmin, r.ymin, r.xmax, r.ymax].map(Number) as DistrictExtent['bbox'] }));
}

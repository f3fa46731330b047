import proj4 from 'proj4';
import gcoord from 'gcoord';
import { area as turfArea, length as turfLength } from '@turf/turf';
import type { Geometry, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { AREA_M2, LINE_LENGTH_M, MAX_FEATURES_PER_UPLOAD, type InputCrs } from '$lib/domain/work-rules';
import type { Problem } from '$lib/domain/work-checks';

/** A work's shape (DESIGN.md §2): a trench centreline or an excavated area. */
export type WorkGeometry = LineString | MultiLineString | Polygon | MultiPolygon;

/**
 * CGCS2000 3-degree Gauss–Krüger zone on the 117°E central meridian, without the zone number in
 * the false easting (EPSG:4548), as Jiujiang's survey drawings use it. CGCS2000 and WGS84 differ
 * by centimetres, far below a trench's width, so GRS80 stands for both here.
 */
const EPSG_4548 = '+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';

const mapPositions = (g: WorkGeometry, f: (p: Position) => Position): WorkGeometry => {
	switch (g.type) {
		case 'LineString':
			return { type: g.type, coordinates: g.coordinates.map(f) };
		case 'MultiLineString':
		case 'Polygon':
			return { type: g.type, coordinates: g.coordinates.map((l) => l.map(f)) } as WorkGeometry;
		case 'MultiPolygon':
			return { type: g.type, coordinates: g.coordinates.map((p) => p.map((r) => r.map(f))) };
	}
};

/**
 * The shape in WGS84, for the map and the form's own checks. The server transforms the coordinates
 * as they were uploaded (`?crs=`), in PostGIS; this is only the preview of the same transformation.
 */
export function toWgs84(g: WorkGeometry, crs: InputCrs): WorkGeometry {
	if (crs === 'EPSG:4326' || crs === 'EPSG:4490') return g;
	if (crs === 'EPSG:4548') {
		const t = proj4(EPSG_4548, 'EPSG:4326');
		return mapPositions(g, (p) => t.forward([p[0], p[1]]));
	}
	return mapPositions(g, (p) => gcoord.transform([p[0], p[1]], gcoord.GCJ02, gcoord.WGS84) as Position);
}

const isLine = (g: Geometry): g is LineString | MultiLineString => g.type === 'LineString' || g.type === 'MultiLineString';
const isArea = (g: Geometry): g is Polygon | MultiPolygon => g.type === 'Polygon' || g.type === 'MultiPolygon';

/**
 * Several shapes make one work: lines become one MultiLineString (one trench in several runs), areas
 * one MultiPolygon. A trench and an area together are two works, and the user is told so.
 */
export function combine(shapes: Geometry[]): { geometry: WorkGeometry | null; problems: Problem[] } {
	const problems: Problem[] = [];
	shapes.forEach((g, i) => {
		if (!isLine(g) && !isArea(g)) problems.push({ path: 'geometry', key: 'work.error.geometry_type', params: { index: i + 1, type: g?.type ?? '?' } });
	});
	if (problems.length || !shapes.length) return { geometry: null, problems };
	const lines = shapes.filter(isLine);
	const areas = shapes.filter(isArea);
	if (lines.length && areas.length)
		return { geometry: null, problems: [{ path: 'geometry', key: 'register.error.mixed_shapes', params: { lines: lines.length, areas: areas.length } }] };
	if (lines.length === 1) return { geometry: lines[0], problems };
	if (areas.length === 1) return { geometry: areas[0], problems };
	if (lines.length)
		return { geometry: { type: 'MultiLineString', coordinates: lines.flatMap((l) => (l.type === 'LineString' ? [l.coordinates] : l.coordinates)) }, problems };
	return { geometry: { type: 'MultiPolygon', coordinates: areas.flatMap((a) => (a.type === 'Polygon' ? [a.coordinates] : a.coordinates)) }, problems };
}

/**
 * The CRS a GeoJSON file says it is in: the `crs` member of the 2008 GeoJSON format, which RFC 7946
 * dropped but QGIS, ArcGIS and GDAL still write — a named CRS (`urn:ogc:def:crs:EPSG::4548`,
 * `EPSG:4490`, `urn:ogc:def:crs:OGC:1.3:CRS84`, `http://www.opengis.net/def/crs/EPSG/0/4548`) or the
 * older `{"type":"EPSG","properties":{"code":4548}}`. `null` when the file names none; the name as
 * written when it names one the app does not take.
 */
export function declaredCrs(json: unknown): { crs: InputCrs } | { unsupported: string } | null {
	const member = (json as { crs?: { type?: unknown; properties?: { name?: unknown; code?: unknown } } } | null)?.crs;
	if (!member || typeof member !== 'object') return null;
	const written = member.type === 'EPSG' ? `EPSG:${String(member.properties?.code ?? '')}` : String(member.properties?.name ?? '');
	if (!written.trim()) return null;
	const name = written.trim().toUpperCase();
	if (/(^|[:/])CRS84$/.test(name)) return { crs: 'EPSG:4326' };
	const code = /EPSG(?::(?:[\d.]*):|:|\/0\/|\/[\d.]+\/)(\d+)$/.exec(name)?.[1];
	const crs = ({ '4326': 'EPSG:4326', '4490': 'EPSG:4490', '4548': 'EPSG:4548' } as Record<string, InputCrs>)[code ?? ''];
	return crs ? { crs } : { unsupported: written.trim() };
}

export interface ParsedUpload {
	shapes: Geometry[];
	problems: Problem[];
	/** what the file's own `crs` member says (declaredCrs) */
	declared: ReturnType<typeof declaredCrs>;
}

/** The shapes in an uploaded GeoJSON file: a FeatureCollection, one Feature, or a bare geometry. */
export function parseUpload(text: string, fileName = ''): ParsedUpload {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		// the parser's own words are the browser's, in its language and with character offsets: a
		// person needs to know which file and what to do
		return { shapes: [], problems: [{ path: 'geometry', key: 'register.error.upload_not_json', params: { name: fileName } }], declared: null };
	}
	const declared = declaredCrs(json);
	const shapes: Geometry[] = [];
	const collect = (node: unknown): boolean => {
		if (!node || typeof node !== 'object') return false;
		const o = node as { type?: unknown; features?: unknown; geometry?: unknown; geometries?: unknown };
		if (o.type === 'FeatureCollection' && Array.isArray(o.features)) return o.features.every(collect);
		if (o.type === 'Feature') return o.geometry === null || collect(o.geometry);
		if (o.type === 'GeometryCollection' && Array.isArray(o.geometries)) return o.geometries.every(collect);
		if (typeof o.type === 'string' && 'coordinates' in o) {
			shapes.push(o as Geometry);
			return true;
		}
		return false;
	};
	if (!collect(json)) return { shapes: [], problems: [{ path: 'geometry', key: 'register.error.upload_not_geojson' }], declared };
	if (!shapes.length) return { shapes, problems: [{ path: 'geometry', key: 'work.error.features_empty' }], declared };
	if (shapes.length > MAX_FEATURES_PER_UPLOAD)
		return {
			shapes: [],
			problems: [{ path: 'geometry', key: 'work.error.too_many_features', params: { max: MAX_FEATURES_PER_UPLOAD, count: shapes.length } }],
			declared
		};
	return { shapes, problems: [], declared };
}

export interface ShapeMeasure {
	/** trench metres (lines) or 0 */
	length_m: number;
	/** the shortest run of a trench, for "draw two distinct points" */
	shortest_m: number;
	/** excavated area (areas) or 0 */
	area_m2: number;
}

export function measure(g: WorkGeometry): ShapeMeasure {
	if (g.type === 'LineString' || g.type === 'MultiLineString') {
		const runs = g.type === 'LineString' ? [g.coordinates] : g.coordinates;
		const lengths = runs.map((coordinates) =>
			turfLength({ type: 'Feature', geometry: { type: 'LineString', coordinates }, properties: {} }, { units: 'meters' })
		);
		return { length_m: lengths.reduce((a, b) => a + b, 0), shortest_m: Math.min(...lengths), area_m2: 0 };
	}
	return { length_m: 0, shortest_m: 0, area_m2: turfArea(g) };
}

const positions = (g: WorkGeometry): Position[] =>
	g.type === 'LineString' ? g.coordinates : g.type === 'MultiLineString' || g.type === 'Polygon' ? g.coordinates.flat() : g.coordinates.flat(2);

export interface CityBounds {
	name: string;
	extent: [number, number, number, number];
}

/**
 * What the server will say of a shape (src/lib/server/works/validate.ts checkGeometry), said before
 * it is asked: inside the city, not degenerate, not too long or too large. Same keys, same limits;
 * validity (self-intersection) is left to PostGIS.
 */
export function shapeProblems(wgs84: WorkGeometry, city: CityBounds, crs: InputCrs): Problem[] {
	const problems: Problem[] = [];
	const [x0, y0, x1, y1] = city.extent;
	const round = (n: number) => (n < 10 ? n.toFixed(1) : String(Math.round(n)));
	if (!positions(wgs84).every(([x, y]) => Number.isFinite(x) && Number.isFinite(y) && x > x0 && x < x1 && y > y0 && y < y1)) {
		problems.push({
			path: 'geometry',
			key: 'work.error.outside_city',
			params: { city: city.name, extent: city.extent.map((v) => v.toFixed(2)).join(','), crs }
		});
		return problems;
	}
	const m = measure(wgs84);
	if (wgs84.type === 'LineString' || wgs84.type === 'MultiLineString') {
		if (m.shortest_m < LINE_LENGTH_M.min)
			problems.push({ path: 'geometry', key: 'work.error.line_too_short', params: { length: round(m.shortest_m), min: LINE_LENGTH_M.min } });
		if (m.length_m > LINE_LENGTH_M.max)
			problems.push({ path: 'geometry', key: 'work.error.line_too_long', params: { length: round(m.length_m), max: LINE_LENGTH_M.max } });
	} else {
		if (m.area_m2 < AREA_M2.min) problems.push({ path: 'geometry', key: 'work.error.area_too_small', params: { area: round(m.area_m2), min: AREA_M2.min } });
		if (m.area_m2 > AREA_M2.max) problems.push({ path: 'geometry', key: 'work.error.area_too_large', params: { area: round(m.area_m2), max: AREA_M2.max } });
	}
	return problems;
}

/** The parts of a shape as single LineStrings and Polygons, as a drawing tool holds them. */
export function parts(g: WorkGeometry): (LineString | Polygon)[] {
	if (g.type === 'MultiLineString') return g.coordinates.map((coordinates) => ({ type: 'LineString', coordinates }));
	if (g.type === 'MultiPolygon') return g.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
	return [g];
}

/**
 * Deterministic synthetic excavation works for the benchmarks: no clock, no network, a seeded PRNG.
 *
 * A city area is about 10 × 10 km around the real centre of one of Jiangxi's 11 prefecture-level
 * cities. Its streets are a slightly rotated, jittered grid (a branch street every ~200 m, a main
 * street every fourth line). Works follow the streets: each utility keeps to its own strip of the
 * carriageway (water north/east of the centreline, gas south/west, …), so works on one street are
 * within a few metres of each other, as in reality, and works on opposite sides of a main street
 * are not. Works crowd towards the old town in the middle. Dates run 2019–2027.
 *
 * Geometry is built in a local plane in metres around the city centre and converted to WGS84 with
 * the ellipsoid's metres per degree at that latitude (under 0.1 % scale error over 5 km).
 */
import type { OrganisationKind, Utility, WorkKind, WorkStatus } from '../src/lib/domain/codes';
import { Rng } from '../data/random';

/** Bump when the generator's output changes, so cached benchmark databases are reloaded. */
export const GENERATOR_VERSION = 1;
export const SEED = 0xd16;
/** The day the data pretends it is: statuses are consistent with it (not the day of the run). */
export const DATA_TODAY = '2026-06-30';

// ---------------------------------------------------------------------------------------------
// Cities
// ---------------------------------------------------------------------------------------------

export interface CityArea {
	code: string;
	name: string;
	nameEn: string;
	/** CGCS2000 3-degree Gauss-Kruger zone whose central meridian is nearest the city */
	metricSrid: number;
	lon: number;
	lat: number;
	/** share of the province's works */
	weight: number;
	/** organisation id prefix */
	prefix: string;
}

/**
 * Jiangxi's 11 prefecture-level cities, centres rounded from public gazetteers. Zones: CM 114°E
 * (EPSG:4547) covers 112.5–115.5°E, CM 117°E (EPSG:4548) 115.5–118.5°E.
 */
export const JIANGXI: readonly CityArea[] = [
	{ code: '360100', name: '南昌市', nameEn: 'Nanchang', metricSrid: 4548, lon: 115.858, lat: 28.683, weight: 1.6, prefix: 'nc' },
	{ code: '360200', name: '景德镇市', nameEn: 'Jingdezhen', metricSrid: 4548, lon: 117.178, lat: 29.269, weight: 0.8, prefix: 'jdz' },
	{ code: '360300', name: '萍乡市', nameEn: 'Pingxiang', metricSrid: 4547, lon: 113.854, lat: 27.623, weight: 0.8, prefix: 'px' },
	{ code: '360400', name: '九江市', nameEn: 'Jiujiang', metricSrid: 4548, lon: 115.995, lat: 29.712, weight: 1.2, prefix: 'jj' },
	{ code: '360500', name: '新余市', nameEn: 'Xinyu', metricSrid: 4547, lon: 114.917, lat: 27.818, weight: 0.7, prefix: 'xy' },
	{ code: '360600', name: '鹰潭市', nameEn: 'Yingtan', metricSrid: 4548, lon: 117.069, lat: 28.26, weight: 0.6, prefix: 'yt' },
	{ code: '360700', name: '赣州市', nameEn: 'Ganzhou', metricSrid: 4547, lon: 114.935, lat: 25.831, weight: 1.3, prefix: 'gz' },
	{ code: '360800', name: '吉安市', nameEn: "Ji'an", metricSrid: 4547, lon: 114.993, lat: 27.114, weight: 0.9, prefix: 'ja' },
	{ code: '360900', name: '宜春市', nameEn: 'Yichun', metricSrid: 4547, lon: 114.417, lat: 27.816, weight: 0.9, prefix: 'yc' },
	{ code: '361000', name: '抚州市', nameEn: 'Fuzhou', metricSrid: 4548, lon: 116.358, lat: 27.948, weight: 0.9, prefix: 'fz' },
	{ code: '361100', name: '上饶市', nameEn: 'Shangrao', metricSrid: 4548, lon: 117.943, lat: 28.455, weight: 1.0, prefix: 'sr' }
];

export const JIUJIANG = JIANGXI.find((c) => c.code === '360400')!;

/** Half the side of a city area, in metres. */
export const HALF_SIDE_M = 5000;
const GRID_M = 200;
const LINES = Math.round((2 * HALF_SIDE_M) / GRID_M) + 1;

// ---------------------------------------------------------------------------------------------
// Geometry in a local plane (metres), converted to WGS84
// ---------------------------------------------------------------------------------------------

export type XY = [number, number];
export type Geometry =
	| { type: 'LineString'; coordinates: number[][] }
	| { type: 'MultiLineString'; coordinates: number[][][] }
	| { type: 'Polygon'; coordinates: number[][][] }
	| { type: 'MultiPolygon'; coordinates: number[][][][] };

/** Metres per degree of latitude and longitude on the WGS84 ellipsoid at `lat`. */
function metresPerDegree(lat: number): { kx: number; ky: number } {
	const φ = (lat * Math.PI) / 180;
	return {
		ky: 111132.954 - 559.822 * Math.cos(2 * φ) + 1.175 * Math.cos(4 * φ),
		kx: 111412.84 * Math.cos(φ) - 93.5 * Math.cos(3 * φ)
	};
}

const round7 = (v: number) => Math.round(v * 1e7) / 1e7;

/** The local plane of one city area: x east, y north, the grid turned by `angle`. */
export class Plane {
	private readonly kx: number;
	private readonly ky: number;
	private readonly cos: number;
	private readonly sin: number;
	constructor(
		readonly city: CityArea,
		angleDeg: number
	) {
		({ kx: this.kx, ky: this.ky } = metresPerDegree(city.lat));
		this.cos = Math.cos((angleDeg * Math.PI) / 180);
		this.sin = Math.sin((angleDeg * Math.PI) / 180);
	}
	/** grid coordinates (u along the east-west streets, v along the north-south ones) to lon/lat */
	lonLat([u, v]: XY): number[] {
		const x = u * this.cos - v * this.sin;
		const y = u * this.sin + v * this.cos;
		return [round7(this.city.lon + x / this.kx), round7(this.city.lat + y / this.ky)];
	}
	line(points: XY[]): number[][] {
		return points.map((p) => this.lonLat(p));
	}
	/** an axis-aligned rectangle in grid coordinates, counter-clockwise, closed */
	rectangle(u0: number, v0: number, u1: number, v1: number): number[][][] {
		const ring: XY[] = [
			[u0, v0],
			[u1, v0],
			[u1, v1],
			[u0, v1],
			[u0, v0]
		];
		return [this.line(ring)];
	}
	/** the area's bounding box in lon/lat, grown by `marginM` */
	extent(marginM: number): number[][][] {
		const r = HALF_SIDE_M + marginM;
		const corners = [this.lonLat([-r, -r]), this.lonLat([r, -r]), this.lonLat([r, r]), this.lonLat([-r, r])];
		const lons = corners.map((c) => c[0]);
		const lats = corners.map((c) => c[1]);
		const [w, e, s, n] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
		return [
			[
				[w, s],
				[e, s],
				[e, n],
				[w, n],
				[w, s]
			]
		];
	}
}

// ---------------------------------------------------------------------------------------------
// Street grid
// ---------------------------------------------------------------------------------------------

export interface StreetGrid {
	plane: Plane;
	/** positions of the north-south streets along u, and of the east-west streets along v */
	us: number[];
	vs: number[];
	/** carriageway width of the i-th street in each direction */
	uWidth: number[];
	vWidth: number[];
}

export function streetGrid(city: CityArea): StreetGrid {
	const rng = new Rng(SEED ^ Number(city.code));
	const plane = new Plane(city, rng.float(-20, 20));
	const positions = () => Array.from({ length: LINES }, (_, i) => -HALF_SIDE_M + i * GRID_M + (i % 4 === 0 ? 0 : rng.float(-30, 30)));
	const widths = () => Array.from({ length: LINES }, (_, i) => (i % 4 === 0 ? rng.float(26, 36) : rng.float(10, 18)));
	return { plane, us: positions(), vs: positions(), uWidth: widths(), vWidth: widths() };
}

// ---------------------------------------------------------------------------------------------
// Organisations
// ---------------------------------------------------------------------------------------------

export interface SyntheticOrganisation {
	id: string;
	cityCode: string;
	name: string;
	shortName: string;
	kind: OrganisationKind;
}

const ORG_TEMPLATES: readonly { suffix: string; kind: OrganisationKind; name: string; short: string }[] = [
	{ suffix: 'urban-management', kind: 'urban_management', name: '城市管理局', short: '城管' },
	{ suffix: 'municipal', kind: 'municipal', name: '市政工程管理处', short: '市政' },
	{ suffix: 'drainage', kind: 'drainage', name: '城市水环境公司', short: '水环境' },
	{ suffix: 'water', kind: 'water', name: '自来水公司', short: '自来水' },
	{ suffix: 'power', kind: 'power', name: '供电公司', short: '供电' },
	{ suffix: 'gas', kind: 'gas', name: '燃气公司', short: '燃气' },
	{ suffix: 'telecom', kind: 'telecom', name: '电信分公司', short: '电信' },
	{ suffix: 'mobile', kind: 'telecom', name: '移动分公司', short: '移动' },
	{ suffix: 'unicom', kind: 'telecom', name: '联通分公司', short: '联通' },
	{ suffix: 'housing', kind: 'housing', name: '住房和城乡建设局', short: '住建局' }
];

export const organisations = (city: CityArea): SyntheticOrganisation[] =>
	ORG_TEMPLATES.map((t) => ({
		id: `bench-${city.prefix}-${t.suffix}`,
		cityCode: city.code,
		name: `${city.name}${t.name}（基准测试）`,
		shortName: `${city.name.replace('市', '')}${t.short}`,
		kind: t.kind
	}));

const orgId = (city: CityArea, suffix: string) => `bench-${city.prefix}-${suffix}`;

/** Who digs for a network: mostly its own company, sometimes the municipal or housing departments. */
const DIGGERS: Record<Utility, readonly (readonly [string, number])[]> = {
	water: [
		['water', 85],
		['municipal', 10],
		['housing', 5]
	],
	rain: [
		['drainage', 75],
		['municipal', 10],
		['urban-management', 10],
		['housing', 5]
	],
	sewage: [
		['drainage', 75],
		['municipal', 10],
		['urban-management', 10],
		['housing', 5]
	],
	gas: [
		['gas', 92],
		['housing', 8]
	],
	power: [
		['power', 95],
		['housing', 5]
	],
	lighting: [
		['urban-management', 50],
		['power', 30],
		['municipal', 20]
	],
	telecom: [
		['telecom', 34],
		['mobile', 33],
		['unicom', 33]
	],
	road: [
		['municipal', 50],
		['urban-management', 50]
	]
};

// ---------------------------------------------------------------------------------------------
// Works
// ---------------------------------------------------------------------------------------------

export interface SyntheticWork {
	id: number;
	city_code: string;
	organisation_id: string;
	utility: Utility;
	kind: WorkKind;
	geom: Geometry;
	width_m: number;
	depth_m: number;
	start_date: string;
	end_date: string;
	status: WorkStatus;
	emergency: boolean;
}

const KINDS: readonly (readonly [WorkKind, number])[] = [
	['new_pipe', 15],
	['replacement', 15],
	['rain_sewage_separation', 10],
	['cable_undergrounding', 12],
	['gas_to_homes', 8],
	['fibre_to_homes', 10],
	['road_reconstruction', 4],
	['road_major_repair', 6],
	['emergency_repair', 5]
];

const UTILITIES_OF_KIND: Record<WorkKind, readonly Utility[]> = {
	new_pipe: ['water', 'rain', 'sewage', 'gas', 'power', 'telecom'],
	replacement: ['water', 'rain', 'sewage', 'gas', 'power', 'telecom', 'lighting'],
	rain_sewage_separation: ['rain', 'sewage'],
	cable_undergrounding: ['power', 'telecom', 'lighting'],
	gas_to_homes: ['gas'],
	fibre_to_homes: ['telecom'],
	road_reconstruction: ['road'],
	road_major_repair: ['road'],
	emergency_repair: ['water', 'gas', 'power', 'sewage', 'telecom']
};

/** Each network's strip of the carriageway, as a share of the half-width (+ north/east). */
const LANE: Record<Utility, number> = { water: 0.45, gas: -0.45, power: 0.75, telecom: -0.75, lighting: 0.9, rain: 0.15, sewage: -0.15, road: 0 };

const TRENCH_WIDTH_M: Record<Utility, [number, number]> = {
	water: [0.8, 1.5],
	rain: [1.5, 3],
	sewage: [1.5, 3],
	gas: [0.6, 1],
	power: [0.8, 1.5],
	telecom: [0.4, 0.8],
	lighting: [0.4, 0.6],
	road: [0, 0]
};
const DEPTH_M: Record<Utility, [number, number]> = {
	water: [1, 1.8],
	rain: [2, 4],
	sewage: [2, 4],
	gas: [1, 1.6],
	power: [0.7, 1.2],
	telecom: [0.6, 1],
	lighting: [0.6, 0.9],
	road: [0.4, 0.8]
};
/** Days a window lasts, per kind (within the product's limits in work-rules.ts). */
const DURATION_DAYS: Record<WorkKind, [number, number]> = {
	new_pipe: [14, 120],
	replacement: [14, 120],
	rain_sewage_separation: [30, 300],
	cable_undergrounding: [20, 150],
	gas_to_homes: [7, 60],
	fibre_to_homes: [3, 30],
	road_reconstruction: [60, 365],
	road_major_repair: [20, 120],
	emergency_repair: [1, 7]
};
/** Trench length in metres, per kind. */
const LENGTH_M: Record<WorkKind, [number, number]> = {
	new_pipe: [60, 600],
	replacement: [40, 500],
	rain_sewage_separation: [150, 900],
	cable_undergrounding: [100, 800],
	gas_to_homes: [30, 150],
	fibre_to_homes: [30, 200],
	road_reconstruction: [300, 1500],
	road_major_repair: [80, 400],
	emergency_repair: [5, 30]
};

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoDay = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
const FIRST_DAY = dayNumber('2019-01-01');
const LAST_START = dayNumber('2027-09-30');
const TODAY = dayNumber(DATA_TODAY);

const round2 = (v: number) => Math.round(v * 100) / 100;
const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/** An index into the grid lines, crowding towards the middle (the old town). */
const centralLine = (rng: Rng) => clamp(Math.round(rng.normal((LINES - 1) / 2, LINES / 5)), 0, LINES - 1);

/** `stored` works include cancelled ones; `check` candidates never are. */
export interface WorkStream {
	purpose: 'stored' | 'check';
}

/**
 * `count` works in one city area, ids from `firstId`. The same (city, seed, count) always gives the
 * same works; `seed` separates independent streams (stored works, check candidates).
 */
export function cityWorks(
	city: CityArea,
	grid: StreetGrid,
	count: number,
	firstId: number,
	seed: number,
	stream: WorkStream = { purpose: 'stored' }
): SyntheticWork[] {
	const rng = new Rng(seed);
	const { plane } = grid;
	const works: SyntheticWork[] = [];
	for (let i = 0; i < count; i++) {
		const kind = rng.weighted(KINDS);
		const utility = rng.pick(UTILITIES_OF_KIND[kind]);
		const organisation = orgId(city, rng.weighted(DIGGERS[utility]));
		const emergency = kind === 'emergency_repair';

		// a street, a strip of it, and a stretch along it
		const northSouth = rng.chance(0.5);
		const line = centralLine(rng);
		const axis = northSouth ? grid.us[line] : grid.vs[line];
		const street = northSouth ? grid.uWidth[line] : grid.vWidth[line];
		const cross = northSouth ? grid.vs : grid.us;
		const crossWidth = northSouth ? grid.vWidth : grid.uWidth;
		const road = utility === 'road';
		const lateral = road ? 0 : LANE[utility] * (street / 2) * (rng.chance(0.8) ? 1 : -1) + rng.float(-1, 1);
		const [lenMin, lenMax] = LENGTH_M[kind];
		const length = Math.exp(rng.float(Math.log(lenMin), Math.log(lenMax)));
		const along = clamp(rng.normal(0, HALF_SIDE_M / 2), -HALF_SIDE_M, HALF_SIDE_M - length);
		/** (along the street, across it) → grid (u, v) */
		const at = (s: number, t: number): XY => (northSouth ? [axis + t, s] : [s, axis + t]);

		let geom: Geometry;
		let width = road ? round2(Math.min(street, 20)) : round2(rng.float(...TRENCH_WIDTH_M[utility]));
		const polygon =
			(kind === 'emergency_repair' && rng.chance(0.4)) || (kind === 'road_major_repair' && rng.chance(0.35)) || (kind === 'new_pipe' && rng.chance(0.05));
		if (polygon) {
			// an excavated area: a pit, a stretch of carriageway, or a courtyard beside the street
			const long = kind === 'emergency_repair' ? rng.float(3, 6) : kind === 'road_major_repair' ? length : rng.float(20, 60);
			const wide = kind === 'emergency_repair' ? rng.float(2, 4) : kind === 'road_major_repair' ? Math.min(street, 20) : rng.float(15, 40);
			const centre = kind === 'new_pipe' ? lateral + Math.sign(lateral || 1) * (street / 2 + wide / 2) : lateral;
			const [u0, v0] = at(along, centre - wide / 2);
			const [u1, v1] = at(along + long, centre + wide / 2);
			geom = { type: 'Polygon', coordinates: plane.rectangle(Math.min(u0, u1), Math.min(v0, v1), Math.max(u0, u1), Math.max(v0, v1)) };
			width = 1;
		} else if (!road && length > 120 && rng.chance(0.15)) {
			// an L: along the street to a crossing, then round the corner
			const k = cross.findIndex((c) => c > along + length / 2);
			const corner = k > 0 ? cross[k] : cross[Math.floor(LINES / 2)];
			const turn = (rng.chance(0.5) ? 1 : -1) * rng.float(40, 200);
			const crossLateral = LANE[utility] * (crossWidth[Math.max(k, 0)] / 2);
			const points: XY[] = [at(Math.min(along, corner - 20), lateral), at(corner + crossLateral, lateral), at(corner + crossLateral, lateral + turn)];
			geom = { type: 'LineString', coordinates: plane.line(points) };
		} else if (!road && rng.chance(0.03)) {
			// both sides of a block: two stretches on neighbouring streets
			const next = clamp(line + (rng.chance(0.5) ? 1 : -1), 0, LINES - 1);
			const axis2 = northSouth ? grid.us[next] : grid.vs[next];
			const at2 = (s: number, t: number): XY => (northSouth ? [axis2 + t, s] : [s, axis2 + t]);
			geom = {
				type: 'MultiLineString',
				coordinates: [plane.line([at(along, lateral), at(along + length / 2, lateral)]), plane.line([at2(along, lateral), at2(along + length / 2, lateral)])]
			};
		} else {
			geom = { type: 'LineString', coordinates: plane.line([at(along, lateral), at(along + length, lateral)]) };
		}

		const [dMin, dMax] = DURATION_DAYS[kind];
		const start = rng.int(FIRST_DAY, LAST_START);
		const end = start + rng.int(dMin, dMax) - 1;
		let status: WorkStatus;
		if (stream.purpose === 'stored' && rng.chance(0.05)) status = 'cancelled';
		else if (rng.chance(0.02)) status = 'draft';
		else if (end < TODAY) status = rng.chance(0.8) ? 'restored' : 'backfilled';
		else if (start <= TODAY) status = 'in_progress';
		else status = rng.chance(0.6) ? 'submitted' : 'approved';
		const [pMin, pMax] = DEPTH_M[utility];

		works.push({
			id: firstId + i,
			city_code: city.code,
			organisation_id: organisation,
			utility,
			kind,
			geom,
			width_m: Math.max(width, 0.1),
			depth_m: round2(rng.float(pMin, pMax)),
			start_date: isoDay(start),
			end_date: isoDay(end),
			status,
			emergency
		});
	}
	return works;
}

// ---------------------------------------------------------------------------------------------
// Areas: neighbourhoods and historic districts
// ---------------------------------------------------------------------------------------------

export interface SyntheticNeighbourhood {
	id: string;
	cityCode: string;
	name: string;
	boundary: Geometry;
	builtYear: number;
	buildings: number;
	households: number;
	batchYear: number;
	status: 'planned' | 'approved' | 'under_construction' | 'completed' | 'accepted';
	renovationStart: string;
	renovationEnd: string;
}

export interface SyntheticHistoricDistrict {
	id: string;
	cityCode: string;
	name: string;
	boundary: Geometry;
}

/** 40 old neighbourhoods (one to four blocks, streets inside them included) and 2 historic districts per city. */
export function cityAreas(city: CityArea, grid: StreetGrid): { neighbourhoods: SyntheticNeighbourhood[]; historicDistricts: SyntheticHistoricDistrict[] } {
	const rng = new Rng(SEED ^ (Number(city.code) * 7));
	const { plane } = grid;
	const neighbourhoods: SyntheticNeighbourhood[] = [];
	const used = new Set<string>();
	while (neighbourhoods.length < 40) {
		const i = clamp(centralLine(rng), 1, LINES - 4);
		const j = clamp(centralLine(rng), 1, LINES - 4);
		const key = `${i},${j}`;
		if (used.has(key)) continue;
		used.add(key);
		const blocksU = rng.int(1, 2);
		const blocksV = rng.int(1, 2);
		const u0 = grid.us[i] + 5;
		const v0 = grid.vs[j] + 5;
		const u1 = grid.us[i + blocksU] - 5;
		const v1 = grid.vs[j + blocksV] - 5;
		const batchYear = rng.int(2019, 2027);
		const start = dayNumber(`${batchYear}-03-01`) + rng.int(0, 120);
		const end = start + rng.int(120, 420);
		const status =
			end < TODAY ? rng.pick(['completed', 'accepted'] as const) : start <= TODAY ? 'under_construction' : rng.pick(['planned', 'approved'] as const);
		const n = neighbourhoods.length + 1;
		neighbourhoods.push({
			id: `bench-${city.prefix}-nb-${n}`,
			cityCode: city.code,
			name: `${city.name}基准小区${n}`,
			boundary: { type: 'MultiPolygon', coordinates: [plane.rectangle(u0, v0, u1, v1)] },
			builtYear: rng.int(1975, 2000),
			buildings: rng.int(3, 40),
			households: rng.int(80, 1500),
			batchYear,
			status,
			renovationStart: isoDay(start),
			renovationEnd: isoDay(end)
		});
	}
	const historicDistricts = [0, 1].map((k) => {
		const i = Math.floor(LINES / 2) + (k === 0 ? -3 : 2);
		const j = Math.floor(LINES / 2) + (k === 0 ? 1 : -3);
		return {
			id: `bench-${city.prefix}-hd-${k + 1}`,
			cityCode: city.code,
			name: `${city.name}基准历史文化街区${k + 1}`,
			boundary: { type: 'MultiPolygon' as const, coordinates: [plane.rectangle(grid.us[i] - 20, grid.vs[j] - 20, grid.us[i + 2] + 20, grid.vs[j + 2] + 20)] }
		};
	});
	return { neighbourhoods, historicDistricts };
}

// ---------------------------------------------------------------------------------------------
// Data sets
// ---------------------------------------------------------------------------------------------

export type DatasetName = 'province' | 'dense';

export interface Dataset {
	name: DatasetName;
	n: number;
	key: string;
	cities: CityArea[];
	organisations: SyntheticOrganisation[];
	neighbourhoods: SyntheticNeighbourhood[];
	historicDistricts: SyntheticHistoricDistrict[];
	works: SyntheticWork[];
	/** Jiujiang's grid: the checks are drawn on it */
	grids: Map<string, StreetGrid>;
}

/** Splits `n` over the cities by weight (largest remainders), so the parts add up to `n`. */
function apportion(n: number, cities: readonly CityArea[]): number[] {
	const total = cities.reduce((s, c) => s + c.weight, 0);
	const exact = cities.map((c) => (n * c.weight) / total);
	const parts = exact.map(Math.floor);
	const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
	const missing = n - parts.reduce((s, p) => s + p, 0);
	for (let k = 0; k < missing; k++) parts[order[k][1]] += 1;
	return parts;
}

/**
 * `province`: n works over Jiangxi's 11 cities (by weight); `dense`: n works in Jiujiang alone.
 * Work ids run 1..n in generation order.
 */
export function dataset(name: DatasetName, n: number): Dataset {
	const cities = name === 'province' ? [...JIANGXI] : [JIUJIANG];
	const counts = name === 'province' ? apportion(n, cities) : [n];
	const grids = new Map<string, StreetGrid>();
	const out: Dataset = { name, n, key: `${name}-${n}`, cities, organisations: [], neighbourhoods: [], historicDistricts: [], works: [], grids };
	let nextId = 1;
	cities.forEach((city, k) => {
		const grid = streetGrid(city);
		grids.set(city.code, grid);
		out.organisations.push(...organisations(city));
		const areas = cityAreas(city, grid);
		out.neighbourhoods.push(...areas.neighbourhoods);
		out.historicDistricts.push(...areas.historicDistricts);
		out.works.push(...cityWorks(city, grid, counts[k], nextId, SEED * 31 + Number(city.code)));
		nextId += counts[k];
	});
	return out;
}

/**
 * `count` candidate works for checks in Jiujiang, independent of the stored ones. Emergency repairs
 * become ordinary replacements: an emergency may only be registered from yesterday on, which would tie
 * the candidates to the day of the run.
 */
export function checkCandidates(count: number): SyntheticWork[] {
	const grid = streetGrid(JIUJIANG);
	return cityWorks(JIUJIANG, grid, count, 0, SEED * 97 + 1, { purpose: 'check' }).map((w) => ({
		...w,
		kind: w.kind === 'emergency_repair' ? 'replacement' : w.kind,
		emergency: false,
		status: 'submitted'
	}));
}

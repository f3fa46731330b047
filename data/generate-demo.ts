/**
 * Deterministic generator of the digonce demo data set for Jiujiang (九江, 360400).
 *
 *   npx tsx data/generate-demo.ts        (or: npm run data:demo)
 *
 * Everything written to data/demo/ is SYNTHETIC: no openly licensed street, building or boundary data
 * exists for Jiujiang, so the admin areas are hand-drawn schematic shapes, the street network is a
 * warped grid, and neighbourhoods and works are placed on it. Real names and a few real figures come
 * from public news (see data/README.md). The script reads nothing outside this repository, uses a
 * seeded PRNG and a fixed "demo today", so two runs give byte-identical files.
 *
 * Geometry is built in a local plane in metres (x east, y north, origin 116.00°E 29.70°N; an
 * equirectangular projection, under 0.1 % scale error over the demo area) and converted to WGS84
 * lon/lat rounded to 6 decimals on output.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng } from './random';

// ---------------------------------------------------------------------------------------------
// Fixed parameters
// ---------------------------------------------------------------------------------------------

const SEED = 0x9d0ce; // "digonce"
/** The date the demo pretends it is: statuses of works and neighbourhoods are consistent with it. */
const DEMO_TODAY = '2026-12-01';

/** DEMO_OUT_DIR lets data/check-demo.ts regenerate into a scratch folder and compare bytes. */
const OUT_DIR = process.env.DEMO_OUT_DIR || join(dirname(fileURLToPath(import.meta.url)), 'demo');

const LON0 = 116.0;
const LAT0 = 29.7;
/** metres per degree of longitude / latitude at 29.70°N (WGS84 ellipsoid) */
const KX = 96696;
const KY = 110847;

/** Operational layers (streets, neighbourhoods, works, historic districts) stay inside this box. */
const EXTENT = { west: 115.931, south: 29.6555, east: 116.069, north: 29.759 };

// ---------------------------------------------------------------------------------------------
// Small utilities
// ---------------------------------------------------------------------------------------------

type XY = [number, number];
type LonLat = [number, number];

/** Independent streams so that a change in one part does not reshuffle the others. */
const rngNet = new Rng(SEED);
const rngNb = new Rng(SEED + 1);
const rngWork = new Rng(SEED + 2);
const rngPeople = new Rng(SEED + 3);

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
const toXY = ([lon, lat]: LonLat): XY => [(lon - LON0) * KX, (lat - LAT0) * KY];
const toLonLat = ([x, y]: XY): LonLat => [round6(LON0 + x / KX), round6(LAT0 + y / KY)];

// dates as day numbers since 1970-01-01 (UTC); no clock is read
const DAY = 86400000;
const day = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;
const iso = (d: number) => new Date(d * DAY).toISOString().slice(0, 10);
const TODAY = day(DEMO_TODAY);
const YEAR = 365.25;

// ---------------------------------------------------------------------------------------------
// Planar geometry (metres)
// ---------------------------------------------------------------------------------------------

const dist = (a: XY, b: XY) => Math.hypot(a[0] - b[0], a[1] - b[1]);

function pointSegDist(p: XY, a: XY, b: XY): number {
	const dx = b[0] - a[0];
	const dy = b[1] - a[1];
	const l2 = dx * dx + dy * dy;
	let t = l2 === 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2;
	t = Math.max(0, Math.min(1, t));
	return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** Parameters (t on a-b, u on c-d) where two segments cross, or null. */
function segCross(a: XY, b: XY, c: XY, d: XY): [number, number] | null {
	const r = [b[0] - a[0], b[1] - a[1]];
	const s = [d[0] - c[0], d[1] - c[1]];
	const den = r[0] * s[1] - r[1] * s[0];
	if (Math.abs(den) < 1e-12) return null;
	const qp = [c[0] - a[0], c[1] - a[1]];
	const t = (qp[0] * s[1] - qp[1] * s[0]) / den;
	const u = (qp[0] * r[1] - qp[1] * r[0]) / den;
	if (t < 0 || t > 1 || u < 0 || u > 1) return null;
	return [t, u];
}

type BBox = [number, number, number, number];
function bboxOf(pts: XY[], pad = 0): BBox {
	let b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
	for (const [x, y] of pts) b = [Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)];
	return [b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad];
}
const bboxMeet = (a: BBox, b: BBox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** Minimum distance between two polylines (0 when they cross). */
function polylineDist(p: XY[], q: XY[]): number {
	let best = Infinity;
	for (let i = 0; i + 1 < p.length; i++) {
		for (let j = 0; j + 1 < q.length; j++) {
			if (segCross(p[i], p[i + 1], q[j], q[j + 1])) return 0;
		}
	}
	for (const v of p) for (let j = 0; j + 1 < q.length; j++) best = Math.min(best, pointSegDist(v, q[j], q[j + 1]));
	for (const v of q) for (let i = 0; i + 1 < p.length; i++) best = Math.min(best, pointSegDist(v, p[i], p[i + 1]));
	if (p.length === 1 && q.length === 1) best = dist(p[0], q[0]);
	return best;
}

function pointInRing(p: XY, ring: XY[]): boolean {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i];
		const [xj, yj] = ring[j];
		if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

function ringArea(ring: XY[]): number {
	let a = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
	return a / 2; // > 0 for counter-clockwise
}

/** A geometry (polyline or closed ring) touches a polygon ring: crosses its edge or lies inside. */
function touchesPolygon(g: XY[], ring: XY[], closedG: boolean): boolean {
	const gr = closedG ? [...g, g[0]] : g;
	if (polylineDist(gr, [...ring, ring[0]]) === 0) return true;
	if (pointInRing(gr[0], ring)) return true;
	if (closedG && pointInRing(ring[0], gr)) return true;
	return false;
}

function lineLength(p: XY[]): number {
	let l = 0;
	for (let i = 1; i < p.length; i++) l += dist(p[i - 1], p[i]);
	return l;
}

function cumulative(p: XY[]): number[] {
	const c = [0];
	for (let i = 1; i < p.length; i++) c.push(c[i - 1] + dist(p[i - 1], p[i]));
	return c;
}

function pointAt(p: XY[], cum: number[], s: number): XY {
	if (s <= 0) return p[0];
	for (let i = 1; i < p.length; i++) {
		if (cum[i] >= s) {
			const t = (s - cum[i - 1]) / (cum[i] - cum[i - 1] || 1);
			return [p[i - 1][0] + t * (p[i][0] - p[i - 1][0]), p[i - 1][1] + t * (p[i][1] - p[i - 1][1])];
		}
	}
	return p[p.length - 1];
}

/** Unit left-hand normal of the polyline at arc length s. */
function normalAt(p: XY[], cum: number[], s: number): XY {
	const a = pointAt(p, cum, Math.max(0, s - 5));
	const b = pointAt(p, cum, Math.min(cum[cum.length - 1], s + 5));
	const l = dist(a, b) || 1;
	return [-(b[1] - a[1]) / l, (b[0] - a[0]) / l];
}

/** The part of a polyline between arc lengths s0 < s1, resampled every `step` m and shifted `offset` m to the left. */
function subLine(p: XY[], cum: number[], s0: number, s1: number, offset = 0, step = 25): XY[] {
	const n = Math.max(1, Math.ceil((s1 - s0) / step));
	const out: XY[] = [];
	for (let i = 0; i <= n; i++) {
		const s = s0 + ((s1 - s0) * i) / n;
		const q = pointAt(p, cum, s);
		const nn = normalAt(p, cum, s);
		out.push([q[0] + offset * nn[0], q[1] + offset * nn[1]]);
	}
	return out;
}

// ---------------------------------------------------------------------------------------------
// Schematic geography (hand-drawn; NOT traced from any boundary data set)
// ---------------------------------------------------------------------------------------------

/** Yangtze south bank (schematic); the water lies north of it. */
const BANK: LonLat[] = [
	[115.92, 29.713],
	[115.945, 29.718],
	[115.96, 29.7215],
	[115.975, 29.7275],
	[115.99, 29.7345],
	[116.005, 29.7405],
	[116.02, 29.7465],
	[116.035, 29.7515],
	[116.05, 29.7545],
	[116.08, 29.7555]
];
const BANK_XY = BANK.map(toXY);
function bankY(x: number): number {
	const b = BANK_XY;
	if (x <= b[0][0]) return b[0][1];
	for (let i = 1; i < b.length; i++) {
		if (x <= b[i][0]) return b[i - 1][1] + ((x - b[i - 1][0]) / (b[i][0] - b[i - 1][0])) * (b[i][1] - b[i - 1][1]);
	}
	return b[b.length - 1][1];
}

interface Lake {
	name: string;
	centre: XY;
	/** semi-axes in metres (east-west, north-south) */
	a: number;
	b: number;
}
const LAKES: Lake[] = [
	// ~0.8 km² (九江年鉴2014), centre per the reference estimate
	{ name: '甘棠湖', centre: toXY([115.99, 29.714]), a: 425, b: 600 },
	// south-east of 甘棠湖, across 李公堤
	{ name: '南门湖', centre: toXY([115.998, 29.7015]), a: 625, b: 500 },
	// rough position only: the demo keeps its streets out of it
	{ name: '八里湖', centre: toXY([115.942, 29.69]), a: 970, b: 890 }
];
/** a slightly irregular shore: the radius factor at parametric angle t */
const shore = (lake: Lake, t: number) => 1 + 0.04 * Math.sin(3 * t + lake.a) + 0.03 * Math.cos(5 * t + lake.b);
/** > 1 outside the lake grown by `margin` metres */
function lakeRatio(p: XY, lake: Lake, margin: number): number {
	const ux = (p[0] - lake.centre[0]) / lake.a;
	const uy = (p[1] - lake.centre[1]) / lake.b;
	const k = shore(lake, Math.atan2(uy, ux));
	const dx = (p[0] - lake.centre[0]) / (lake.a * k + margin);
	const dy = (p[1] - lake.centre[1]) / (lake.b * k + margin);
	return dx * dx + dy * dy;
}
function lakeRing(lake: Lake, n = 48): XY[] {
	const r: XY[] = [];
	for (let i = 0; i < n; i++) {
		const t = (2 * Math.PI * i) / n;
		const k = shore(lake, t);
		r.push([lake.centre[0] + lake.a * k * Math.cos(t), lake.centre[1] + lake.b * k * Math.sin(t)]);
	}
	return r;
}

// --- admin areas: shared vertices so that neighbours tile without gaps or overlaps ---
const V: Record<string, LonLat> = {
	V0: [115.933, 29.723],
	V1: [115.952, 29.7262],
	V2: [115.96, 29.7275],
	V3: [115.976, 29.734],
	V4: [115.995, 29.7425],
	V5: [116.015, 29.7515],
	V6: [116.0455, 29.765],
	V7: [116.075, 29.7635],
	V8: [116.076, 29.734],
	V9: [116.0455, 29.731],
	V10: [116.03, 29.73],
	V11: [116.015, 29.7225],
	V12: [116.0, 29.707],
	V13: [115.984, 29.695],
	V14: [115.976, 29.689],
	V15: [115.964, 29.68],
	V16: [115.954, 29.695],
	V17: [115.952, 29.7],
	V18: [115.94, 29.711],
	I1: [115.952, 29.703],
	I2: [115.976, 29.703],
	I3: [115.976, 29.7225],
	I4: [115.995, 29.7225],
	// 濂溪区 beyond the urban area
	R2: [116.12, 29.765],
	R3: [116.17, 29.756],
	R4: [116.215, 29.742],
	R5: [116.2, 29.69],
	R6: [116.165, 29.625],
	R7: [116.11, 29.585],
	R8: [116.06, 29.59],
	R9: [116.03, 29.638],
	R10: [115.975, 29.636],
	R11: [115.945, 29.575],
	R12: [115.9, 29.53],
	R13: [115.872, 29.555],
	// 濂溪区 / 柴桑区: schematic, pulled east along 长江大道 so that 柴桑区 reaches the demo area
	R14: [115.905, 29.61],
	R15: [115.925, 29.64],
	R16: [115.94209, 29.6571],
	R17: [115.94209, 29.6985],
	// 柴桑区 (main part)
	S1: [115.84, 29.52],
	S2: [115.84, 29.4],
	S3: [115.82, 29.35],
	S4: [115.785, 29.43],
	S5: [115.74, 29.53],
	S5a: [115.675, 29.555],
	S6: [115.64, 29.6],
	S7: [115.62, 29.63],
	S8: [115.68, 29.68],
	S9: [115.66, 29.76],
	S10: [115.625, 29.85],
	S11: [115.68, 29.84],
	S12: [115.76, 29.79],
	S13: [115.85, 29.75],
	S14: [115.92, 29.726],
	// 柴桑区 江洲 (island in the Yangtze)
	J1: [116.048, 29.7675],
	J2: [116.09, 29.81],
	J3: [116.14, 29.83],
	J4: [116.19, 29.832],
	J5: [116.235, 29.8],
	J6: [116.255, 29.78],
	J7: [116.21, 29.752],
	J8: [116.17, 29.76],
	J9: [116.12, 29.768],
	J10: [116.075, 29.7665]
};
const ring = (...names: string[]): LonLat[] => names.map((n) => V[n]);

interface District {
	code: string;
	name: string;
	polygons: LonLat[][];
}
const DISTRICTS: District[] = [
	{
		code: '360403',
		name: '浔阳区',
		polygons: [ring('V0', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6', 'V7', 'V8', 'V9', 'V10', 'V11', 'V12', 'V13', 'V14', 'V15', 'V16', 'V17', 'V18')]
	},
	{
		code: '360402',
		name: '濂溪区',
		polygons: [
			ring(
				'V18',
				'V17',
				'V16',
				'V15',
				'V14',
				'V13',
				'V12',
				'V11',
				'V10',
				'V9',
				'V8',
				'V7',
				'R2',
				'R3',
				'R4',
				'R5',
				'R6',
				'R7',
				'R8',
				'R9',
				'R10',
				'R11',
				'R12',
				'R13',
				'R14',
				'R15',
				'R16',
				'R17'
			)
		]
	},
	{
		code: '360404',
		name: '柴桑区',
		polygons: [
			ring('V0', 'V18', 'R17', 'R16', 'R15', 'R14', 'R13', 'S1', 'S2', 'S3', 'S4', 'S5', 'S5a', 'S6', 'S7', 'S8', 'S9', 'S10', 'S11', 'S12', 'S13', 'S14'),
			ring('J1', 'J2', 'J3', 'J4', 'J5', 'J6', 'J7', 'J8', 'J9', 'J10')
		]
	}
];

interface SubDistrict {
	code: string;
	name: string;
	short: string;
	polygon: LonLat[];
}
// codes: synthetic 9-digit 街道 codes in the brief's order (the real statistical codes were not checked)
const SUB_DISTRICTS: SubDistrict[] = [
	{ code: '360403001', name: '甘棠街道', short: '甘棠', polygon: ring('I3', 'I4', 'V11', 'V12', 'V13', 'V14', 'I2') },
	{ code: '360403002', name: '湓浦街道', short: '湓浦', polygon: ring('V3', 'V4', 'I4', 'I3') },
	{ code: '360403003', name: '人民路街道', short: '人民路', polygon: ring('V4', 'V5', 'V11', 'I4') },
	{ code: '360403004', name: '白水湖街道', short: '白水湖', polygon: ring('V5', 'V6', 'V9', 'V10', 'V11') },
	{ code: '360403005', name: '金鸡坡街道', short: '金鸡坡', polygon: ring('V6', 'V7', 'V8', 'V9') },
	{ code: '360403006', name: '八里湖街道', short: '八里湖', polygon: ring('I2', 'V14', 'V15', 'V16', 'V17', 'I1') },
	{ code: '360403007', name: '向阳街道', short: '向阳', polygon: ring('V1', 'V2', 'V3', 'I3', 'I2', 'I1') },
	{ code: '360403008', name: '滨兴街道', short: '滨兴', polygon: ring('V17', 'V18', 'V0', 'V1', 'I1') }
];

const DISTRICT_RINGS_XY = DISTRICTS.map((d) => d.polygons.map((p) => p.map(toXY)));
const SUB_RINGS_XY = SUB_DISTRICTS.map((s) => s.polygon.map(toXY));

function districtOf(p: XY): number {
	for (let i = 0; i < DISTRICTS.length; i++) if (DISTRICT_RINGS_XY[i].some((r) => pointInRing(p, r))) return i;
	return -1;
}
function subDistrictOf(p: XY): number {
	for (let i = 0; i < SUB_DISTRICTS.length; i++) if (pointInRing(p, SUB_RINGS_XY[i])) return i;
	return -1;
}

const EXT_XY = { w: toXY([EXTENT.west, 0])[0], e: toXY([EXTENT.east, 0])[0], s: toXY([0, EXTENT.south])[1], n: toXY([0, EXTENT.north])[1] };

/** Land where a street may run: inside the extent, off the river (50 m: 滨江路 runs there) and lakes. */
function streetLand(p: XY): boolean {
	if (p[0] < EXT_XY.w || p[0] > EXT_XY.e || p[1] < EXT_XY.s || p[1] > EXT_XY.n) return false;
	if (p[1] > bankY(p[0]) - 50 + 0.01) return false;
	for (const l of LAKES) if (lakeRatio(p, l, 20) < 1) return false;
	return districtOf(p) >= 0;
}
/** Land where a building block may stand: further from water. */
function blockLand(p: XY): boolean {
	if (!streetLand(p)) return false;
	if (p[1] > bankY(p[0]) - 80) return false;
	for (const l of LAKES) if (lakeRatio(p, l, 35) < 1) return false;
	return true;
}

// --- the warp that turns a regular grid into a slightly irregular one (max ~14 m, smooth) ---
function warp([x, y]: XY): XY {
	return [x + 9 * Math.sin(y / 530 + 0.7) + 5 * Math.sin(y / 233 + 2.1), y + 9 * Math.sin(x / 610 + 1.3) + 5 * Math.sin(x / 271 + 0.4)];
}

// ---------------------------------------------------------------------------------------------
// Street grid (in unwarped local metres)
// ---------------------------------------------------------------------------------------------

type StreetClass = 'trunk' | 'primary' | 'secondary' | 'branch';
interface NameSeg {
	/** the segment applies where the running coordinate is below `until` */
	until: number;
	name: string;
	cls: StreetClass;
}
interface GridLine {
	key: string;
	dir: 'v' | 'h'; // v: x = pos, runs along y; h: y = pos, runs along x
	pos: number;
	from: number;
	to: number;
	names: NameSeg[];
	major: boolean;
}

const INF = 1e9;
// N–S majors, west to east. Several sit on sub-district boundaries (x = -4640, -2320, -480, 1450, 4400).
const V_MAJORS: [number, NameSeg[]][] = [
	[-6450, [{ until: INF, name: '沙阎路', cls: 'secondary' }]],
	[-5600, [{ until: INF, name: '长江大道', cls: 'trunk' }]],
	[
		-4640,
		[
			{ until: 333, name: '九瑞大道', cls: 'primary' },
			{ until: INF, name: '滨兴路', cls: 'secondary' }
		]
	],
	[
		-3500,
		[
			{ until: -1900, name: '新港路', cls: 'secondary' },
			{ until: INF, name: '向阳路', cls: 'secondary' }
		]
	],
	[
		-2320,
		[
			{ until: 333, name: '八里湖路', cls: 'secondary' },
			{ until: INF, name: '西园路', cls: 'primary' }
		]
	],
	[
		-1450,
		[
			{ until: 333, name: '龙开河路', cls: 'secondary' },
			{ until: INF, name: '湖滨路', cls: 'secondary' }
		]
	],
	[
		-480,
		[
			{ until: 2494, name: '甘棠南路', cls: 'secondary' },
			{ until: INF, name: '甘棠北路', cls: 'secondary' }
		]
	],
	[
		-242,
		[
			{ until: 0, name: '十里大道', cls: 'trunk' },
			{ until: 2494, name: '庾亮南路', cls: 'primary' },
			{ until: INF, name: '庾亮北路', cls: 'primary' }
		]
	],
	[
		350,
		[
			{ until: 0, name: '庐山南路', cls: 'primary' },
			{ until: INF, name: '长虹大道', cls: 'trunk' }
		]
	],
	[
		1450,
		[
			{ until: 0, name: '塔岭南路', cls: 'primary' },
			{ until: INF, name: '塔岭北路', cls: 'primary' }
		]
	],
	[
		2450,
		[
			{ until: 1050, name: '五里街', cls: 'secondary' },
			{ until: INF, name: '白水湖路', cls: 'secondary' }
		]
	],
	[3450, [{ until: INF, name: '东风路', cls: 'secondary' }]],
	[4400, [{ until: INF, name: '金鸡坡路', cls: 'primary' }]],
	[5400, [{ until: INF, name: '琵琶湖路', cls: 'secondary' }]],
	[6300, [{ until: INF, name: '港城路', cls: 'secondary' }]]
];
// E–W majors, south to north. y = 333 and 2494 are sub-district boundaries.
const H_MAJORS: [number, NameSeg[]][] = [
	[-4500, [{ until: INF, name: '濂溪大道', cls: 'primary' }]],
	[-3850, [{ until: INF, name: '学府路', cls: 'secondary' }]],
	[-3200, [{ until: INF, name: '浔南大道', cls: 'trunk' }]],
	[-2550, [{ until: INF, name: '八里湖大道', cls: 'trunk' }]],
	[-1900, [{ until: INF, name: '柴桑路', cls: 'secondary' }]],
	[
		-1250,
		[
			{ until: -242, name: '前进西路', cls: 'primary' },
			{ until: INF, name: '前进东路', cls: 'primary' }
		]
	],
	[-600, [{ until: INF, name: '南湖路', cls: 'secondary' }]],
	[
		333,
		[
			{ until: -2320, name: '向阳南路', cls: 'secondary' },
			{ until: INF, name: '南门湖路', cls: 'secondary' }
		]
	],
	[1050, [{ until: INF, name: '新桥头路', cls: 'secondary' }]],
	[1780, [{ until: INF, name: '同文路', cls: 'secondary' }]],
	[
		2494,
		[
			{ until: -2320, name: '浔阳西路', cls: 'primary' },
			{ until: 1450, name: '浔阳路', cls: 'primary' },
			{ until: INF, name: '浔阳东路', cls: 'primary' }
		]
	],
	[3150, [{ until: INF, name: '大中路', cls: 'secondary' }]],
	[3700, [{ until: INF, name: '湓浦路', cls: 'secondary' }]],
	[4300, [{ until: INF, name: '人民路', cls: 'primary' }]],
	[5000, [{ until: INF, name: '九龙街', cls: 'secondary' }]],
	[5600, [{ until: INF, name: '金湖路', cls: 'secondary' }]]
];

const BRANCH_NAMES = [
	'文昌巷',
	'桃花巷',
	'竹林巷',
	'三里街',
	'柳树巷',
	'东风巷',
	'南湖巷',
	'新华巷',
	'胜利巷',
	'同心巷',
	'建设巷',
	'和平巷',
	'青年巷',
	'光明巷',
	'团结巷',
	'化纤路',
	'湖心巷',
	'荷花巷',
	'花园巷',
	'书院巷',
	'庐峰巷',
	'龙泉巷',
	'学前街',
	'丰收巷',
	'利民路',
	'幸福路',
	'新村路',
	'菜园巷',
	'工农路',
	'大树下巷',
	'琵琶巷',
	'双峰巷',
	'石门巷',
	'浔城巷',
	'柴桑巷',
	'紫薇巷',
	'芙蓉巷',
	'梅园路',
	'兰苑路',
	'松柏巷',
	'翠竹巷',
	'长青路',
	'永安巷',
	'康宁路',
	'安居巷',
	'民主巷',
	'育才巷',
	'劳动巷',
	'红旗巷',
	'跃进巷',
	'向荣巷',
	'新风巷',
	'滨湖巷',
	'湖光路',
	'水仙巷',
	'金桂巷',
	'银杏路',
	'玉带巷',
	'锦绣巷',
	'华光巷',
	'东林巷',
	'西林巷',
	'白鹿巷',
	'匡庐巷',
	'渊明巷',
	'濂溪巷',
	'周瑜巷',
	'烟水巷',
	'李公巷',
	'能仁巷',
	'大胜巷',
	'天花宫巷',
	'九华门巷',
	'湓城巷',
	'江州巷',
	'浔阳巷',
	'庾楼巷',
	'琵琶亭路',
	'锁江巷',
	'龙开巷',
	'南山巷',
	'北山巷',
	'新塘巷',
	'长岭巷',
	'茶岭巷',
	'官湖巷',
	'五里巷',
	'七里巷',
	'十里巷',
	'莲花路',
	'莲池巷',
	'赛湖巷',
	'八角巷',
	'姑塘巷',
	'仙人巷',
	'牌楼巷',
	'通江路',
	'朝阳路',
	'东升路',
	'振兴路',
	'兴业路',
	'富民路',
	'新桥巷',
	'铁路巷',
	'站前路',
	'化工巷',
	'纺织路',
	'机电巷',
	'仪表巷',
	'船厂路',
	'港口路',
	'码头巷',
	'粮站巷',
	'供销巷',
	'邮电巷',
	'电厂巷',
	'水厂路',
	'气站巷',
	'学院巷',
	'医院巷',
	'公园巷',
	'体育巷',
	'文化巷',
	'礼堂巷',
	'校场巷',
	'营盘巷',
	'鼓楼巷',
	'钟楼巷',
	'塔下巷',
	'井边巷',
	'桥头巷',
	'堤下巷'
];

function buildGrid(): { vLines: GridLine[]; hLines: GridLine[] } {
	const vLines: GridLine[] = V_MAJORS.map(([pos, names], i) => ({ key: `V${i}`, dir: 'v', pos, from: EXT_XY.s - 10, to: EXT_XY.n + 10, names, major: true }));
	const hLines: GridLine[] = H_MAJORS.map(([pos, names], i) => ({ key: `H${i}`, dir: 'h', pos, from: EXT_XY.w - 10, to: EXT_XY.e + 10, names, major: true }));
	// a lane through the 动力机厂 district (row -2550..-1900), so that works can cross it; it has priority over random lanes
	hLines.push({ key: 'h-dongli', dir: 'h', pos: -2295, from: -242, to: 1450, names: [{ until: INF, name: '九动路', cls: 'branch' }], major: false });
	const xs = V_MAJORS.map(([p]) => p);
	const ys = H_MAJORS.map(([p]) => p);
	// extend the outermost rows/columns to the extent edges
	const xsAll = [EXT_XY.w - 10, ...xs, EXT_XY.e + 10];
	const ysAll = [EXT_XY.s - 10, ...ys, EXT_XY.n + 10];
	let nameIdx = 0;
	// once the list is used up: 荷花巷 → 荷花二巷, 利民路 → 利民二路
	const nextName = () => {
		const base = BRANCH_NAMES[nameIdx % BRANCH_NAMES.length];
		const round = Math.floor(nameIdx++ / BRANCH_NAMES.length);
		return round === 0 ? base : base.replace(/(巷|路|街)$/, `${CN_DIGITS[round + 1]}$1`);
	};

	// vertical branches inside each column, spanning runs of rows
	for (let i = 0; i + 1 < xsAll.length; i++) {
		const w = xsAll[i + 1] - xsAll[i];
		const count = w > 760 ? 2 : w > 420 ? 1 : 0;
		for (let k = 1; k <= count; k++) {
			const pos = xsAll[i] + (w * k) / (count + 1) + rngNet.float(-0.12, 0.12) * (w / (count + 1));
			let j = 0;
			while (j + 1 < ysAll.length) {
				if (rngNet.chance(0.3)) {
					j++;
					continue;
				}
				const span = rngNet.int(2, 4);
				const j1 = Math.min(ysAll.length - 1, j + span);
				vLines.push({
					key: `v${i}.${k}.${j}`,
					dir: 'v',
					pos,
					from: ysAll[j],
					to: ysAll[j1],
					names: [{ until: INF, name: nextName(), cls: 'branch' }],
					major: false
				});
				j = j1 + (rngNet.chance(0.5) ? 1 : 0);
			}
		}
	}
	// horizontal branches inside each row, spanning runs of columns
	for (let j = 0; j + 1 < ysAll.length; j++) {
		const h = ysAll[j + 1] - ysAll[j];
		const count = h > 600 ? 1 + (rngNet.chance(0.25) ? 1 : 0) : h > 420 ? 1 : 0;
		for (let k = 1; k <= count; k++) {
			const pos = ysAll[j] + (h * k) / (count + 1) + rngNet.float(-0.1, 0.1) * (h / (count + 1));
			let i = 0;
			while (i + 1 < xsAll.length) {
				if (rngNet.chance(0.3)) {
					i++;
					continue;
				}
				const span = rngNet.int(2, 4);
				const i1 = Math.min(xsAll.length - 1, i + span);
				hLines.push({
					key: `h${j}.${k}.${i}`,
					dir: 'h',
					pos,
					from: xsAll[i],
					to: xsAll[i1],
					names: [{ until: INF, name: nextName(), cls: 'branch' }],
					major: false
				});
				i = i1 + (rngNet.chance(0.5) ? 1 : 0);
			}
		}
	}
	// remove branches that would run too close (< 110 m) to a major line or to each other
	const tooClose = (lines: GridLine[]) =>
		lines.filter(
			(l, idx) => l.major || !lines.some((m, jdx) => jdx !== idx && (m.major || jdx < idx) && Math.abs(m.pos - l.pos) < 110 && m.from < l.to && l.from < m.to)
		);
	return { vLines: tooClose(vLines), hLines: tooClose(hLines) };
}

const gridPoint = (l: GridLine, t: number): XY => (l.dir === 'v' ? [l.pos, t] : [t, l.pos]);

interface Street {
	id: number;
	name: string;
	cls: StreetClass;
	pts: XY[]; // warped metres
	cum: number[];
	line?: GridLine;
	/** unwarped running coordinate of each vertex (grid streets) */
	params?: number[];
	/** arc lengths of junctions, with the id of the other street (-1 for a dead end) */
	cuts: { s: number; other: number }[];
}

function buildStreets(vLines: GridLine[], hLines: GridLine[]): Street[] {
	const streets: Street[] = [];
	const add = (name: string, cls: StreetClass, pts: XY[], line?: GridLine, params?: number[]) => {
		if (pts.length < 2 || lineLength(pts) < 60) return;
		streets.push({ id: streets.length + 1, name, cls, pts, cum: cumulative(pts), line, params, cuts: [] });
	};
	for (const line of [...vLines, ...hLines]) {
		// for each named segment, clip to land, sampling every 10 m and refining the ends by bisection
		let segFrom = line.from;
		for (const seg of line.names) {
			const a = Math.max(line.from, segFrom);
			const b = Math.min(line.to, seg.until);
			segFrom = seg.until;
			if (b <= a) continue;
			const land = (t: number) => streetLand(warp(gridPoint(line, t)));
			const refine = (lo: number, hi: number) => {
				// land(lo) !== land(hi); find the boundary
				const want = land(lo);
				for (let k = 0; k < 30; k++) {
					const mid = (lo + hi) / 2;
					if (land(mid) === want) lo = mid;
					else hi = mid;
				}
				return want ? lo : hi;
			};
			let pieceStart: number | null = land(a) ? a : null;
			let prev = a;
			for (let t = a + 10; ; t += 10) {
				const tt = Math.min(t, b);
				const isLand = land(tt);
				if (pieceStart === null && isLand) pieceStart = refine(prev, tt);
				else if (pieceStart !== null && !isLand) {
					emit(pieceStart, refine(prev, tt));
					pieceStart = null;
				}
				prev = tt;
				if (tt >= b) break;
			}
			if (pieceStart !== null) emit(pieceStart, b);
			function emit(t0: number, t1: number) {
				const params = [t0];
				for (let t = Math.ceil(t0 / 50) * 50; t < t1; t += 50) if (t - t0 > 5 && t1 - t > 5) params.push(t);
				params.push(t1);
				add(
					seg.name,
					seg.cls,
					params.map((t) => warp(gridPoint(line, t))),
					line,
					params
				);
			}
		}
	}
	// 滨江路 along the river, 50 m inland of the bank: the grid streets that reach the river end on it
	const riverRoad: [number, string][] = [
		[-2320, '滨江西路'],
		[1450, '滨江路'],
		[INF, '滨江东路']
	];
	let x0 = EXT_XY.w;
	for (const [until, name] of riverRoad) {
		const x1 = Math.min(until, EXT_XY.e);
		const pts: XY[] = [];
		for (let x = x0; x < x1 - 5; x += 50) pts.push([x, bankY(x) - 50]);
		pts.push([x1, bankY(x1) - 50]);
		// keep only the part on land (district interior, extent)
		const keep = pts.filter((p) => p[1] <= EXT_XY.n && districtOf(p) >= 0);
		add(name, 'primary', keep);
		x0 = x1;
	}
	// junctions: crossings, and ends that stop on another street (T-junctions)
	const boxes = streets.map((s) => bboxOf(s.pts, 3));
	for (let i = 0; i < streets.length; i++) {
		for (let j = i + 1; j < streets.length; j++) {
			if (!bboxMeet(boxes[i], boxes[j])) continue;
			const A = streets[i];
			const B = streets[j];
			for (let p = 0; p + 1 < A.pts.length; p++) {
				for (let q = 0; q + 1 < B.pts.length; q++) {
					const c = segCross(A.pts[p], A.pts[p + 1], B.pts[q], B.pts[q + 1]);
					if (c) {
						A.cuts.push({ s: A.cum[p] + c[0] * (A.cum[p + 1] - A.cum[p]), other: B.id });
						B.cuts.push({ s: B.cum[q] + c[1] * (B.cum[q + 1] - B.cum[q]), other: A.id });
					}
				}
			}
			for (const [X, Y] of [
				[A, B],
				[B, A]
			]) {
				for (const endS of [0, X.cum[X.cum.length - 1]]) {
					const e = pointAt(X.pts, X.cum, endS);
					let best = Infinity;
					let bestS = 0;
					for (let q = 0; q + 1 < Y.pts.length; q++) {
						const d = pointSegDist(e, Y.pts[q], Y.pts[q + 1]);
						if (d < best) {
							best = d;
							const seg = dist(Y.pts[q], Y.pts[q + 1]);
							const t = seg
								? ((e[0] - Y.pts[q][0]) * (Y.pts[q + 1][0] - Y.pts[q][0]) + (e[1] - Y.pts[q][1]) * (Y.pts[q + 1][1] - Y.pts[q][1])) / (seg * seg)
								: 0;
							bestS = Y.cum[q] + Math.max(0, Math.min(1, t)) * seg;
						}
					}
					if (best < 3) {
						Y.cuts.push({ s: bestS, other: X.id });
						X.cuts.push({ s: endS, other: Y.id });
					}
				}
			}
		}
	}
	const byId = new Map(streets.map((s) => [s.id, s]));
	for (const s of streets) {
		const L = s.cum[s.cum.length - 1];
		s.cuts.push({ s: 0, other: -1 }, { s: L, other: -1 });
		s.cuts.sort((a, b) => a.s - b.s || b.other - a.other);
		const merged: { s: number; other: number }[] = [];
		// a junction's name: a crossing street rather than the continuation of the same line
		const rank = (o: number) => (o === -1 ? 0 : byId.get(o)!.line && byId.get(o)!.line === s.line ? 1 : 2);
		for (const c of s.cuts) {
			const last = merged[merged.length - 1];
			if (last && c.s - last.s < 2) {
				if (rank(c.other) > rank(last.other)) last.other = c.other;
			} else merged.push({ ...c });
		}
		s.cuts = merged;
	}
	return streets;
}

interface Block {
	street: Street;
	s0: number;
	s1: number;
	from: string; // names of the crossing streets at the ends ('' for a dead end)
	to: string;
}
function buildBlocks(streets: Street[]): Block[] {
	const byId = new Map(streets.map((s) => [s.id, s]));
	const blocks: Block[] = [];
	for (const s of streets) {
		for (let k = 0; k + 1 < s.cuts.length; k++) {
			const a = s.cuts[k];
			const b = s.cuts[k + 1];
			const nameOf = (o: number) => (o > 0 && byId.get(o)!.name !== s.name ? byId.get(o)!.name : '');
			blocks.push({ street: s, s0: a.s, s1: b.s, from: nameOf(a.other), to: nameOf(b.other) });
		}
	}
	return blocks;
}

// ---------------------------------------------------------------------------------------------
// Historic districts (defined on the unwarped grid, then warped like the streets)
// ---------------------------------------------------------------------------------------------

interface HistoricDistrict {
	id: string;
	name: string;
	level: 'national' | 'provincial' | 'municipal' | 'county';
	description: string;
	ring: XY[]; // warped metres
}

function rectRing(x1: number, y1: number, x2: number, y2: number, step = 40): XY[] {
	const out: XY[] = [];
	const edge = (a: XY, b: XY) => {
		const n = Math.max(1, Math.ceil(dist(a, b) / step));
		for (let i = 0; i < n; i++) out.push([a[0] + ((b[0] - a[0]) * i) / n, a[1] + ((b[1] - a[1]) * i) / n]);
	};
	edge([x1, y1], [x2, y1]);
	edge([x2, y1], [x2, y2]);
	edge([x2, y2], [x1, y2]);
	edge([x1, y2], [x1, y1]);
	return out;
}
function polyRing(corners: XY[], step = 40): XY[] {
	const out: XY[] = [];
	for (let i = 0; i < corners.length; i++) {
		const a = corners[i];
		const b = corners[(i + 1) % corners.length];
		const n = Math.max(1, Math.ceil(dist(a, b) / step));
		for (let k = 0; k < n; k++) out.push([a[0] + ((b[0] - a[0]) * k) / n, a[1] + ((b[1] - a[1]) * k) / n]);
	}
	return out;
}

const HISTORIC: HistoricDistrict[] = [
	{
		id: 'hd-yuliang-nanlu',
		name: '庾亮南路历史文化街区',
		level: 'provincial',
		description:
			'沿庾亮南路南北长约630米，北起天主堂，南至和中广场，含能仁寺、大胜塔（庾亮南路140号）及同文书院旧址。区内施工须经文物与历史文化街区保护审查，修缮遵循“修旧如旧”。（示意范围）',
		// 630 m north–south, straddling 庾亮南路 (x = -242), mostly on its east side, east of 甘棠湖
		ring: polyRing([
			[-300, 1463],
			[-120, 1463],
			[-70, 1600],
			[-70, 2093],
			[-300, 2093]
		]).map(warp)
	},
	{
		id: 'hd-xingshu-dayuan',
		name: '行署大院',
		level: 'municipal',
		description: '原九江地区行政公署机关大院，保留二十世纪五六十年代办公及宿舍建筑，老旧小区改造中按历史风貌整治。（位置为示意，公开资料未给出精确范围）',
		ring: [] as XY[] // set from its neighbourhood below
	},
	{
		id: 'hd-dongliji',
		name: '动力机厂历史文化街区',
		level: 'provincial',
		description:
			'原九江动力机厂厂区（九动梦工厂），位于濂溪区十里大道1889号，占地约150亩，2019年1月公布为江西省历史文化街区，工业遗存改造为文化创意园区。（示意范围）',
		// ~400 m × 250 m = 10 ha, east of 十里大道 (x = -242)
		ring: rectRing(-222, -2420, 178, -2170).map(warp)
	}
];

// ---------------------------------------------------------------------------------------------
// Neighbourhoods
// ---------------------------------------------------------------------------------------------

const RENOVATION_ITEMS = [
	'pipes_underground',
	'rain_sewage_separation',
	'gas_to_homes',
	'fibre_to_homes',
	'roof_waterproofing',
	'elevator',
	'parking',
	'lighting',
	'greening',
	'facade',
	'illegal_structure_removal',
	'fire_safety',
	'septic_tank',
	'road_paving',
	'water_supply',
	'power_upgrade'
] as const;
type Item = (typeof RENOVATION_ITEMS)[number];
type NbStatus = 'planned' | 'approved' | 'under_construction' | 'completed' | 'accepted';
type RsState = 'combined' | 'separating' | 'separated';

interface Cell {
	key: string;
	/** unwarped rectangle between street centrelines */
	x1: number;
	x2: number;
	y1: number;
	y2: number;
	/** the grid line on each side: south, east, north, west */
	sides: [GridLine, GridLine, GridLine, GridLine];
}

const INSET: Record<StreetClass, number> = { trunk: 26, primary: 21, secondary: 16, branch: 11 };
const classAt = (l: GridLine, t: number) => l.names.find((n) => t < n.until)!.cls;
const nameAt = (l: GridLine, t: number) => l.names.find((n) => t < n.until)!.name;

function buildCells(vLines: GridLine[], hLines: GridLine[]): Cell[] {
	const cells: Cell[] = [];
	const xs = [...new Set(vLines.map((l) => l.pos))].sort((a, b) => a - b);
	const ys = [...new Set(hLines.map((l) => l.pos))].sort((a, b) => a - b);
	const vAt = (x: number, y: number) => vLines.find((l) => l.pos === x && l.from <= y && y <= l.to);
	const hAt = (y: number, x: number) => hLines.find((l) => l.pos === y && l.from <= x && x <= l.to);
	// a cell is bounded by the nearest lines that actually exist at its centre
	const seen = new Set<string>();
	for (let i = 0; i + 1 < xs.length; i++) {
		for (let j = 0; j + 1 < ys.length; j++) {
			const cx = (xs[i] + xs[i + 1]) / 2;
			const cy = (ys[j] + ys[j + 1]) / 2;
			const west = [...xs].reverse().find((x) => x < cx && vAt(x, cy));
			const east = xs.find((x) => x > cx && vAt(x, cy));
			const south = [...ys].reverse().find((y) => y < cy && hAt(y, cx));
			const north = ys.find((y) => y > cy && hAt(y, cx));
			if (west === undefined || east === undefined || south === undefined || north === undefined) continue;
			const key = `${west}/${south}/${east}/${north}`;
			if (seen.has(key)) continue;
			seen.add(key);
			const sides: [GridLine | undefined, GridLine | undefined, GridLine | undefined, GridLine | undefined] = [
				hAt(south, cx),
				vAt(east, cy),
				hAt(north, cx),
				vAt(west, cy)
			];
			// every side must be one street along its whole length (no line ending half-way along the cell)
			const full =
				sides[0] &&
				sides[0].from <= west &&
				sides[0].to >= east &&
				sides[2] &&
				sides[2].from <= west &&
				sides[2].to >= east &&
				sides[1] &&
				sides[1].from <= south &&
				sides[1].to >= north &&
				sides[3] &&
				sides[3].from <= south &&
				sides[3].to >= north;
			if (!full) continue;
			// no other line may cut through the cell
			const cut =
				vLines.some((l) => l.pos > west && l.pos < east && l.from < north && l.to > south) ||
				hLines.some((l) => l.pos > south && l.pos < north && l.from < east && l.to > west);
			if (cut) continue;
			cells.push({ key, x1: west, x2: east, y1: south, y2: north, sides: sides as Cell['sides'] });
		}
	}
	return cells;
}

interface Neighbourhood {
	id: string;
	districtIdx: number;
	subIdx: number;
	name: string;
	address: string;
	ring: XY[]; // warped metres
	rect: { x1: number; x2: number; y1: number; y2: number }; // unwarped footprint (before notching)
	cell: Cell;
	built_year: number;
	buildings: number;
	households: number;
	batch_year: number;
	status: NbStatus;
	items: Item[];
	start: number;
	end: number;
	county_leader: string;
	housing_leader: string;
	community_cadre: string;
	community_cadre_phone: string;
	hotline: string;
	management_mode: 'property_company' | 'community' | 'owners_self_governance';
	fee_collection_rate: number;
	rain_sewage_state: RsState;
	internal_note: string | null;
	/** works must not be generated for it automatically (a conflict scenario owns it) */
	reserved?: boolean;
}

/** The real neighbourhoods named in public news (reference/old_neighbourhoods.csv), cleaned. */
interface RealNb {
	name: string;
	where: { sub?: string; district?: string; near?: XY };
	batch: number;
	start: string;
	end: string;
	households?: number;
	buildings?: number;
	built?: number;
	address?: string;
	note?: string;
	status?: NbStatus;
	fee?: number;
	mode?: Neighbourhood['management_mode'];
	big?: boolean;
}
const JKQ = '九江经开区';
const REAL_NBS: RealNb[] = [
	{ name: '建材厂宿舍', where: { sub: '滨兴' }, batch: 2019, start: '2019-02-25', end: '2019-05-31', address: JKQ },
	{ name: '西苑小区', where: { sub: '滨兴' }, batch: 2019, start: '2019-03-04', end: '2019-05-31', address: JKQ },
	{ name: '老管委会宿舍', where: { sub: '滨兴' }, batch: 2019, start: '2019-03-11', end: '2019-05-30', address: JKQ },
	{ name: '昌平小区', where: { sub: '滨兴' }, batch: 2020, start: '2020-02-24', end: '2020-05-29', address: JKQ, note: '标准化改造' },
	{ name: '矿冶小区', where: { sub: '滨兴' }, batch: 2020, start: '2020-03-02', end: '2020-05-29', address: JKQ, note: '标准化改造' },
	{ name: '港务局宿舍', where: { sub: '滨兴' }, batch: 2020, start: '2020-06-01', end: '2020-12-25', address: JKQ, note: '利江市场、月亮湾市场片区' },
	{ name: '月亮湾生活区', where: { sub: '滨兴' }, batch: 2020, start: '2020-06-08', end: '2020-12-25', address: JKQ, note: '利江市场、月亮湾市场片区' },
	{ name: '铁路宿舍', where: { sub: '滨兴' }, batch: 2020, start: '2020-06-08', end: '2020-12-28', address: JKQ, note: '利江市场、月亮湾市场片区' },
	{ name: '利江市场小区', where: { sub: '滨兴' }, batch: 2020, start: '2020-06-15', end: '2020-12-28', address: JKQ, note: '利江市场、月亮湾市场片区' },
	{ name: '267大队宿舍', where: { sub: '向阳' }, batch: 2020, start: '2020-06-15', end: '2020-12-30', address: JKQ, note: '利江市场、月亮湾市场片区' },
	{ name: '思源楼', where: { sub: '向阳' }, batch: 2020, start: '2020-06-22', end: '2020-12-30', address: JKQ, note: '利江市场、月亮湾市场片区' },
	{ name: '祥福楼', where: { sub: '向阳' }, batch: 2020, start: '2020-06-22', end: '2020-12-30', address: JKQ, note: '利江市场、月亮湾市场片区' },
	{ name: '桃园新村', where: { sub: '向阳' }, batch: 2020, start: '2020-06-29', end: '2020-12-30', address: JKQ, note: '利江市场、月亮湾市场片区' },
	{ name: '赣华宿舍', where: { sub: '向阳' }, batch: 2020, start: '2020-07-06', end: '2020-12-31', address: JKQ, note: '利江市场、月亮湾市场片区' },
	{ name: '粮食局宿舍', where: { sub: '向阳' }, batch: 2020, start: '2020-07-06', end: '2020-12-31', address: JKQ, note: '利江市场、月亮湾市场片区' },
	{ name: '利江花园', where: { sub: '向阳' }, batch: 2020, start: '2020-08-03', end: '2021-02-26', address: JKQ },
	{ name: '一马路生活区', where: { sub: '向阳' }, batch: 2020, start: '2020-08-10', end: '2021-02-26', address: JKQ },
	{ name: '海扬宿舍四区、五区', where: { sub: '向阳' }, batch: 2020, start: '2020-08-17', end: '2021-02-26', address: JKQ },
	{ name: '农行宿舍', where: { sub: '向阳' }, batch: 2020, start: '2020-08-24', end: '2021-02-26', address: JKQ },
	{ name: '二马路至三马路居民小区', where: { sub: '向阳' }, batch: 2020, start: '2020-09-01', end: '2021-02-26', address: JKQ },
	{
		name: '新华书店宿舍',
		where: { sub: '人民路', near: [350, 3000] },
		batch: 2023,
		start: '2023-04-10',
		end: '2023-06-30',
		households: 146,
		address: '长虹大道82号',
		note: '市图书馆片区，占地约5986平方米'
	},
	{
		name: '电视台宿舍',
		where: { sub: '人民路', near: [350, 3300] },
		batch: 2023,
		start: '2023-04-10',
		end: '2023-06-30',
		households: 42,
		note: '市图书馆片区，占地约4260平方米'
	},
	{
		name: '图书馆宿舍',
		where: { sub: '人民路', near: [350, 3600] },
		batch: 2023,
		start: '2023-04-10',
		end: '2023-06-30',
		households: 18,
		note: '市图书馆片区，占地约2690平方米'
	},
	{
		name: '天福花园片区',
		where: { sub: '人民路' },
		batch: 2023,
		start: '2023-03-06',
		end: '2023-10-31',
		households: 868,
		buildings: 30,
		note: '含天福花园、福华小区、471支巷，总投资约1809万元',
		big: true
	},
	{
		name: '孤溪埂片区',
		where: { sub: '湓浦' },
		batch: 2023,
		start: '2023-06-05',
		end: '2023-11-30',
		households: 635,
		buildings: 23,
		built: 1988,
		note: '八九十年代建成，原无物业管理，总投资约1800万元',
		mode: 'community',
		big: true
	},
	{
		name: '九一六社区',
		where: { district: '柴桑区' },
		batch: 2025,
		start: '2025-03-03',
		end: '2025-12-31',
		note: '完整社区试点，改造面积约15万平方米',
		status: 'completed',
		big: true
	},
	{
		name: '赣北商城',
		where: { district: '濂溪区' },
		batch: 2024,
		start: '2024-06-03',
		end: '2025-06-30',
		note: '完整社区试点，改造面积约17.36万平方米',
		status: 'accepted',
		big: true
	},
	// named in the source document (seed/000_5b67a0f3d4d474bb.txt); not located
	{
		name: '湖滨小区',
		where: { sub: '甘棠', near: [-1900, 1700] },
		batch: 2020,
		start: '2020-04-07',
		end: '2020-10-30',
		note: '成立临时党支部，30余名党员志愿者参与改造'
	},
	{
		name: '铜矿小区',
		where: { district: '濂溪区' },
		batch: 2020,
		start: '2020-05-11',
		end: '2020-11-27',
		fee: 96.5,
		mode: 'property_company',
		note: '改造后引入物业，物业费收缴率95%以上'
	},
	// 行署大院 is both an old neighbourhood and a historic district in the source document; not located
	{
		name: '行署大院',
		where: { sub: '湓浦', near: [-900, 2850] },
		batch: 2021,
		start: '2021-03-01',
		end: '2021-10-29',
		built: 1962,
		note: '结合历史文化名城申报，修旧如旧'
	}
];

const NAME_PREFIX_PLACES = [
	'庐峰',
	'东风',
	'红旗',
	'工农',
	'湖光',
	'南湖',
	'龙开河',
	'白水湖',
	'金鸡坡',
	'琵琶湖',
	'翠园',
	'锦江',
	'滨江',
	'柳林',
	'莲花',
	'东湖',
	'八角石',
	'五里',
	'十里',
	'长岭',
	'芳兰',
	'东苑',
	'西苑',
	'北苑',
	'南苑',
	'和平',
	'胜利',
	'建设',
	'人和',
	'福星'
];
const FACTORIES = [
	'九江化纤厂',
	'九江仪表厂',
	'国棉三厂',
	'九江啤酒厂',
	'长江航运',
	'九江船厂',
	'九江电厂',
	'第二棉纺厂',
	'无线电厂',
	'市一中',
	'市第一人民医院',
	'邮电局',
	'税务局',
	'工商银行',
	'建设银行',
	'水文站',
	'气象局',
	'公安局',
	'市二建公司',
	'九江港务',
	'木材公司',
	'九江制药厂',
	'光学仪器厂',
	'九江化工厂',
	'农机厂',
	'市供销社',
	'粮油公司',
	'九江日报社',
	'九江师专',
	'市政公司',
	'商业局',
	'轻工局',
	'九江造纸厂',
	'玻璃厂',
	'糖厂'
];
const KIND_SUFFIX = ['小区', '新村', '花园', '小区', '生活区'];
const PEOPLE_SURNAMES =
	'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜钟谭陆汪范金石廖贾夏付方邹熊邱江涂万熊欧阳'.split(
		''
	);
const PEOPLE_GIVEN = [
	'建华',
	'志强',
	'秀英',
	'丽华',
	'文斌',
	'海燕',
	'国华',
	'晓东',
	'红梅',
	'卫东',
	'春生',
	'新民',
	'德胜',
	'玉兰',
	'桂英',
	'俊杰',
	'思远',
	'雅婷',
	'立新',
	'永红',
	'建军',
	'明辉',
	'慧敏',
	'国庆',
	'志刚',
	'丽萍',
	'金生',
	'水生',
	'小军',
	'晓燕',
	'振华',
	'文涛',
	'海波',
	'云霞',
	'爱国',
	'淑芬',
	'宏伟',
	'美玲',
	'家宝',
	'少华',
	'亚军',
	'春燕',
	'光明',
	'秋菊',
	'长林',
	'庆丰',
	'建平',
	'卫平',
	'敏',
	'静',
	'磊',
	'勇',
	'军',
	'芳',
	'伟',
	'鹏',
	'婷',
	'浩',
	'琳',
	'强'
];
function personName(r: Rng): string {
	return r.pick(PEOPLE_SURNAMES) + r.pick(PEOPLE_GIVEN);
}
function localPhone(r: Rng): string {
	return `0792-8${String(r.int(100000, 999999))}`;
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

// ---------------------------------------------------------------------------------------------
// Organisations and accounts
// ---------------------------------------------------------------------------------------------

type OrgKind = 'water' | 'drainage' | 'gas' | 'power' | 'telecom' | 'municipal' | 'urban_management' | 'housing';
interface Organisation {
	id: string;
	name: string;
	short_name: string;
	kind: OrgKind;
	hotline: string;
}
const ORGS: Organisation[] = [
	{ id: 'jj-urban-management', name: '九江市城市管理局', short_name: '市城管局', kind: 'urban_management', hotline: '0792-12319' },
	{ id: 'jj-municipal', name: '九江市市政工程管理处', short_name: '市政', kind: 'municipal', hotline: '0792-8581206' },
	{ id: 'jj-drainage', name: '三峡集团九江城市水环境综合治理项目公司', short_name: '三峡水环境', kind: 'drainage', hotline: '0792-8776612' },
	{ id: 'jj-water', name: '九江市自来水有限公司', short_name: '九江自来水', kind: 'water', hotline: '0792-8224466' },
	{ id: 'jj-power', name: '国网江西省电力有限公司九江供电分公司', short_name: '国网九江供电', kind: 'power', hotline: '95598' },
	{ id: 'jj-gas', name: '九江深能燃气有限公司', short_name: '九江燃气', kind: 'gas', hotline: '0792-8123119' },
	{ id: 'jj-telecom', name: '中国电信股份有限公司九江分公司', short_name: '九江电信', kind: 'telecom', hotline: '10000' },
	{ id: 'jj-mobile', name: '中国移动通信集团江西有限公司九江分公司', short_name: '九江移动', kind: 'telecom', hotline: '10086' },
	{ id: 'jj-unicom', name: '中国联合网络通信有限公司九江市分公司', short_name: '九江联通', kind: 'telecom', hotline: '10010' },
	{ id: 'jj-housing', name: '九江市住房和城乡建设局（市老旧小区改造办公室）', short_name: '市老旧小区改造办', kind: 'housing', hotline: '0792-12345' }
];
const ORG = Object.fromEntries(ORGS.map((o) => [o.id, o])) as Record<string, Organisation>;

const ACCOUNT_LOCAL: Record<string, string> = {
	'jj-urban-management': 'urban-management',
	'jj-municipal': 'municipal',
	'jj-drainage': 'drainage',
	'jj-water': 'water',
	'jj-power': 'power',
	'jj-gas': 'gas',
	'jj-telecom': 'telecom',
	'jj-mobile': 'mobile',
	'jj-unicom': 'unicom'
};
const DEMO_PASSWORD = 'demo-password';

// ---------------------------------------------------------------------------------------------
// Works
// ---------------------------------------------------------------------------------------------

type Utility = 'water' | 'rain' | 'sewage' | 'gas' | 'power' | 'telecom' | 'lighting' | 'road';
type WorkKind =
	| 'new_pipe'
	| 'replacement'
	| 'rain_sewage_separation'
	| 'cable_undergrounding'
	| 'gas_to_homes'
	| 'fibre_to_homes'
	| 'road_reconstruction'
	| 'road_major_repair'
	| 'emergency_repair';
type WorkStatus = 'draft' | 'submitted' | 'approved' | 'in_progress' | 'backfilled' | 'restored' | 'cancelled';

interface Work {
	organisation: string;
	utility: Utility;
	kind: WorkKind;
	title: string;
	description: string;
	width_m: number;
	depth_m: number;
	start: number;
	end: number;
	status: WorkStatus;
	emergency: boolean;
	neighbourhood_id: string | null;
	internal_note: string | null;
	/** metres, warped; a polyline, or a closed ring when `area` */
	geom: XY[];
	area: boolean;
	scenario?: string;
	bbox: BBox;
}

const UTIL_WORD: Record<Utility, string> = {
	water: '供水',
	rain: '雨水',
	sewage: '污水',
	gas: '燃气',
	power: '电力',
	telecom: '通信',
	lighting: '路灯',
	road: '道路'
};
function workTitle(place: string, org: string, utility: Utility, kind: WorkKind): string {
	const u = UTIL_WORD[utility];
	const tel = utility === 'telecom' ? `（${ORG[org].short_name}）` : '';
	switch (kind) {
		case 'new_pipe':
			return utility === 'power' ? `${place}电力排管新建` : utility === 'lighting' ? `${place}路灯管线新建` : `${place}${u}管道新建${tel}`;
		case 'replacement':
			return utility === 'power' ? `${place}电力电缆更换` : utility === 'lighting' ? `${place}路灯线路改造` : `${place}${u}管道更换${tel}`;
		case 'rain_sewage_separation':
			return `${place}雨污分流改造（${u}管）`;
		case 'cable_undergrounding':
			return `${place}${utility === 'power' ? '电力' : '通信'}线缆入地${tel}`;
		case 'gas_to_homes':
			return `${place}燃气入户工程`;
		case 'fibre_to_homes':
			return `${place}光纤入户${tel}`;
		case 'road_reconstruction':
			return org === 'jj-urban-management' ? `${place}背街小巷整治` : org === 'jj-housing' ? `${place}小区道路改造` : `${place}道路改造`;
		case 'road_major_repair':
			return org === 'jj-housing' ? `${place}小区道路大修` : `${place}道路大修`;
		case 'emergency_repair':
			return `${place}${u}${utility === 'power' || utility === 'telecom' ? '线路' : '管道'}抢修${tel}`;
	}
}

function workDescription(w: Pick<Work, 'utility' | 'kind' | 'organisation'>, lengthM: number, r: Rng): string {
	const L = Math.max(5, Math.round(lengthM / 5) * 5);
	const dn = r.pick([200, 300, 400, 500, 600]);
	switch (w.kind) {
		case 'new_pipe':
			if (w.utility === 'water') return `新建DN${dn}球墨铸铁供水管约${L}米，完善片区供水管网。`;
			if (w.utility === 'gas') return `新建DN${r.pick([110, 160, 200])}中压PE燃气管约${L}米。`;
			if (w.utility === 'rain') return `新建DN${r.pick([600, 800, 1000])}雨水管约${L}米及雨水口，缓解道路积水。`;
			if (w.utility === 'sewage') return `新建DN${r.pick([300, 400, 500])}污水管约${L}米，接入市政污水干管。`;
			if (w.utility === 'power') return `新建电力排管约${L}米（${r.pick([4, 6, 9, 12])}孔），为架空线入地预留通道。`;
			if (w.utility === 'lighting') return `新建路灯电缆保护管约${L}米。`;
			return `新建通信管道约${L}米（${r.pick([4, 6, 9])}孔），各运营商共建共享。`;
		case 'replacement':
			if (w.utility === 'water') return `更换老旧铸铁供水管约${L}米，解决爆管漏损问题。`;
			if (w.utility === 'gas') return `老旧燃气管道更新改造约${L}米，消除安全隐患。`;
			if (w.utility === 'power') return `更换老化10kV电力电缆约${L}米。`;
			if (w.utility === 'lighting') return `路灯线路及灯杆基础改造约${L}米。`;
			if (w.utility === 'rain' || w.utility === 'sewage') return `更换破损${UTIL_WORD[w.utility]}管约${L}米。`;
			return `更换破损通信管道约${L}米。`;
		case 'rain_sewage_separation':
			return `城区水环境系统综合治理：新建${w.utility === 'rain' ? '雨水' : '污水'}管约${L}米，实施雨污分流，错接混接点改造。`;
		case 'cable_undergrounding':
			return w.utility === 'power' ? `架空电力线入地约${L}米，拆除沿街电杆。` : `架空通信线缆入地约${L}米，清理“蜘蛛网”。`;
		case 'gas_to_homes':
			return `敷设小区燃气庭院管约${L}米并入户，居民告别瓶装液化气。`;
		case 'fibre_to_homes':
			return `敷设光缆约${L}米，光纤到户。`;
		case 'road_reconstruction':
			return w.organisation === 'jj-housing' ? `小区内部道路重新铺装约${L}米，同步完善排水。` : `道路整体改造约${L}米，含路基、面层、人行道及附属设施。`;
		case 'road_major_repair':
			return `道路面层铣刨重铺约${L}米，修复破损路面。`;
		case 'emergency_repair':
			return `${UTIL_WORD[w.utility]}${w.utility === 'power' || w.utility === 'telecom' ? '线路故障' : '管道破损'}紧急抢修，已按规定24小时内补办登记。`;
	}
}

const WORK_NOTES = [
	'夜间施工，需提前三天张贴公告。',
	'与交警部门协调半幅通行。',
	'施工单位：九江市第二建筑工程有限公司。',
	'施工单位：江西省赣北市政工程有限公司。',
	'开挖前须与燃气、电力单位现场交底。',
	'该路段地下管线资料不全，需人工探挖。',
	'沿线商户较多，注意围挡与通道。',
	'雨季施工，做好沟槽排水。',
	'已纳入片区统筹施工方案。',
	'涉及古树保护范围，机械开挖受限。'
];

function statusFor(start: number, end: number, kind: WorkKind, r: Rng): WorkStatus {
	if (kind === 'emergency_repair') return end < TODAY ? (TODAY - end < 20 ? 'backfilled' : 'restored') : 'in_progress';
	if (end < TODAY) {
		if (r.chance(0.05)) return 'cancelled';
		return TODAY - end < 75 && r.chance(0.6) ? 'backfilled' : 'restored';
	}
	if (start <= TODAY) return r.chance(0.85) ? 'in_progress' : 'approved';
	if (r.chance(0.05)) return 'cancelled';
	if (start - TODAY < 60) return r.chance(0.7) ? 'approved' : 'submitted';
	return r.weighted([
		['submitted', 4],
		['approved', 3],
		['draft', 2]
	] as const);
}

const DURATION: Record<WorkKind, [number, number]> = {
	new_pipe: [10, 75],
	replacement: [7, 60],
	rain_sewage_separation: [30, 180],
	cable_undergrounding: [20, 120],
	gas_to_homes: [10, 60],
	fibre_to_homes: [5, 30],
	road_reconstruction: [60, 330],
	road_major_repair: [15, 90],
	emergency_repair: [0, 4]
};
const WIDTH: Record<Utility, [number, number]> = {
	water: [0.8, 1.5],
	rain: [1.5, 3.0],
	sewage: [1.2, 2.5],
	gas: [0.6, 1.0],
	power: [0.8, 1.6],
	telecom: [0.5, 0.8],
	lighting: [0.5, 0.8],
	road: [4.0, 6.0]
};
const DEPTH: Record<Utility, [number, number]> = {
	water: [1.0, 2.0],
	rain: [2.0, 4.5],
	sewage: [2.5, 5.0],
	gas: [0.9, 1.5],
	power: [0.8, 1.5],
	telecom: [0.6, 1.2],
	lighting: [0.6, 1.0],
	road: [0.6, 0.9]
};
const r2 = (v: number) => Math.round(v * 100) / 100;

// ---------------------------------------------------------------------------------------------
// Conflict avoidance for the random (non-scenario) works
// ---------------------------------------------------------------------------------------------

const CO_LOCATION_M = 15;
const REPEAT_DAYS = Math.ceil(3 * YEAR);
const MORATORIUM_RECON_DAYS = Math.ceil(5 * YEAR);

class WorkIndex {
	readonly works: Work[] = [];
	private readonly cells = new Map<string, number[]>();
	private readonly size = 250;
	private keys(b: BBox): string[] {
		const out: string[] = [];
		for (let i = Math.floor(b[0] / this.size); i <= Math.floor(b[2] / this.size); i++)
			for (let j = Math.floor(b[1] / this.size); j <= Math.floor(b[3] / this.size); j++) out.push(`${i},${j}`);
		return out;
	}
	add(w: Work) {
		const idx = this.works.length;
		this.works.push(w);
		for (const k of this.keys(w.bbox)) {
			if (!this.cells.has(k)) this.cells.set(k, []);
			this.cells.get(k)!.push(idx);
		}
	}
	near(b: BBox): Work[] {
		const seen = new Set<number>();
		const out: Work[] = [];
		for (const k of this.keys(b))
			for (const i of this.cells.get(k) ?? [])
				if (!seen.has(i) && bboxMeet(b, this.works[i].bbox)) {
					seen.add(i);
					out.push(this.works[i]);
				}
		return out;
	}
}

function geomDist(a: Work, b: Work): number {
	const ga = a.area ? [...a.geom, a.geom[0]] : a.geom;
	const gb = b.area ? [...b.geom, b.geom[0]] : b.geom;
	const d = polylineDist(ga, gb);
	if (d === 0) return 0;
	if (a.area && pointInRing(gb[0], a.geom)) return 0;
	if (b.area && pointInRing(ga[0], b.geom)) return 0;
	return d;
}

/** Would `c` make any rule of DESIGN.md §3 fire against the works already placed? (conservative) */
function wouldConflict(c: Work, index: WorkIndex, nbs: Neighbourhood[], exclusion: { centre: XY; r: number }[]): boolean {
	const reach = CO_LOCATION_M + 12;
	for (const e of index.near(bboxOf(c.geom, reach))) {
		const d = geomDist(c, e);
		if (d > CO_LOCATION_M + (c.width_m + e.width_m) / 2 + 5) continue;
		const gap = Math.max(c.start - e.end, e.start - c.end); // < 0 when the windows overlap
		const recon = c.kind === 'road_reconstruction' || e.kind === 'road_reconstruction';
		if (gap <= (recon ? MORATORIUM_RECON_DAYS : REPEAT_DAYS) + 30) return true;
	}
	for (const h of HISTORIC) {
		if (h.ring.length && (touchesPolygon(c.geom, h.ring, c.area) || polylineDist(c.area ? [...c.geom, c.geom[0]] : c.geom, [...h.ring, h.ring[0]]) < 8))
			return true;
	}
	for (const z of exclusion) if (c.geom.some((p) => dist(p, z.centre) < z.r)) return true;
	// a work touching a neighbourhood must serve it and fit its renovation window while that is planned or running
	const cb = bboxOf(c.geom, 2);
	for (const nb of nbs) {
		if (!bboxMeet(cb, bboxOf(nb.ring))) continue;
		if (!touchesPolygon(c.geom, nb.ring, c.area) && polylineDist(c.area ? [...c.geom, c.geom[0]] : c.geom, [...nb.ring, nb.ring[0]]) > 2) continue;
		if (c.neighbourhood_id !== nb.id) return true;
		const open = nb.end >= TODAY;
		if (open && (c.start < nb.start || c.end > nb.end)) return true;
	}
	return false;
}

// ---------------------------------------------------------------------------------------------
// Output helpers
// ---------------------------------------------------------------------------------------------

function closeRing(r: LonLat[]): LonLat[] {
	const out = r.filter((p, i) => i === 0 || p[0] !== r[i - 1][0] || p[1] !== r[i - 1][1]);
	if (out[0][0] !== out[out.length - 1][0] || out[0][1] !== out[out.length - 1][1]) out.push(out[0]);
	return out;
}
/** Exterior rings counter-clockwise (RFC 7946 §3.1.6). */
function ccw(r: LonLat[]): LonLat[] {
	const xy = r.map(toXY);
	return ringArea(xy) < 0 ? [...r].reverse() : r;
}
const mpFromLonLat = (rings: LonLat[][]) => ({ type: 'MultiPolygon', coordinates: rings.map((r) => [closeRing(ccw(r))]) });
const mpFromXY = (ringXY: XY[]) => mpFromLonLat([ringXY.map(toLonLat)]);

function featureCollection(features: object[]): string {
	return `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}
function writeOut(name: string, text: string) {
	writeFileSync(join(OUT_DIR, name), text);
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

function main() {
	mkdirSync(OUT_DIR, { recursive: true });

	// ---- streets ----
	const { vLines, hLines } = buildGrid();
	const streets = buildStreets(vLines, hLines);
	const blocks = buildBlocks(streets);
	const streetsByLine = new Map<GridLine, Street[]>();
	for (const s of streets) if (s.line) (streetsByLine.get(s.line) ?? streetsByLine.set(s.line, []).get(s.line)!).push(s);

	/** the street piece (and arc length) where a grid line passes running coordinate t */
	function streetAt(line: GridLine, t: number): { street: Street; s: number } | null {
		for (const st of streetsByLine.get(line) ?? []) {
			const p = st.params!;
			if (t < p[0] || t > p[p.length - 1]) continue;
			for (let i = 1; i < p.length; i++) {
				if (t <= p[i]) {
					const f = (t - p[i - 1]) / (p[i] - p[i - 1] || 1);
					return { street: st, s: st.cum[i - 1] + f * (st.cum[i] - st.cum[i - 1]) };
				}
			}
		}
		return null;
	}
	function blockAt(street: Street, s: number): Block | null {
		return blocks.find((b) => b.street === street && b.s0 <= s && s <= b.s1) ?? null;
	}
	function findBlock(name: string, nearLonLat: LonLat, minLen = 150): Block {
		const target = toXY(nearLonLat);
		let best: Block | null = null;
		let bestD = Infinity;
		for (const b of blocks) {
			if (b.street.name !== name || b.s1 - b.s0 < minLen) continue;
			const d = dist(pointAt(b.street.pts, b.street.cum, (b.s0 + b.s1) / 2), target);
			if (d < bestD) {
				bestD = d;
				best = b;
			}
		}
		if (!best || bestD > 1500) throw new Error(`no block of ${name} near ${nearLonLat}`);
		return best;
	}

	// ---- historic districts that depend on the grid ----
	// ---- neighbourhoods ----
	const cells = buildCells(vLines, hLines);
	const dongli = HISTORIC.find((h) => h.id === 'hd-dongliji')!;

	const landCache = new Map<string, boolean>();
	const cellOnLand = (cell: Cell) => {
		if (!landCache.has(cell.key)) landCache.set(cell.key, rectRing(cell.x1, cell.y1, cell.x2, cell.y2, 20).map(warp).every(streetLand));
		return landCache.get(cell.key)!;
	};
	interface Candidate {
		cell: Cell;
		rect: { x1: number; x2: number; y1: number; y2: number };
		ring: XY[];
		districtIdx: number;
		subIdx: number;
	}
	function candidateFor(cell: Cell, r: Rng, big: boolean): Candidate | null {
		const [S, E, N, W] = cell.sides;
		const cx = (cell.x1 + cell.x2) / 2;
		const cy = (cell.y1 + cell.y2) / 2;
		let x1 = cell.x1 + INSET[classAt(W, cy)];
		let x2 = cell.x2 - INSET[classAt(E, cy)];
		let y1 = cell.y1 + INSET[classAt(S, cx)];
		let y2 = cell.y2 - INSET[classAt(N, cx)];
		const maxSide = big ? 400 : r.float(220, 380);
		if (x2 - x1 > maxSide) {
			if (r.chance(0.5)) x2 = x1 + maxSide;
			else x1 = x2 - maxSide;
		}
		if (y2 - y1 > maxSide) {
			if (r.chance(0.5)) y2 = y1 + maxSide;
			else y1 = y2 - maxSide;
		}
		if (x2 - x1 < 100 || y2 - y1 < 100) return null;
		// the whole cell, with its streets, must be on land
		if (!cellOnLand(cell)) return null;
		// an L-shaped notch in one corner for some blocks
		let corners: XY[] = [
			[x1, y1],
			[x2, y1],
			[x2, y2],
			[x1, y2]
		];
		if (!big && r.chance(0.35)) {
			// replace one corner by an inward step: an L-shaped block
			const k = r.int(0, 3);
			const c = corners[k];
			const prev = corners[(k + 3) % 4];
			const next = corners[(k + 1) % 4];
			const fa = r.float(0.25, 0.45);
			const fb = r.float(0.25, 0.45);
			const A: XY = [c[0] + (prev[0] - c[0]) * fa, c[1] + (prev[1] - c[1]) * fa];
			const C: XY = [c[0] + (next[0] - c[0]) * fb, c[1] + (next[1] - c[1]) * fb];
			const B: XY = [A[0] + C[0] - c[0], A[1] + C[1] - c[1]];
			corners = [...corners.slice(0, k), A, B, C, ...corners.slice(k + 1)];
		}
		const ringXY = polyRing(corners, 40).map(warp);
		if (!ringXY.every(blockLand)) return null;
		const d = districtOf(ringXY[0]);
		if (d < 0 || !ringXY.every((p) => DISTRICT_RINGS_XY[d].some((rr) => pointInRing(p, rr)))) return null;
		let sub = -1;
		if (DISTRICTS[d].code === '360403') {
			sub = subDistrictOf(ringXY[0]);
			if (sub < 0 || !ringXY.every((p) => pointInRing(p, SUB_RINGS_XY[sub]))) return null;
		}
		if (touchesPolygon(ringXY, dongli.ring, true)) return null;
		return { cell, rect: { x1, x2, y1, y2 }, ring: ringXY, districtIdx: d, subIdx: sub };
	}

	const usedCells = new Set<string>();
	const nbs: Neighbourhood[] = [];
	const districtIdxByName = (n: string) => DISTRICTS.findIndex((d) => d.name === n);
	const subIdxByShort = (n: string) => SUB_DISTRICTS.findIndex((s) => s.short === n);

	function pickCell(filter: (c: Candidate) => boolean, near: XY | undefined, big: boolean): Candidate {
		const options: Candidate[] = [];
		for (const cell of cells) {
			if (usedCells.has(cell.key)) continue;
			const c = candidateFor(cell, rngNb, big);
			if (c && filter(c)) options.push(c);
		}
		if (!options.length) throw new Error('no free cell');
		if (near) {
			options.sort(
				(a, b) =>
					dist(warp([(a.rect.x1 + a.rect.x2) / 2, (a.rect.y1 + a.rect.y2) / 2]), near) -
					dist(warp([(b.rect.x1 + b.rect.x2) / 2, (b.rect.y1 + b.rect.y2) / 2]), near)
			);
			return options[0];
		}
		if (big) {
			options.sort((a, b) => (b.rect.x2 - b.rect.x1) * (b.rect.y2 - b.rect.y1) - (a.rect.x2 - a.rect.x1) * (a.rect.y2 - a.rect.y1));
			return options[rngNb.int(0, Math.min(2, options.length - 1))];
		}
		return rngNb.pick(options);
	}

	const COUNTY_LEADERS: Record<string, string[]> = {};
	for (const d of DISTRICTS) COUNTY_LEADERS[d.code] = Array.from({ length: 5 }, () => personName(rngPeople));
	const HOUSING_LEADERS = Array.from({ length: 6 }, () => personName(rngPeople));
	const SUB_HOTLINES = SUB_DISTRICTS.map(() => localPhone(rngPeople));
	const DISTRICT_HOTLINES = DISTRICTS.map(() => localPhone(rngPeople));

	const nbSeq: Record<string, number> = {};
	const usedNames = new Set<string>();

	function statusForBatch(batch: number, r: Rng): NbStatus {
		if (batch <= 2022) return r.chance(0.9) ? 'accepted' : 'completed';
		if (batch === 2023) return r.chance(0.7) ? 'accepted' : 'completed';
		if (batch === 2024) return r.chance(0.5) ? 'accepted' : 'completed';
		if (batch === 2025)
			return r.weighted([
				['completed', 4],
				['under_construction', 6]
			] as const);
		return r.weighted([
			['under_construction', 4],
			['approved', 3.5],
			['planned', 2.5]
		] as const);
	}
	function windowFor(batch: number, status: NbStatus, r: Rng): [number, number] {
		let start: number;
		let len: number;
		switch (status) {
			case 'accepted':
			case 'completed': {
				start = day(`${batch}-03-01`) + r.int(0, 150);
				len = r.int(120, 300);
				const latest = TODAY - (status === 'accepted' ? 75 : 10);
				if (start + len > latest) len = Math.max(60, latest - start);
				break;
			}
			case 'under_construction':
				start = Math.min(TODAY - 20, day(`${batch}-03-01`) + r.int(0, batch === 2026 ? 220 : 300));
				len = Math.max(TODAY + 30 - start, r.int(200, 330));
				if (start + len < TODAY + 20) len = TODAY + 20 - start + r.int(30, 150);
				break;
			case 'approved':
				start = day('2027-01-04') + r.int(0, 120);
				len = r.int(150, 280);
				break;
			case 'planned':
				start = day('2027-03-01') + r.int(0, 180);
				len = r.int(160, 300);
				break;
		}
		return [start, start + len];
	}
	function itemsFor(r: Rng): Item[] {
		const items = new Set<Item>();
		if (r.chance(0.72)) items.add('pipes_underground');
		if (r.chance(0.7)) items.add('rain_sewage_separation');
		if (r.chance(0.55)) items.add('gas_to_homes');
		if (r.chance(0.6)) items.add('fibre_to_homes');
		if (!items.size) items.add(r.pick(['pipes_underground', 'rain_sewage_separation', 'gas_to_homes', 'fibre_to_homes'] as const));
		const others = RENOVATION_ITEMS.slice(4);
		const n = r.int(2, 6);
		for (let i = 0; i < n; i++) items.add(r.pick(others));
		return RENOVATION_ITEMS.filter((i) => items.has(i));
	}
	const NOTES_NB = [
		'顶楼屋面防水奖补申请已受理，待部门核实。',
		'化粪池堵塞投诉多，需与三峡公司排水方案同步。',
		'居民对停车位方案意见较大，需二次入户征求意见。',
		'违建拆除已完成，腾出场地用于绿化和停车。',
		'加装电梯意愿征集中，已有两个单元达成一致。',
		'架空线杂乱，需电力、通信同步入地，避免二次开挖。',
		'燃气入户需逐户签约，签约率未达80%。',
		'雨污混接点较多，改造前需CCTV管道检测。',
		'与城区水环境治理项目打捆实施。',
		'老年住户多，施工期间需保障出行通道。'
	];

	function makeNb(c: Candidate, real: RealNb | null, r: Rng): Neighbourhood {
		usedCells.add(c.cell.key);
		const d = DISTRICTS[c.districtIdx];
		const seq = (nbSeq[d.code] = (nbSeq[d.code] ?? 0) + 1);
		const id = `nb-${d.code}-${String(seq).padStart(3, '0')}`;
		const [S, E, N, W] = c.cell.sides;
		const cx = (c.rect.x1 + c.rect.x2) / 2;
		const cy = (c.rect.y1 + c.rect.y2) / 2;
		const sideNames = [nameAt(S, cx), nameAt(E, cy), nameAt(N, cx), nameAt(W, cy)];
		const mainStreet = r.pick(sideNames);
		const houseNo = r.int(1, 60) * 2 + (r.chance(0.5) ? 1 : 0);
		let name = real?.name ?? '';
		if (!name) {
			for (let attempt = 0; attempt < 20 && (!name || usedNames.has(name)); attempt++) {
				const pattern = r.weighted([
					['street', 3],
					['factory', 4],
					['place', 4]
				] as const);
				if (pattern === 'street') name = `${mainStreet}${houseNo}号院`;
				else if (pattern === 'factory') name = `${r.pick(FACTORIES)}${r.pick(['宿舍', '宿舍', '家属区', '生活区'])}`;
				else name = `${r.pick(NAME_PREFIX_PLACES)}${r.pick(KIND_SUFFIX)}`;
			}
		}
		usedNames.add(name);
		const batch = real?.batch ?? 0;
		const status = real?.status ?? (real ? statusForBatch(batch, r) : 'accepted');
		const area = Math.abs(ringArea(c.ring));
		const households = real?.households ?? Math.max(30, Math.min(3000, Math.round((area / 10000) * r.float(60, 140))));
		const buildings = real?.buildings ?? Math.max(1, Math.min(60, Math.round(households / r.float(24, 48))));
		const sub = c.subIdx >= 0 ? SUB_DISTRICTS[c.subIdx] : null;
		const address =
			real?.address === JKQ
				? `${JKQ}（${d.name}${sub ? sub.name : ''}）${mainStreet}${houseNo}号`
				: real?.address
					? `${d.name}${sub ? sub.name : ''}${real.address}`
					: `${d.name}${sub ? sub.name : ''}${mainStreet}${houseNo}号`;
		const mode =
			real?.mode ??
			r.weighted([
				['property_company', 5],
				['community', 3],
				['owners_self_governance', 2]
			] as const);
		const feeRange: Record<typeof mode, [number, number]> = {
			property_company: [72, 97],
			community: [40, 85],
			owners_self_governance: [55, 93]
		};
		const fee = real?.fee ?? r2(r.float(...feeRange[mode]));
		return {
			id,
			districtIdx: c.districtIdx,
			subIdx: c.subIdx,
			name,
			address,
			ring: c.ring,
			rect: c.rect,
			cell: c.cell,
			built_year: real?.built ?? r.int(1965, 1999),
			buildings,
			households,
			batch_year: batch,
			status,
			items: itemsFor(r),
			start: real ? day(real.start) : 0,
			end: real ? day(real.end) : 0,
			county_leader: r.pick(COUNTY_LEADERS[d.code]),
			housing_leader: r.pick(HOUSING_LEADERS),
			community_cadre: personName(rngPeople),
			community_cadre_phone: localPhone(rngPeople),
			hotline: r.chance(0.3) ? '0792-12345' : sub ? SUB_HOTLINES[c.subIdx] : DISTRICT_HOTLINES[c.districtIdx],
			management_mode: mode,
			fee_collection_rate: fee,
			rain_sewage_state: 'combined',
			internal_note: real?.note ?? (r.chance(0.55) ? r.pick(NOTES_NB) : null)
		};
	}

	// real ones first, where their sources put them
	for (const real of REAL_NBS) {
		const sub = real.where.sub ? subIdxByShort(real.where.sub) : -1;
		const dist_ = real.where.district ? districtIdxByName(real.where.district) : -1;
		const near = real.where.near ? warp(real.where.near) : undefined;
		const c = pickCell((c) => (sub >= 0 ? c.subIdx === sub : c.districtIdx === dist_), near, !!real.big);
		nbs.push(makeNb(c, real, rngNb));
	}
	const xingshu = nbs.find((n) => n.name === '行署大院')!;
	HISTORIC.find((h) => h.id === 'hd-xingshu-dayuan')!.ring = rectRing(
		xingshu.rect.x1 - 4,
		xingshu.rect.y1 - 4,
		xingshu.rect.x2 + 4,
		xingshu.rect.y2 + 4,
		40
	).map(warp);

	// neighbourhoods in the 庾亮南路 historic district (east of 甘棠湖)
	const yuliang = HISTORIC.find((h) => h.id === 'hd-yuliang-nanlu')!;
	for (const label of ['能仁寺巷宿舍', '庾亮南路老城区小区']) {
		const c = pickCell((c) => touchesPolygon(c.ring, yuliang.ring, true), undefined, false);
		const nb = makeNb(c, null, rngNb);
		nb.name = label;
		usedNames.add(label);
		nbs.push(nb);
	}

	// invented ones, spread over the districts and sub-districts
	const TARGET_TOTAL = 140;
	const subQuota: Record<string, number> = { 甘棠: 9, 湓浦: 7, 人民路: 10, 白水湖: 10, 金鸡坡: 7, 八里湖: 7, 向阳: 14, 滨兴: 12 };
	const countIn = (pred: (n: Neighbourhood) => boolean) => nbs.filter(pred).length;
	for (const [short, quota] of Object.entries(subQuota)) {
		const si = subIdxByShort(short);
		while (countIn((n) => n.subIdx === si) < quota) {
			try {
				nbs.push(
					makeNb(
						pickCell((c) => c.subIdx === si, undefined, false),
						null,
						rngNb
					)
				);
			} catch {
				break;
			}
		}
	}
	const chaisang = districtIdxByName('柴桑区');
	while (countIn((n) => n.districtIdx === chaisang) < 7) {
		try {
			nbs.push(
				makeNb(
					pickCell((c) => c.districtIdx === chaisang, undefined, false),
					null,
					rngNb
				)
			);
		} catch {
			break;
		}
	}
	const lianxi = districtIdxByName('濂溪区');
	while (nbs.length < TARGET_TOTAL)
		nbs.push(
			makeNb(
				pickCell((c) => c.districtIdx === lianxi, undefined, false),
				null,
				rngNb
			)
		);

	// batch years, statuses and windows for the invented ones
	const invented = nbs.filter((n) => n.batch_year === 0);
	const batchPlan: [number, number][] = [
		[2019, 5],
		[2020, 12],
		[2021, 16],
		[2022, 15],
		[2023, 12],
		[2024, 13],
		[2025, 16],
		[2026, 21]
	];
	const batches: number[] = [];
	for (const [y, n] of batchPlan) for (let i = 0; i < n; i++) batches.push(y);
	while (batches.length < invented.length) batches.push(2026);
	rngNb.shuffle(batches);
	invented.forEach((nb, i) => {
		nb.batch_year = batches[i];
		nb.status = statusForBatch(nb.batch_year, rngNb);
		[nb.start, nb.end] = windowFor(nb.batch_year, nb.status, rngNb);
	});
	// 2026 must have some of every open status
	const ensureStatus = (s: NbStatus, batch: number) => {
		if (!nbs.some((n) => n.status === s)) {
			const nb = invented.find((n) => n.batch_year === batch && n.status !== 'accepted')!;
			nb.status = s;
			[nb.start, nb.end] = windowFor(batch, s, rngNb);
		}
	};
	for (const s of ['planned', 'approved', 'under_construction', 'completed', 'accepted'] as NbStatus[]) ensureStatus(s, 2026);
	// the real ones: status from their dates unless given
	for (const nb of nbs) {
		if (!REAL_NBS.some((r) => r.name === nb.name)) continue;
		if (nb.end >= TODAY) nb.status = nb.start <= TODAY ? 'under_construction' : 'approved';
	}

	// rain–sewage state follows items and status (DESIGN.md §2)
	for (const nb of nbs) {
		const rss = nb.items.includes('rain_sewage_separation');
		if (rss)
			nb.rain_sewage_state =
				nb.status === 'accepted' || nb.status === 'completed' ? 'separated' : nb.status === 'under_construction' ? 'separating' : 'combined';
		else nb.rain_sewage_state = rngNb.chance(0.55) ? 'separated' : 'combined';
	}
	// order: by district, then id
	nbs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

	// ---- works ----
	const index = new WorkIndex();
	const addWork = (w: Omit<Work, 'bbox'>) => {
		const full = { ...w, bbox: bboxOf(w.geom) } as Work;
		index.add(full);
		return full;
	};
	const blockPlace = (b: Block) => {
		const base = b.street.name;
		return b.from && b.to ? `${base}（${b.from}至${b.to}段）` : b.from || b.to ? `${base}（${b.from || b.to}附近）` : base;
	};
	const lineOn = (b: Block, s0: number, s1: number, offset: number) => subLine(b.street.pts, b.street.cum, s0, s1, offset);
	const exclusion: { centre: XY; r: number }[] = [];

	type ScenarioWork = {
		block: Block;
		/** fraction of the block (0..1) */
		f0: number;
		f1: number;
		offset: number;
		organisation: string;
		utility: Utility;
		kind: WorkKind;
		start: string;
		end: string;
		status: WorkStatus;
		title?: string;
		note?: string;
		nb?: string;
	};
	type Expected = { kind: string; a: string; b?: string };
	/** expect: conflicts the rules must find; exempt: a rule that would apply but an exemption lifts */
	const scenarios: { key: string; rule: string; summary: string; titles: string[]; expect: Expected[]; exempt?: Expected[]; point: LonLat; street: string }[] =
		[];

	function scenarioWork(key: string, sw: ScenarioWork): Work {
		const b = sw.block;
		const len = b.s1 - b.s0;
		const s0 = b.s0 + len * sw.f0;
		const s1 = b.s0 + len * sw.f1;
		const geom = lineOn(b, s0, s1, sw.offset);
		const u = rngWork;
		const w: Omit<Work, 'bbox'> = {
			organisation: sw.organisation,
			utility: sw.utility,
			kind: sw.kind,
			title: sw.title ?? workTitle(blockPlace(b), sw.organisation, sw.utility, sw.kind),
			description: '',
			width_m: r2(u.float(...WIDTH[sw.utility])),
			depth_m: r2(u.float(...DEPTH[sw.utility])),
			start: day(sw.start),
			end: day(sw.end),
			status: sw.status,
			emergency: sw.kind === 'emergency_repair',
			neighbourhood_id: sw.nb ?? null,
			internal_note: sw.note ?? null,
			geom,
			area: false,
			scenario: key
		};
		w.description = workDescription(w, lineLength(geom), u);
		return addWork(w);
	}
	const mid = (w: Work): LonLat => toLonLat(w.area ? w.geom[0] : pointAt(w.geom, cumulative(w.geom), lineLength(w.geom) / 2));

	// S1 time_overlap, 浔阳区 2025, gas × water on 湓浦路
	{
		const b = findBlock('湓浦路', [115.995, 29.7334]);
		const a = scenarioWork('time_overlap-xunyang-2025', {
			block: b,
			f0: 0.15,
			f1: 0.8,
			offset: 2,
			organisation: 'jj-water',
			utility: 'water',
			kind: 'replacement',
			start: '2025-04-07',
			end: '2025-05-30',
			status: 'restored'
		});
		const g = scenarioWork('time_overlap-xunyang-2025', {
			block: b,
			f0: 0.25,
			f1: 0.9,
			offset: -3,
			organisation: 'jj-gas',
			utility: 'gas',
			kind: 'new_pipe',
			start: '2025-05-12',
			end: '2025-06-20',
			status: 'restored'
		});
		scenarios.push({
			key: 'time_overlap-xunyang-2025',
			rule: 'time_overlap',
			summary: '浔阳区湓浦路：自来水公司与燃气公司2025年5月同段施工，窗口重叠（2025-05-12至2025-05-30）',
			titles: [a.title, g.title],
			expect: [{ kind: 'time_overlap', a: a.title, b: g.title }],
			point: mid(a),
			street: '湓浦路'
		});
	}
	// S2 time_overlap, 濂溪区 running now, power × mobile on 前进东路
	{
		const b = findBlock('前进东路', [116.012, 29.6887]);
		const p = scenarioWork('time_overlap-lianxi-now', {
			block: b,
			f0: 0.1,
			f1: 0.75,
			offset: -2.5,
			organisation: 'jj-power',
			utility: 'power',
			kind: 'cable_undergrounding',
			start: '2026-10-12',
			end: '2026-12-18',
			status: 'in_progress'
		});
		const m = scenarioWork('time_overlap-lianxi-now', {
			block: b,
			f0: 0.3,
			f1: 0.9,
			offset: 3,
			organisation: 'jj-mobile',
			utility: 'telecom',
			kind: 'new_pipe',
			start: '2026-11-23',
			end: '2027-01-08',
			status: 'approved'
		});
		scenarios.push({
			key: 'time_overlap-lianxi-now',
			rule: 'time_overlap',
			summary: '濂溪区前进东路：供电公司电力线缆入地（施工中）与移动公司通信管道新建窗口重叠',
			titles: [p.title, m.title],
			expect: [{ kind: 'time_overlap', a: p.title, b: m.title }],
			point: mid(p),
			street: '前进东路'
		});
	}
	// S3 time_overlap, 浔阳区 2025, power × telecom on 人民路
	{
		const b = findBlock('人民路', [116.008, 29.7388]);
		const p = scenarioWork('time_overlap-renminlu-2025', {
			block: b,
			f0: 0.1,
			f1: 0.85,
			offset: -3,
			organisation: 'jj-power',
			utility: 'power',
			kind: 'cable_undergrounding',
			start: '2025-09-01',
			end: '2025-11-28',
			status: 'restored'
		});
		const t = scenarioWork('time_overlap-renminlu-2025', {
			block: b,
			f0: 0.2,
			f1: 0.6,
			offset: 2,
			organisation: 'jj-telecom',
			utility: 'telecom',
			kind: 'new_pipe',
			start: '2025-10-08',
			end: '2025-10-31',
			status: 'restored'
		});
		scenarios.push({
			key: 'time_overlap-renminlu-2025',
			rule: 'time_overlap',
			summary: '浔阳区人民路：供电公司与电信公司2025年10月同段施工',
			titles: [p.title, t.title],
			expect: [{ kind: 'time_overlap', a: p.title, b: t.title }],
			point: mid(t),
			street: '人民路'
		});
	}
	// S4 repeat_excavation: water 2023 then drainage 2025 on 塔岭南路 (濂溪区)
	{
		const b = findBlock('塔岭南路', [116.015, 29.68]);
		const w1 = scenarioWork('repeat-talingnanlu', {
			block: b,
			f0: 0.15,
			f1: 0.85,
			offset: 2.5,
			organisation: 'jj-water',
			utility: 'water',
			kind: 'replacement',
			start: '2023-03-06',
			end: '2023-04-21',
			status: 'restored'
		});
		const w2 = scenarioWork('repeat-talingnanlu', {
			block: b,
			f0: 0.1,
			f1: 0.9,
			offset: -1.5,
			organisation: 'jj-drainage',
			utility: 'sewage',
			kind: 'rain_sewage_separation',
			start: '2025-03-10',
			end: '2025-06-30',
			status: 'restored'
		});
		scenarios.push({
			key: 'repeat-talingnanlu',
			rule: 'repeat_excavation',
			summary: '濂溪区塔岭南路：2023年更换供水管后，2025年同段再次开挖做雨污分流（相隔不足两年；更深的排水管后挖，也违反“先深后浅”）',
			titles: [w1.title, w2.title],
			expect: [
				{ kind: 'repeat_excavation', a: w1.title, b: w2.title },
				{ kind: 'sequence', a: w1.title, b: w2.title }
			],
			point: mid(w1),
			street: '塔岭南路'
		});
	}
	// S5 repeat_excavation in the future: gas 2026 then unicom 2027 on 西园路 (浔阳区 向阳)
	{
		const b = findBlock('西园路', [115.9752, 29.713]);
		const w1 = scenarioWork('repeat-xiyuanlu', {
			block: b,
			f0: 0.2,
			f1: 0.8,
			offset: -2,
			organisation: 'jj-gas',
			utility: 'gas',
			kind: 'new_pipe',
			start: '2026-03-02',
			end: '2026-04-10',
			status: 'restored'
		});
		const w2 = scenarioWork('repeat-xiyuanlu', {
			block: b,
			f0: 0.3,
			f1: 0.9,
			offset: 2.5,
			organisation: 'jj-unicom',
			utility: 'telecom',
			kind: 'new_pipe',
			start: '2027-05-10',
			end: '2027-05-31',
			status: 'submitted'
		});
		scenarios.push({
			key: 'repeat-xiyuanlu',
			rule: 'repeat_excavation',
			summary: '浔阳区西园路：2026年燃气管道新建后，联通公司申报2027年5月同段开挖',
			titles: [w1.title, w2.title],
			expect: [{ kind: 'repeat_excavation', a: w1.title, b: w2.title }],
			point: mid(w2),
			street: '西园路'
		});
	}
	// S6 moratorium after a road reconstruction (ended 2024-06), dig in 2026 (also a repeat excavation) — 九龙街
	{
		const b = findBlock('九龙街', [116.025, 29.7451], 250);
		const r0 = scenarioWork('moratorium-jiulongjie', {
			block: b,
			f0: 0.04,
			f1: 0.96,
			offset: 0,
			organisation: 'jj-municipal',
			utility: 'road',
			kind: 'road_reconstruction',
			start: '2023-09-04',
			end: '2024-06-28',
			status: 'restored'
		});
		const d1 = scenarioWork('moratorium-jiulongjie', {
			block: b,
			f0: 0.3,
			f1: 0.7,
			offset: 3.5,
			organisation: 'jj-mobile',
			utility: 'telecom',
			kind: 'new_pipe',
			start: '2026-03-16',
			end: '2026-04-10',
			status: 'restored'
		});
		scenarios.push({
			key: 'moratorium-jiulongjie',
			rule: 'moratorium',
			summary: '浔阳区九龙街：2024年6月完成道路改造，2026年3月移动公司在同段开挖（5年禁挖期内；相隔也不足3年，但禁挖期优先，只报禁挖期）',
			titles: [r0.title, d1.title],
			expect: [{ kind: 'moratorium', a: d1.title, b: r0.title }],
			point: mid(d1),
			street: '九龙街'
		});
	}
	// S7 pure moratorium (3–5 years after a reconstruction) + an emergency repair on the same reconstructed road — 浔南大道
	{
		const b1 = findBlock('浔南大道', [116.006, 29.6711], 300);
		// the next block along the same street
		const b2 =
			blocks.find((x) => x.street === b1.street && Math.abs(x.s0 - b1.s1) < 0.5 && x.s1 - x.s0 > 150) ??
			blocks.find((x) => x.street === b1.street && Math.abs(x.s1 - b1.s0) < 0.5)!;
		const rA = scenarioWork('moratorium-xunnandadao', {
			block: b1,
			f0: 0.02,
			f1: 0.98,
			offset: 0,
			organisation: 'jj-municipal',
			utility: 'road',
			kind: 'road_reconstruction',
			start: '2022-03-01',
			end: '2022-10-31',
			status: 'restored',
			title: `浔南大道道路改造（${b1.from}至${b1.to}段）`
		});
		const rB = scenarioWork('moratorium-xunnandadao', {
			block: b2,
			f0: 0.02,
			f1: 0.98,
			offset: 0,
			organisation: 'jj-municipal',
			utility: 'road',
			kind: 'road_reconstruction',
			start: '2022-03-01',
			end: '2022-10-31',
			status: 'restored',
			title: `浔南大道道路改造（${b2.from}至${b2.to}段）`
		});
		const dig = scenarioWork('moratorium-xunnandadao', {
			block: b1,
			f0: 0.25,
			f1: 0.7,
			offset: 3,
			organisation: 'jj-water',
			utility: 'water',
			kind: 'new_pipe',
			start: '2026-04-06',
			end: '2026-05-15',
			status: 'restored'
		});
		const em = scenarioWork('moratorium-xunnandadao', {
			block: b2,
			f0: 0.45,
			f1: 0.5,
			offset: -3,
			organisation: 'jj-gas',
			utility: 'gas',
			kind: 'emergency_repair',
			start: '2026-11-26',
			end: '2026-11-28',
			status: 'backfilled',
			note: '中压管道泄漏，11月26日夜间抢修，27日上午已补办登记。'
		});
		scenarios.push({
			key: 'moratorium-xunnandadao',
			rule: 'moratorium',
			summary:
				'濂溪区浔南大道：2022年10月完成道路改造；2026年4月自来水公司同段开挖（3.4年后，仅禁挖期）；2026年11月燃气公司在相邻一段抢修：在禁挖期内但应急抢修豁免（条例第35条），不报冲突，须24小时内补登记并标注待复核',
			titles: [rA.title, rB.title, dig.title, em.title],
			expect: [{ kind: 'moratorium', a: dig.title, b: rA.title }],
			exempt: [{ kind: 'moratorium', a: em.title, b: rB.title }],
			point: mid(dig),
			street: '浔南大道'
		});
	}
	// S8 moratorium after a road major repair (3 y) — 长虹大道 (浔阳区 人民路街道)
	{
		const b = findBlock('长虹大道', [116.0036, 29.736]);
		const rr = scenarioWork('moratorium-changhong', {
			block: b,
			f0: 0.05,
			f1: 0.95,
			offset: 0,
			organisation: 'jj-urban-management',
			utility: 'road',
			kind: 'road_major_repair',
			start: '2025-04-07',
			end: '2025-06-13',
			status: 'restored'
		});
		const g = scenarioWork('moratorium-changhong', {
			block: b,
			f0: 0.35,
			f1: 0.75,
			offset: -3.5,
			organisation: 'jj-gas',
			utility: 'gas',
			kind: 'replacement',
			start: '2026-08-03',
			end: '2026-09-11',
			status: 'restored'
		});
		scenarios.push({
			key: 'moratorium-changhong',
			rule: 'moratorium',
			summary: '浔阳区长虹大道：2025年6月完成道路大修，2026年8月燃气公司同段开挖（3年禁挖期内；禁挖期优先于重复开挖）',
			titles: [rr.title, g.title],
			expect: [{ kind: 'moratorium', a: g.title, b: rr.title }],
			point: mid(g),
			street: '长虹大道'
		});
	}
	// S9 historic districts
	{
		const yl = yuliang.ring;
		const ylCentre: XY = [yl.reduce((s, p) => s + p[0], 0) / yl.length, yl.reduce((s, p) => s + p[1], 0) / yl.length];
		// along 庾亮南路 through the district, crossing 同文路
		const st = streets.find((s) => s.name === '庾亮南路' && s.pts.some((p) => dist(p, ylCentre) < 300))!;
		const a = streetAt(st.line!, 1490)!;
		const bb = streetAt(st.line!, 2060)!;
		const geomA = subLine(st.pts, st.cum, a.s, bb.s, -2);
		const wA: Omit<Work, 'bbox'> = {
			organisation: 'jj-drainage',
			utility: 'sewage',
			kind: 'rain_sewage_separation',
			title: '庾亮南路（历史文化街区段）雨污分流改造（污水管）',
			description: '',
			width_m: 1.8,
			depth_m: 3.2,
			start: day('2024-03-04'),
			end: day('2024-07-31'),
			status: 'restored',
			emergency: false,
			neighbourhood_id: null,
			internal_note: '历史文化街区内施工，已报文物部门审查，人工开挖为主。',
			geom: geomA,
			area: false,
			scenario: 'historic-yuliang'
		};
		wA.description = workDescription(wA, lineLength(geomA), rngWork);
		const A = addWork(wA);
		// along 同文路 inside the district, east of 庾亮南路
		const tw = streets.find((s) => s.name === '同文路' && s.pts.some((p) => dist(p, ylCentre) < 400))!;
		const c0 = streetAt(tw.line!, -200)!;
		const c1 = streetAt(tw.line!, -40)!;
		const geomB = subLine(tw.pts, tw.cum, c0.s, c1.s, 2);
		const wB: Omit<Work, 'bbox'> = {
			organisation: 'jj-telecom',
			utility: 'telecom',
			kind: 'fibre_to_homes',
			title: '同文路（历史文化街区段）光纤入户（九江电信）',
			description: '',
			width_m: 0.5,
			depth_m: 0.7,
			start: day('2027-04-06'),
			end: day('2027-04-30'),
			status: 'submitted',
			emergency: false,
			neighbourhood_id: null,
			internal_note: null,
			geom: geomB,
			area: false,
			scenario: 'historic-yuliang'
		};
		wB.description = workDescription(wB, lineLength(geomB), rngWork);
		const B = addWork(wB);
		scenarios.push({
			key: 'historic-yuliang',
			rule: 'historic_district',
			summary: '庾亮南路历史文化街区：三峡水环境公司沿庾亮南路雨污分流（2024，已完成）；电信公司同文路光纤入户（2027，已申报）',
			titles: [A.title, B.title],
			expect: [
				{ kind: 'historic_district', a: A.title, b: '庾亮南路历史文化街区' },
				{ kind: 'historic_district', a: B.title, b: '庾亮南路历史文化街区' }
			],
			point: mid(B),
			street: '庾亮南路 / 同文路'
		});
		// 动力机厂: along 九动路 across the district
		const dl = streets.find((s) => s.name === '九动路')!;
		const d0 = streetAt(dl.line!, -150)!;
		const d1 = streetAt(dl.line!, 400)!;
		const geomC = subLine(dl.pts, dl.cum, d0.s, d1.s, -2);
		const wC: Omit<Work, 'bbox'> = {
			organisation: 'jj-power',
			utility: 'power',
			kind: 'cable_undergrounding',
			title: '九动路（动力机厂历史文化街区段）电力线缆入地',
			description: '',
			width_m: 1.2,
			depth_m: 1.2,
			start: day('2026-05-11'),
			end: day('2026-07-10'),
			status: 'restored',
			emergency: false,
			neighbourhood_id: null,
			internal_note: '厂区工业遗存周边，禁止大型机械。',
			geom: geomC,
			area: false,
			scenario: 'historic-dongliji'
		};
		wC.description = workDescription(wC, lineLength(geomC), rngWork);
		const C = addWork(wC);
		// a small area work (valve chamber) inside the district
		const dc = dongli.ring;
		const dcx = dc.reduce((s, p) => s + p[0], 0) / dc.length;
		const dcy = dc.reduce((s, p) => s + p[1], 0) / dc.length;
		const pit: XY[] = [
			[dcx + 60, dcy + 60],
			[dcx + 72, dcy + 60],
			[dcx + 72, dcy + 68],
			[dcx + 60, dcy + 68]
		];
		const wD: Omit<Work, 'bbox'> = {
			organisation: 'jj-water',
			utility: 'water',
			kind: 'new_pipe',
			title: '九动梦工厂园区供水阀门井新建',
			description: '新建供水阀门井及园区给水接驳，开挖面积约100平方米。',
			width_m: 1,
			depth_m: 2.2,
			start: day('2027-03-15'),
			end: day('2027-04-09'),
			status: 'approved',
			emergency: false,
			neighbourhood_id: null,
			internal_note: null,
			geom: pit,
			area: true,
			scenario: 'historic-dongliji'
		};
		const D = addWork(wD);
		scenarios.push({
			key: 'historic-dongliji',
			rule: 'historic_district',
			summary: '动力机厂历史文化街区：供电公司九动路电力线缆入地（2026，已完成）；自来水公司园区阀门井（2027，已批准，面状作业）',
			titles: [C.title, D.title],
			expect: [
				{ kind: 'historic_district', a: C.title, b: '动力机厂历史文化街区' },
				{ kind: 'historic_district', a: D.title, b: '动力机厂历史文化街区' }
			],
			point: mid(C),
			street: '九动路'
		});
	}
	// S10 sequence: a joint group on 白水湖路 (浔阳区) where telecom and road go before drainage
	{
		const b = findBlock('白水湖路', [116.0253, 29.7385]);
		const t = scenarioWork('sequence-baishuihulu', {
			block: b,
			f0: 0.1,
			f1: 0.85,
			offset: 3,
			organisation: 'jj-telecom',
			utility: 'telecom',
			kind: 'cable_undergrounding',
			start: '2027-03-01',
			end: '2027-04-09',
			status: 'approved'
		});
		const d = scenarioWork('sequence-baishuihulu', {
			block: b,
			f0: 0.05,
			f1: 0.9,
			offset: -2,
			organisation: 'jj-drainage',
			utility: 'rain',
			kind: 'rain_sewage_separation',
			start: '2027-03-15',
			end: '2027-05-31',
			status: 'approved'
		});
		const r = scenarioWork('sequence-baishuihulu', {
			block: b,
			f0: 0.05,
			f1: 0.95,
			offset: 0,
			organisation: 'jj-municipal',
			utility: 'road',
			kind: 'road_major_repair',
			start: '2027-03-08',
			end: '2027-04-30',
			status: 'submitted'
		});
		scenarios.push({
			key: 'sequence-baishuihulu',
			rule: 'sequence',
			summary:
				'浔阳区白水湖路联合施工组（三者窗口两两重叠）：电信线缆入地（3月1日起）和道路大修（3月8日起）都先于最深的雨水管（3月15日—5月31日）开挖，道路在雨水管完工前铺面，违反“先深后浅、最后铺面”',
			titles: [t.title, d.title, r.title],
			expect: [
				{ kind: 'sequence', a: t.title, b: d.title },
				{ kind: 'sequence', a: r.title, b: d.title },
				{ kind: 'time_overlap', a: t.title, b: d.title },
				{ kind: 'time_overlap', a: d.title, b: r.title },
				{ kind: 'time_overlap', a: t.title, b: r.title }
			],
			point: mid(d),
			street: '白水湖路'
		});
	}
	// THE DEMO: gas on 浔阳路 next month, nothing else anywhere near
	{
		const b = findBlock('浔阳路', [116.001, 29.7225]);
		const g = scenarioWork('demo-xunyanglu-gas', {
			block: b,
			f0: 0.08,
			f1: 0.92,
			offset: -2.5,
			organisation: 'jj-gas',
			utility: 'gas',
			kind: 'replacement',
			start: '2027-01-04',
			end: '2027-02-05',
			status: 'approved',
			note: '春节前完工，需与沿线商户沟通。'
		});
		scenarios.push({
			key: 'demo-xunyanglu-gas',
			rule: 'time_overlap (demo)',
			summary:
				'演示：燃气公司浔阳路燃气管道改造，2027-01-04至2027-02-05（已批准）；该路段无供水作业。以自来水公司账号登录，在此处横穿浔阳路画一条沟槽（窗口与之重叠），即出现与燃气公司的时间重叠冲突',
			titles: [g.title],
			expect: [],
			point: mid(g),
			street: '浔阳路'
		});
		exclusion.push({ centre: toXY(mid(g)), r: 300 });
	}

	// S11 renovation_window: works inside open neighbourhoods but outside their windows
	{
		const inXunyang = (n: Neighbourhood) =>
			n.districtIdx === 0 && n.subIdx >= 0 && !REAL_NBS.some((r) => r.name === n.name) && !touchesPolygon(n.ring, yuliang.ring, true);
		const farFromScenarios = (n: Neighbourhood) => !index.works.some((w) => w.geom.some((p) => n.ring.some((q) => dist(p, q) < 120)));
		const inner = (n: Neighbourhood, f: number): XY[] => {
			const { x1, x2, y1, y2 } = n.rect;
			const y = y1 + (y2 - y1) * f;
			const pts = [warp([x1 + 30, y]), warp([x2 - 30, y])];
			return subLine(pts, cumulative(pts), 0, lineLength(pts), 0, 20);
		};
		/** a line across the compound, at least 25 m inside its boundary */
		const innerLine = (n: Neighbourhood): XY[] | null => {
			for (const f of [0.5, 0.35, 0.65, 0.25, 0.75]) {
				const g = inner(n, f);
				if (g.every((p) => pointInRing(p, n.ring)) && polylineDist(g, [...n.ring, n.ring[0]]) > 25) return g;
			}
			return null;
		};
		const uc = nbs.find((n) => inXunyang(n) && n.status === 'under_construction' && farFromScenarios(n) && innerLine(n));
		const pl = nbs.find((n) => inXunyang(n) && (n.status === 'planned' || n.status === 'approved') && n !== uc && farFromScenarios(n) && innerLine(n));
		if (!uc || !pl) throw new Error('no neighbourhood for the renovation_window scenario');
		uc.start = day('2026-08-03');
		uc.end = day('2027-04-30');
		uc.reserved = true;
		pl.status = 'planned';
		pl.start = day('2027-05-10');
		pl.end = day('2027-12-20');
		pl.reserved = true;
		const mk = (n: Neighbourhood, org: string, utility: Utility, kind: WorkKind, start: string, end: string, status: WorkStatus) => {
			const geom = innerLine(n)!;
			const w: Omit<Work, 'bbox'> = {
				organisation: org,
				utility,
				kind,
				title: workTitle(n.name, org, utility, kind),
				description: '',
				width_m: r2(rngWork.float(...WIDTH[utility])),
				depth_m: r2(rngWork.float(...DEPTH[utility])),
				start: day(start),
				end: day(end),
				status,
				emergency: false,
				neighbourhood_id: n.id,
				internal_note: null,
				geom,
				area: false,
				scenario: 'renovation_window'
			};
			w.description = workDescription(w, lineLength(geom), rngWork);
			return addWork(w);
		};
		const a = mk(uc, 'jj-gas', 'gas', 'gas_to_homes', '2027-06-07', '2027-07-16', 'submitted');
		const b = mk(pl, 'jj-water', 'water', 'replacement', '2027-02-22', '2027-03-26', 'approved');
		scenarios.push({
			key: 'renovation_window',
			rule: 'renovation_window',
			summary: `${uc.name}（施工中，改造窗口2026-08-03至2027-04-30）内的燃气入户排在窗口之后（2027-06-07起）；${pl.name}（计划，窗口2027-05-10至2027-12-20）内的供水管更换排在窗口之前（2027-02-22起）`,
			titles: [a.title, b.title],
			expect: [
				{ kind: 'renovation_window', a: a.title, b: uc.id },
				{ kind: 'renovation_window', a: b.title, b: pl.id }
			],
			point: mid(a),
			street: `${uc.name} / ${pl.name}`
		});
	}

	// ---- neighbourhood-serving works (within each renovation window) ----
	const TELECOMS = ['jj-telecom', 'jj-mobile', 'jj-unicom'];
	const nbWorkPlan = (nb: Neighbourhood): [string, Utility, WorkKind][] => {
		const plan: [string, Utility, WorkKind][] = [];
		if (nb.items.includes('rain_sewage_separation')) plan.push(['jj-drainage', rngWork.chance(0.6) ? 'sewage' : 'rain', 'rain_sewage_separation']);
		if (nb.items.includes('gas_to_homes')) plan.push(['jj-gas', 'gas', 'gas_to_homes']);
		if (nb.items.includes('fibre_to_homes')) plan.push([rngWork.pick(TELECOMS), 'telecom', 'fibre_to_homes']);
		if (nb.items.includes('pipes_underground'))
			plan.push(rngWork.chance(0.7) ? ['jj-power', 'power', 'cable_undergrounding'] : [rngWork.pick(TELECOMS), 'telecom', 'cable_undergrounding']);
		if (nb.items.includes('water_supply')) plan.push(['jj-water', 'water', 'replacement']);
		if (nb.items.includes('lighting') && rngWork.chance(0.4)) plan.push(['jj-urban-management', 'lighting', 'replacement']);
		if (nb.items.includes('road_paving') && rngWork.chance(0.35))
			plan.push(['jj-housing', 'road', rngWork.chance(0.5) ? 'road_reconstruction' : 'road_major_repair']);
		const max = nb.status === 'planned' ? 1 : nb.status === 'approved' ? 2 : 3;
		return plan.slice(0, max);
	};
	const drainageByNb = new Map<string, Work>();
	for (const nb of nbs) {
		if (nb.reserved) continue;
		const plan = nbWorkPlan(nb);
		const [S, E, N, W] = nb.cell.sides;
		const { x1, x2, y1, y2 } = nb.rect;
		// sides: the grid line, the running coordinate of the side midpoint, the inward direction (unwarped)
		const sides: { line: GridLine; t: number; inward: XY; edge: XY }[] = rngWork.shuffle([
			{ line: S, t: (x1 + x2) / 2, inward: [0, 1] as XY, edge: [(x1 + x2) / 2, y1] as XY },
			{ line: E, t: (y1 + y2) / 2, inward: [-1, 0] as XY, edge: [x2, (y1 + y2) / 2] as XY },
			{ line: N, t: (x1 + x2) / 2, inward: [0, -1] as XY, edge: [(x1 + x2) / 2, y2] as XY },
			{ line: W, t: (y1 + y2) / 2, inward: [1, 0] as XY, edge: [x1, (y1 + y2) / 2] as XY }
		]);
		let sideIdx = 0;
		for (const [org, utility, kind] of plan) {
			let placed = false;
			for (let tries = 0; tries < 4 && !placed; tries++, sideIdx++) {
				const side = sides[sideIdx % 4];
				const at = streetAt(side.line, side.t);
				if (!at) continue;
				const blk = blockAt(at.street, at.s);
				if (!blk || blk.s1 - blk.s0 < 90) continue;
				const st = at.street;
				// duration inside the window
				const [dMin, dMax] = DURATION[kind];
				const winLen = nb.end - nb.start;
				const dur = Math.min(winLen - 2, rngWork.int(dMin, dMax));
				if (dur < 1) continue;
				const start = nb.start + rngWork.int(0, Math.max(0, winLen - dur));
				const end = start + dur;
				const half = rngWork.float(30, 90);
				const sA = Math.max(blk.s0 + 28, at.s - half);
				const sB = Math.min(blk.s1 - 28, at.s + half);
				if (sB - sA < 25) continue;
				const offsetSign = (() => {
					// the side of the street the neighbourhood is on
					const n0 = normalAt(st.pts, st.cum, at.s);
					const c = warp([(x1 + x2) / 2, (y1 + y2) / 2]);
					const p = pointAt(st.pts, st.cum, at.s);
					return (c[0] - p[0]) * n0[0] + (c[1] - p[1]) * n0[1] > 0 ? 1 : -1;
				})();
				const off = offsetSign * rngWork.float(1.5, 4);
				let geom = subLine(st.pts, st.cum, sA, sB, off);
				const spur = kind === 'gas_to_homes' || kind === 'fibre_to_homes' || utility === 'water' || (kind === 'rain_sewage_separation' && rngWork.chance(0.5));
				const area = false;
				if (org === 'jj-housing') {
					// internal road of the compound: a strip well inside it
					const inner: XY[] = [
						[side.edge[0] + side.inward[0] * 45 - side.inward[1] * 40, side.edge[1] + side.inward[1] * 45 - side.inward[0] * 40],
						[side.edge[0] + side.inward[0] * 45 + side.inward[1] * 40, side.edge[1] + side.inward[1] * 45 + side.inward[0] * 40]
					];
					geom = subLine(inner.map(warp), cumulative(inner.map(warp)), 0, lineLength(inner.map(warp)), 0, 20);
				} else if (spur) {
					// a service connection from the street into the compound, then along the street
					const entry = subLine(st.pts, st.cum, at.s, at.s, off)[0];
					const inside = warp([side.edge[0] + side.inward[0] * 30, side.edge[1] + side.inward[1] * 30]);
					const along = sA < at.s - 5 ? subLine(st.pts, st.cum, at.s, sB, off) : subLine(st.pts, st.cum, sA, at.s, off).reverse();
					geom = [inside, ...subLine([inside, entry], [0, dist(inside, entry)], 0, dist(inside, entry), 0, 20).slice(1), ...along.slice(1)];
				}
				const w: Omit<Work, 'bbox'> = {
					organisation: org,
					utility,
					kind,
					title: workTitle(nb.name, org, utility, kind),
					description: '',
					width_m: r2(rngWork.float(...WIDTH[utility])),
					depth_m: r2(rngWork.float(...DEPTH[utility])),
					start,
					end,
					status: statusFor(start, end, kind, rngWork),
					emergency: false,
					neighbourhood_id: nb.id,
					internal_note: rngWork.chance(0.25) ? rngWork.pick(WORK_NOTES) : null,
					geom,
					area
				};
				if (org === 'jj-housing') w.width_m = r2(rngWork.float(3, 5));
				// works that serve a neighbourhood's renovation are not cancelled in the demo
				if (w.status === 'cancelled') w.status = end < TODAY ? 'restored' : 'submitted';
				w.description = workDescription(w, lineLength(geom), rngWork);
				const full = { ...w, bbox: bboxOf(geom) } as Work;
				if (wouldConflict(full, index, nbs, exclusion)) continue;
				index.add(full);
				if (kind === 'rain_sewage_separation') drainageByNb.set(nb.id, full);
				placed = true;
			}
		}
	}

	// ---- general street works, scattered in space and time ----
	type Mix = [string, Utility, WorkKind, number];
	const MIX: Mix[] = [
		['jj-water', 'water', 'new_pipe', 22],
		['jj-water', 'water', 'replacement', 40],
		['jj-water', 'water', 'emergency_repair', 14],
		['jj-drainage', 'rain', 'rain_sewage_separation', 18],
		['jj-drainage', 'sewage', 'rain_sewage_separation', 24],
		['jj-drainage', 'sewage', 'new_pipe', 8],
		['jj-drainage', 'rain', 'replacement', 6],
		['jj-drainage', 'sewage', 'emergency_repair', 5],
		['jj-gas', 'gas', 'new_pipe', 20],
		['jj-gas', 'gas', 'replacement', 22],
		['jj-gas', 'gas', 'emergency_repair', 8],
		['jj-power', 'power', 'cable_undergrounding', 24],
		['jj-power', 'power', 'new_pipe', 10],
		['jj-power', 'power', 'replacement', 8],
		['jj-power', 'lighting', 'replacement', 6],
		['jj-power', 'power', 'emergency_repair', 6],
		['jj-telecom', 'telecom', 'cable_undergrounding', 8],
		['jj-telecom', 'telecom', 'new_pipe', 6],
		['jj-telecom', 'telecom', 'emergency_repair', 2],
		['jj-mobile', 'telecom', 'cable_undergrounding', 7],
		['jj-mobile', 'telecom', 'new_pipe', 6],
		['jj-mobile', 'telecom', 'emergency_repair', 2],
		['jj-unicom', 'telecom', 'cable_undergrounding', 6],
		['jj-unicom', 'telecom', 'new_pipe', 5],
		['jj-unicom', 'telecom', 'replacement', 2],
		['jj-municipal', 'road', 'road_reconstruction', 14],
		['jj-municipal', 'road', 'road_major_repair', 12],
		['jj-municipal', 'rain', 'new_pipe', 9],
		['jj-municipal', 'lighting', 'new_pipe', 5],
		['jj-urban-management', 'road', 'road_major_repair', 12],
		['jj-urban-management', 'road', 'road_reconstruction', 7],
		['jj-urban-management', 'lighting', 'replacement', 9]
	];
	const TARGET_WORKS = 660;
	const usable = blocks.filter((b) => b.s1 - b.s0 >= 90);
	let guard = 0;
	while (index.works.length < TARGET_WORKS && guard++ < 40000) {
		const [org, utility, kind] = rngWork.weighted(MIX.map((m) => [m, m[3]] as const));
		const b = rngWork.pick(usable);
		if (kind === 'road_reconstruction' && b.street.cls === 'trunk' && org === 'jj-urban-management') continue;
		const room = b.s1 - b.s0 - 56;
		let len: number;
		switch (kind) {
			case 'emergency_repair':
				len = rngWork.float(8, 30);
				break;
			case 'road_reconstruction':
			case 'road_major_repair':
				len = room;
				break;
			case 'rain_sewage_separation':
			case 'cable_undergrounding':
				len = rngWork.float(0.5, 1) * room;
				break;
			default:
				len = rngWork.float(40, Math.max(45, Math.min(400, room)));
		}
		len = Math.min(len, room);
		if (len < 8) continue;
		const s0 = b.s0 + 28 + rngWork.float(0, room - len);
		const road = utility === 'road';
		const off = road ? 0 : (rngWork.chance(0.5) ? 1 : -1) * rngWork.float(0.5, 4);
		// start dates 2019-01 .. 2027-12, thinner in the far future; emergencies only up to today
		const startMax = kind === 'emergency_repair' ? TODAY - 1 : day('2027-12-31');
		// a planning tool looks ahead: 2026–2027 are denser than the past years
		const era =
			kind === 'emergency_repair'
				? 'past'
				: rngWork.weighted([
						['past', 62],
						['2026', 16],
						['2027', 22]
					] as const);
		const [lo, hi] =
			era === 'past'
				? [day('2019-01-02'), day('2025-12-31')]
				: era === '2026'
					? [day('2026-01-02'), day('2026-12-31')]
					: [day('2027-01-04'), day('2027-12-20')];
		let start = lo + rngWork.int(0, Math.min(hi, startMax) - lo);
		if (start > day('2027-07-01') && rngWork.chance(0.4)) start -= rngWork.int(100, 180);
		const [dMin, dMax] = DURATION[kind];
		const end = start + rngWork.int(dMin, dMax);
		let geom: XY[];
		let area = false;
		if (kind === 'emergency_repair' && rngWork.chance(0.5)) {
			// a pit: small rectangle on the street
			const sc = s0 + len / 2;
			const c = pointAt(b.street.pts, b.street.cum, sc);
			const n0 = normalAt(b.street.pts, b.street.cum, sc);
			const t0: XY = [n0[1], -n0[0]];
			const hl = rngWork.float(2, 4);
			const hw = rngWork.float(1.5, 2.5);
			const o = off;
			geom = [
				[c[0] + t0[0] * -hl + n0[0] * (o - hw), c[1] + t0[1] * -hl + n0[1] * (o - hw)],
				[c[0] + t0[0] * hl + n0[0] * (o - hw), c[1] + t0[1] * hl + n0[1] * (o - hw)],
				[c[0] + t0[0] * hl + n0[0] * (o + hw), c[1] + t0[1] * hl + n0[1] * (o + hw)],
				[c[0] + t0[0] * -hl + n0[0] * (o + hw), c[1] + t0[1] * -hl + n0[1] * (o + hw)]
			];
			area = true;
		} else geom = lineOn(b, s0, s0 + len, off);
		const w: Omit<Work, 'bbox'> = {
			organisation: org,
			utility,
			kind,
			title: workTitle(blockPlace(b), org, utility, kind),
			description: '',
			width_m: r2(rngWork.float(...WIDTH[utility])),
			depth_m: r2(rngWork.float(...DEPTH[utility])),
			start,
			end,
			status: statusFor(start, end, kind, rngWork),
			emergency: kind === 'emergency_repair',
			neighbourhood_id: null,
			internal_note: rngWork.chance(0.2) ? rngWork.pick(WORK_NOTES) : null,
			geom,
			area
		};
		if (area) w.width_m = r2(rngWork.float(2.5, 5));
		w.description = workDescription(w, area ? 10 : lineLength(geom), rngWork);
		const full = { ...w, bbox: bboxOf(geom) } as Work;
		if (wouldConflict(full, index, nbs, exclusion)) continue;
		index.add(full);
	}

	// ---- output ----
	const works = [...index.works].sort(
		(a, b) => a.start - b.start || a.end - b.end || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0) || a.geom[0][0] - b.geom[0][0]
	);

	writeOut(
		'districts.geojson',
		featureCollection(DISTRICTS.map((d) => ({ type: 'Feature', id: d.code, properties: { code: d.code, name: d.name }, geometry: mpFromLonLat(d.polygons) })))
	);
	writeOut(
		'sub_districts.geojson',
		featureCollection(
			SUB_DISTRICTS.map((s) => ({
				type: 'Feature',
				id: s.code,
				properties: { code: s.code, district_code: '360403', name: s.name },
				geometry: mpFromLonLat([s.polygon])
			}))
		)
	);
	writeOut(
		'streets.geojson',
		featureCollection(
			streets.map((s) => ({
				type: 'Feature',
				id: s.id,
				properties: { name: s.name, class: s.cls },
				geometry: { type: 'LineString', coordinates: s.pts.map(toLonLat) }
			}))
		)
	);
	writeOut(
		'neighbourhoods.geojson',
		featureCollection(
			nbs.map((n) => ({
				type: 'Feature',
				id: n.id,
				properties: {
					id: n.id,
					district_code: DISTRICTS[n.districtIdx].code,
					sub_district_code: n.subIdx >= 0 ? SUB_DISTRICTS[n.subIdx].code : null,
					name: n.name,
					address: n.address,
					built_year: n.built_year,
					buildings: n.buildings,
					households: n.households,
					batch_year: n.batch_year,
					status: n.status,
					renovation_items: n.items,
					renovation_start: iso(n.start),
					renovation_end: iso(n.end),
					county_leader: n.county_leader,
					housing_leader: n.housing_leader,
					community_cadre: n.community_cadre,
					community_cadre_phone: n.community_cadre_phone,
					hotline: n.hotline,
					management_mode: n.management_mode,
					fee_collection_rate: n.fee_collection_rate,
					rain_sewage_state: n.rain_sewage_state,
					internal_note: n.internal_note
				},
				geometry: mpFromXY(n.ring)
			}))
		)
	);
	writeOut(
		'historic_districts.geojson',
		featureCollection(
			HISTORIC.map((h) => ({
				type: 'Feature',
				id: h.id,
				properties: { id: h.id, name: h.name, protection_level: h.level, description: h.description },
				geometry: mpFromXY(h.ring)
			}))
		)
	);
	writeOut('organisations.json', JSON.stringify(ORGS, null, 2) + '\n');
	const accounts = [
		{ email: 'planner@demo.digonce.cn', password: DEMO_PASSWORD, role: 'planner', organisation: 'jj-housing', display_name: '演示·市老旧小区改造办规划员' },
		...ORGS.filter((o) => o.kind !== 'housing').map((o) => ({
			email: `${ACCOUNT_LOCAL[o.id]}@demo.digonce.cn`,
			password: DEMO_PASSWORD,
			role: 'utility',
			organisation: o.id,
			display_name: `演示·${o.short_name}`
		}))
	];
	writeOut('accounts.json', JSON.stringify(accounts, null, 2) + '\n');
	writeOut(
		'works.geojson',
		featureCollection(
			works.map((w, i) => {
				const coords = w.area ? [closeRing(ccw(w.geom.map(toLonLat)))] : w.geom.map(toLonLat);
				return {
					type: 'Feature',
					id: i + 1,
					properties: {
						organisation: w.organisation,
						utility: w.utility,
						kind: w.kind,
						title: w.title,
						description: w.description,
						width_m: w.width_m,
						depth_m: w.depth_m,
						start_date: iso(w.start),
						end_date: iso(w.end),
						status: w.status,
						emergency: w.emergency,
						neighbourhood_id: w.neighbourhood_id,
						internal_note: w.internal_note
					},
					geometry: { type: w.area ? 'Polygon' : 'LineString', coordinates: coords }
				};
			})
		)
	);
	// rain–sewage history: when each neighbourhood changed state
	const changes: { neighbourhood_id: string; state: RsState; since: string; work_title: string | null }[] = [];
	for (const nb of nbs) {
		const dw = drainageByNb.get(nb.id);
		if (nb.items.includes('rain_sewage_separation') && (nb.status === 'under_construction' || nb.status === 'completed' || nb.status === 'accepted')) {
			changes.push({ neighbourhood_id: nb.id, state: 'separating', since: iso(dw && dw.start <= TODAY ? dw.start : nb.start), work_title: dw?.title ?? null });
			if (nb.rain_sewage_state === 'separated')
				changes.push({ neighbourhood_id: nb.id, state: 'separated', since: iso(dw ? dw.end : nb.end), work_title: dw?.title ?? null });
		} else if (!nb.items.includes('rain_sewage_separation') && nb.rain_sewage_state === 'separated') {
			// separated earlier by the city-wide water-environment programme
			changes.push({ neighbourhood_id: nb.id, state: 'separated', since: iso(day('2019-06-30') + rngNb.int(0, 900)), work_title: null });
		}
	}
	writeOut('rain_sewage_changes.json', '[\n' + changes.map((c) => '  ' + JSON.stringify(c)).join(',\n') + '\n]\n');

	// schematic water, for the offline basemap
	const riverTop: XY[] = [toXY([116.08, 29.766]), toXY([116.045, 29.766]), toXY([116.04, 29.775]), toXY([115.92, 29.775])];
	const river: XY[] = [...BANK_XY, ...riverTop];
	writeOut(
		'water.geojson',
		featureCollection([
			{ type: 'Feature', id: 'yangtze', properties: { name: '长江', kind: 'river' }, geometry: mpFromXY(river) },
			...LAKES.map((l, i) => ({ type: 'Feature', id: `lake-${i + 1}`, properties: { name: l.name, kind: 'lake' }, geometry: mpFromXY(lakeRing(l)) }))
		])
	);
	// the scenarios, for tests and the README (check-demo.ts reads this)
	writeOut('scenarios.json', JSON.stringify(scenarios, null, 2) + '\n');

	// summary to stdout
	const countBy = <T>(arr: T[], key: (t: T) => string) => arr.reduce<Record<string, number>>((m, t) => ((m[key(t)] = (m[key(t)] ?? 0) + 1), m), {});
	console.log(`streets ${streets.length}, blocks ${blocks.length}, cells ${cells.length}`);
	console.log(
		`neighbourhoods ${nbs.length}`,
		countBy(nbs, (n) => DISTRICTS[n.districtIdx].name),
		countBy(nbs, (n) => n.status)
	);
	console.log(
		`works ${works.length}`,
		countBy(works, (w) => w.kind),
		countBy(works, (w) => w.utility),
		countBy(works, (w) => w.status)
	);
	console.log(`scenarios ${scenarios.length}`);
}

main();

/**
 * What works digging one trench save (DESIGN.md §3, joint-works proposals). Taking the members
 * longest first, the part of each trench's centreline that lies in the corridor of a member before
 * it — within the co-location distance of that member's footprint — is trench not dug again, and
 * its width of road surface is not reinstated again.
 *
 * Worked out exactly in the plane of the city's metric CRS, without cutting polygons: the points of
 * a straight segment within R of another segment form one interval (the capsule round the other
 * segment is convex), found in closed form; the points inside an earlier area work are found where
 * the segment crosses the area's rings. A group of 57 trenches takes well under a millisecond, where
 * uniting their buffered corridors one by one took PostGIS 12 ms (BENCHMARKS.md). What an earlier
 * corridor covers of a later *area* work is a surface, and PostGIS measures it
 * (`proposal_facts_json`, sql/functions/0600_check.sql).
 */

export type Xy = [number, number];

export type MetricGeometry =
	| { type: 'LineString'; coordinates: Xy[] }
	| { type: 'MultiLineString'; coordinates: Xy[][] }
	| { type: 'Polygon'; coordinates: Xy[][] }
	| { type: 'MultiPolygon'; coordinates: Xy[][][] };

export interface TrenchMember {
	/** in metres, the city's metric CRS */
	geometry: MetricGeometry;
	/** the trench's width; an area work is its own footprint */
	width_m: number;
}

interface Shape {
	area: boolean;
	/** the corridor: within this distance of `segments` (and, for an area, anywhere inside `rings`) */
	reach: number;
	segments: [Xy, Xy][];
	rings: Xy[][];
	box: [number, number, number, number];
}

type Interval = [number, number];

const isArea = (g: MetricGeometry) => g.type === 'Polygon' || g.type === 'MultiPolygon';

function linesOf(g: MetricGeometry): Xy[][] {
	switch (g.type) {
		case 'LineString':
			return [g.coordinates];
		case 'MultiLineString':
			return g.coordinates;
		case 'Polygon':
			return g.coordinates;
		case 'MultiPolygon':
			return g.coordinates.flat();
	}
}

function shapeOf(m: TrenchMember, colocation: number): Shape {
	const area = isArea(m.geometry);
	const lines = linesOf(m.geometry);
	const segments: [Xy, Xy][] = [];
	const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const line of lines) {
		for (let i = 0; i < line.length; i++) {
			const [x, y] = line[i];
			box[0] = Math.min(box[0], x);
			box[1] = Math.min(box[1], y);
			box[2] = Math.max(box[2], x);
			box[3] = Math.max(box[3], y);
			if (i > 0) segments.push([line[i - 1], line[i]]);
		}
	}
	return { area, reach: colocation + (area ? 0 : m.width_m / 2), segments, rings: area ? lines : [], box };
}

/** t in [lo, hi] where alpha + beta·t lies in [min, max]; null when nowhere. */
function linear(alpha: number, beta: number, min: number, max: number): Interval | null {
	if (Math.abs(beta) < 1e-12) return alpha >= min && alpha <= max ? [-Infinity, Infinity] : null;
	const a = (min - alpha) / beta;
	const b = (max - alpha) / beta;
	return a < b ? [a, b] : [b, a];
}

/** t where |p0 + t·d − c| ≤ r; null when nowhere. */
function disc(p0: Xy, d: Xy, c: Xy, r: number): Interval | null {
	const ox = p0[0] - c[0];
	const oy = p0[1] - c[1];
	const a = d[0] * d[0] + d[1] * d[1];
	const b = 2 * (d[0] * ox + d[1] * oy);
	const k = ox * ox + oy * oy - r * r;
	const disc = b * b - 4 * a * k;
	if (disc < 0) return null;
	const s = Math.sqrt(disc);
	return [(-b - s) / (2 * a), (-b + s) / (2 * a)];
}

/** The part of segment p0→p1 (as t in [0, 1]) within r of segment a→b: one interval, or null. */
export function withinReach(p0: Xy, p1: Xy, a: Xy, b: Xy, r: number): Interval | null {
	const d: Xy = [p1[0] - p0[0], p1[1] - p0[1]];
	const parts: (Interval | null)[] = [disc(p0, d, a, r), disc(p0, d, b, r)];
	const ab: Xy = [b[0] - a[0], b[1] - a[1]];
	const len = Math.hypot(ab[0], ab[1]);
	if (len > 0) {
		const u: Xy = [ab[0] / len, ab[1] / len];
		const n: Xy = [-u[1], u[0]];
		const o: Xy = [p0[0] - a[0], p0[1] - a[1]];
		const along = linear(o[0] * u[0] + o[1] * u[1], d[0] * u[0] + d[1] * u[1], 0, len);
		const across = linear(o[0] * n[0] + o[1] * n[1], d[0] * n[0] + d[1] * n[1], -r, r);
		if (along && across) {
			const lo = Math.max(along[0], across[0]);
			const hi = Math.min(along[1], across[1]);
			if (lo <= hi) parts.push([lo, hi]);
		}
	}
	let lo = Infinity;
	let hi = -Infinity;
	for (const p of parts) {
		if (!p) continue;
		lo = Math.min(lo, p[0]);
		hi = Math.max(hi, p[1]);
	}
	lo = Math.max(lo, 0);
	hi = Math.min(hi, 1);
	return lo < hi ? [lo, hi] : null;
}

/** Even-odd rule over every ring of the area (holes included). */
function inside(p: Xy, rings: Xy[][]): boolean {
	let odd = false;
	for (const ring of rings) {
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const [xi, yi] = ring[i];
			const [xj, yj] = ring[j];
			if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) odd = !odd;
		}
	}
	return odd;
}

/** The parts of segment p0→p1 inside the area, between the points where it crosses the rings. */
function insideArea(p0: Xy, p1: Xy, area: Shape): Interval[] {
	const d: Xy = [p1[0] - p0[0], p1[1] - p0[1]];
	const cuts = [0, 1];
	for (const [a, b] of area.segments) {
		const e: Xy = [b[0] - a[0], b[1] - a[1]];
		const den = d[0] * e[1] - d[1] * e[0];
		if (Math.abs(den) < 1e-12) continue;
		const t = ((a[0] - p0[0]) * e[1] - (a[1] - p0[1]) * e[0]) / den;
		const s = ((a[0] - p0[0]) * d[1] - (a[1] - p0[1]) * d[0]) / den;
		if (t > 0 && t < 1 && s >= 0 && s <= 1) cuts.push(t);
	}
	cuts.sort((x, y) => x - y);
	const out: Interval[] = [];
	for (let i = 1; i < cuts.length; i++) {
		const mid = (cuts[i - 1] + cuts[i]) / 2;
		if (cuts[i] > cuts[i - 1] && inside([p0[0] + mid * d[0], p0[1] + mid * d[1]], area.rings)) out.push([cuts[i - 1], cuts[i]]);
	}
	return out;
}

/** Length (as a share of [0, 1]) covered by the union of the intervals. */
function covered(intervals: Interval[]): number {
	intervals.sort((a, b) => a[0] - b[0]);
	let total = 0;
	let lo = -1;
	let hi = -1;
	for (const [a, b] of intervals) {
		if (a > hi) {
			total += hi - lo;
			lo = a;
			hi = b;
		} else hi = Math.max(hi, b);
	}
	return total + hi - lo;
}

const near = (s: Shape, box: [number, number, number, number]) =>
	s.box[0] - s.reach <= box[2] && box[0] <= s.box[2] + s.reach && s.box[1] - s.reach <= box[3] && box[1] <= s.box[3] + s.reach;

/**
 * Metres of trench not dug twice, and square metres of road surface not reinstated twice, by the
 * trench members (lines) of a group given in the order they are taken (longest first). Area members
 * add their corridors; the surface they share is measured elsewhere (see the module's comment).
 */
export function sharedTrench(members: TrenchMember[], colocationM: number): { trench_m: number; reinstatement_m2: number } {
	const shapes = members.map((m) => shapeOf(m, colocationM));
	let trench = 0;
	let surface = 0;
	for (let i = 1; i < shapes.length; i++) {
		if (shapes[i].area) continue;
		let shared = 0;
		for (const [p0, p1] of shapes[i].segments) {
			const length = Math.hypot(p1[0] - p0[0], p1[1] - p0[1]);
			if (length === 0) continue;
			const box: [number, number, number, number] = [Math.min(p0[0], p1[0]), Math.min(p0[1], p1[1]), Math.max(p0[0], p1[0]), Math.max(p0[1], p1[1])];
			const intervals: Interval[] = [];
			for (let j = 0; j < i; j++) {
				const earlier = shapes[j];
				if (!near(earlier, box)) continue;
				for (const [a, b] of earlier.segments) {
					const hit = withinReach(p0, p1, a, b, earlier.reach);
					if (hit) intervals.push(hit);
				}
				if (earlier.area) intervals.push(...insideArea(p0, p1, earlier));
			}
			if (intervals.length) shared += covered(intervals) * length;
		}
		trench += shared;
		surface += shared * members[i].width_m;
	}
	return { trench_m: trench, reinstatement_m2: surface };
}

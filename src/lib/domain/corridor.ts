/**
 * The corridor round a work, worked out exactly in the plane of the city's metric CRS without cutting
 * polygons: the points within a distance of a trench's centreline, or inside an area work or within
 * that distance of its edge. The points of a straight segment within R of another segment form one
 * interval (the capsule round the other segment is convex), found in closed form; the points inside
 * an area are found where the segment crosses the area's rings. Used to measure the trench a joint
 * works proposal shares (shared-trench.ts) and to mark where two works meet (meeting-stretch.ts).
 */

export type Xy = [number, number];

export type MetricGeometry =
	| { type: 'LineString'; coordinates: Xy[] }
	| { type: 'MultiLineString'; coordinates: Xy[][] }
	| { type: 'Polygon'; coordinates: Xy[][] }
	| { type: 'MultiPolygon'; coordinates: Xy[][][] };

/** A part of a segment p0→p1, as parameters t in [0, 1]. */
export type Interval = [number, number];

export type Box = [number, number, number, number];

export interface Corridor {
	area: boolean;
	/** within this distance of `segments` (and, for an area, anywhere inside `rings`) */
	reach: number;
	segments: [Xy, Xy][];
	rings: Xy[][];
	box: Box;
}

export const isArea = (g: MetricGeometry) => g.type === 'Polygon' || g.type === 'MultiPolygon';

/** The lines of a geometry: a line's parts, an area's rings. */
export function linesOf(g: MetricGeometry): Xy[][] {
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

export function corridor(geometry: MetricGeometry, reach: number): Corridor {
	const area = isArea(geometry);
	const lines = linesOf(geometry);
	const segments: [Xy, Xy][] = [];
	const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
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
	return { area, reach, segments, rings: area ? lines : [], box };
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
function insideArea(p0: Xy, p1: Xy, area: Corridor): Interval[] {
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

export const segmentBox = (p0: Xy, p1: Xy): Box => [Math.min(p0[0], p1[0]), Math.min(p0[1], p1[1]), Math.max(p0[0], p1[0]), Math.max(p0[1], p1[1])];

/** Whether the corridor's box, grown by its reach, meets the box. */
export const near = (c: Corridor, box: Box) =>
	c.box[0] - c.reach <= box[2] && box[0] <= c.box[2] + c.reach && c.box[1] - c.reach <= box[3] && box[1] <= c.box[3] + c.reach;

/** The parts of segment p0→p1 in the corridor, unmerged (they may overlap). */
export function partsIn(p0: Xy, p1: Xy, c: Corridor, into: Interval[] = []): Interval[] {
	if (!near(c, segmentBox(p0, p1))) return into;
	for (const [a, b] of c.segments) {
		const hit = withinReach(p0, p1, a, b, c.reach);
		if (hit) into.push(hit);
	}
	if (c.area) into.push(...insideArea(p0, p1, c));
	return into;
}

/** The union of the intervals, sorted and disjoint. */
export function merged(intervals: Interval[]): Interval[] {
	const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
	const out: Interval[] = [];
	for (const [a, b] of sorted) {
		const last = out[out.length - 1];
		if (last && a <= last[1]) last[1] = Math.max(last[1], b);
		else out.push([a, b]);
	}
	return out;
}

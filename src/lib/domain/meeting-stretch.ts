/**
 * Where a new trench meets another work (DESIGN.md §3: each conflict says where the works meet): the
 * stretch of the trench's centreline within reach of the other work — within the co-location
 * distance plus both half-widths of its centreline, or inside an area work or that far from its
 * edge — cut exactly with the corridors of corridor.ts in the city's metric CRS.
 *
 * The trench comes with the same vertices in lon/lat and in metres (the one is the other's
 * projection), so a point a share t along a metric segment is put the same share along the lon/lat
 * segment: within a millimetre over the few hundred metres of a street segment. PostGIS cut the
 * same stretch by intersecting the trench with a 32-sided buffer of the other work, at about 30 µs
 * a pair (BENCHMARKS.md); an area work's stretch is a surface, and PostGIS still cuts it
 * (`work_conflicts`, sql/functions/0200_conflicts.sql).
 */
import type { LineString, MultiLineString, Point, Position } from 'geojson';
import { corridor, merged, partsIn, type MetricGeometry, type Xy } from './corridor';

/** A trench's centreline, its lines with the same vertices in lon/lat and in metres. */
export interface TrenchLines {
	lonlat: Position[][];
	metric: Xy[][];
}

export function trenchLines(lonlat: LineString | MultiLineString, metric: MetricGeometry): TrenchLines | null {
	if (lonlat.type !== metric.type || (metric.type !== 'LineString' && metric.type !== 'MultiLineString')) return null;
	const ll = lonlat.type === 'LineString' ? [lonlat.coordinates] : lonlat.coordinates;
	const m = metric.type === 'LineString' ? [metric.coordinates] : metric.coordinates;
	if (ll.length !== m.length || ll.some((line, i) => line.length !== m[i].length)) return null;
	return { lonlat: ll, metric: m };
}

const EDGE = 1e-9;

/** The stretch of the trench within `reach` metres of the other work, rounded to `digits` decimals of a degree. */
export function meetingStretch(trench: TrenchLines, other: MetricGeometry, reach: number, digits = 6): LineString | MultiLineString | Point {
	const scale = 10 ** digits;
	const round = (p: Position): Position => [Math.round(p[0] * scale) / scale, Math.round(p[1] * scale) / scale];
	const at = (p0: Position, p1: Position, t: number) => round([p0[0] + t * (p1[0] - p0[0]), p0[1] + t * (p1[1] - p0[1])]);
	const near = corridor(other, reach);
	const pieces: Position[][] = [];
	const close = (piece: Position[] | null) => {
		const kept = piece?.filter((p, i) => i === 0 || p[0] !== piece[i - 1][0] || p[1] !== piece[i - 1][1]);
		if (kept && kept.length > 1) pieces.push(kept);
	};
	trench.metric.forEach((line, l) => {
		const ll = trench.lonlat[l];
		// the piece that reached the end of the previous segment, and may go on into this one
		let open: Position[] | null = null;
		for (let i = 1; i < line.length; i++) {
			const [p0, p1] = [line[i - 1], line[i]];
			if (p0[0] === p1[0] && p0[1] === p1[1]) continue;
			const parts = merged(partsIn(p0, p1, near));
			if (open && !(parts[0]?.[0] <= EDGE)) {
				close(open);
				open = null;
			}
			for (const [lo, hi] of parts) {
				if (open) open.push(at(ll[i - 1], ll[i], hi));
				else open = [at(ll[i - 1], ll[i], lo), at(ll[i - 1], ll[i], hi)];
				if (hi < 1 - EDGE) {
					close(open);
					open = null;
				}
			}
		}
		close(open);
	});
	if (pieces.length === 1) return { type: 'LineString', coordinates: pieces[0] };
	if (pieces.length > 1) return { type: 'MultiLineString', coordinates: pieces };
	// Nothing within reach: only where the gap is the reach itself, to the last bit of a double.
	// The point of the trench nearest the other work.
	const { l, i, t } = nearestOnTrench(trench.metric, corridor(other, 0).segments);
	const ll = trench.lonlat[l];
	return { type: 'Point', coordinates: at(ll[i], ll[Math.min(i + 1, ll.length - 1)], t) };
}

/**
 * The point of the trench nearest the other's segments, as the share t along the trench's segment
 * i→i+1 of line l: the nearest points of two segments that do not cross include an end of one.
 */
function nearestOnTrench(lines: Xy[][], others: [Xy, Xy][]): { l: number; i: number; t: number } {
	let best = { d: Infinity, l: 0, i: 0, t: 0 };
	const consider = (d: number, l: number, i: number, t: number) => {
		if (d < best.d) best = { d, l, i, t };
	};
	lines.forEach((line, l) => {
		for (let i = 0; i < line.length; i++) {
			for (const [a, b] of others) consider(distance(line[i], pointAt(a, b, param(a, b, line[i]))), l, i, 0);
			if (i + 1 === line.length) continue;
			const [p0, p1] = [line[i], line[i + 1]];
			for (const q of others.flat()) {
				const t = param(p0, p1, q);
				consider(distance(q, pointAt(p0, p1, t)), l, i, t);
			}
		}
	});
	return best;
}

const distance = (p: Xy, q: Xy) => Math.hypot(p[0] - q[0], p[1] - q[1]);
const pointAt = (a: Xy, b: Xy, t: number): Xy => [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];

/** The share along a→b of the point nearest p, in [0, 1]. */
function param(a: Xy, b: Xy, p: Xy): number {
	const dx = b[0] - a[0];
	const dy = b[1] - a[1];
	const len2 = dx * dx + dy * dy;
	return len2 === 0 ? 0 : Math.min(1, Math.max(0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
}

import type { Geometry, Position } from 'geojson';
import { bboxOf } from './representative-point';

type Ring = Position[];

/** Even–odd rule: inside the outer ring and outside every hole. */
export function insidePolygon(point: Position, rings: Ring[]): boolean {
	let inside = false;
	const [x, y] = point;
	for (const ring of rings) {
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const [xi, yi] = ring[i];
			const [xj, yj] = ring[j];
			if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
		}
	}
	return inside;
}

/** The widest stretch inside the polygon along the horizontal line y, as [x0, x1]. */
function widestSpan(rings: Ring[], y: number): [number, number] | null {
	const xs: number[] = [];
	for (const ring of rings) {
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const [xi, yi] = ring[i];
			const [xj, yj] = ring[j];
			if (yi > y !== yj > y) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
		}
	}
	xs.sort((a, b) => a - b);
	let best: [number, number] | null = null;
	for (let i = 0; i + 1 < xs.length; i += 2) if (!best || xs[i + 1] - xs[i] > best[1] - best[0]) best = [xs[i], xs[i + 1]];
	return best;
}

/**
 * One point inside a polygon to hang its label on. MapLibre labels polygons of a GeoJSON source
 * once per tile they cross, so at street zooms a block gets its name two or four times; a point
 * source labels it once. The box centre when it lies inside (most blocks); else the middle of the
 * widest inside stretch of a few horizontal lines (L-shapes, courtyards). The largest polygon of
 * a MultiPolygon carries the label.
 */
export function labelPoint(g: Geometry): [number, number] | null {
	const polygons: Ring[][] = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
	if (!polygons.length) return null;
	const area = (rings: Ring[]) => {
		const [a, b, c, d] = bboxOf(rings[0]);
		return (c - a) * (d - b);
	};
	const rings = polygons.reduce((big, p) => (area(p) > area(big) ? p : big));
	const [minX, minY, maxX, maxY] = bboxOf(rings[0]);
	const centre: [number, number] = [(minX + maxX) / 2, (minY + maxY) / 2];
	if (insidePolygon(centre, rings)) return centre;
	let best: { span: [number, number]; y: number } | null = null;
	for (const f of [0.5, 0.35, 0.65, 0.2, 0.8]) {
		const y = minY + (maxY - minY) * f;
		const span = widestSpan(rings, y);
		if (span && (!best || span[1] - span[0] > best.span[1] - best.span[0])) best = { span, y };
	}
	return best ? [(best.span[0] + best.span[1]) / 2, best.y] : centre;
}

import type { Geometry, Position } from 'geojson';

function positions(g: Geometry): Position[] {
	switch (g.type) {
		case 'Point':
			return [g.coordinates];
		case 'MultiPoint':
		case 'LineString':
			return g.coordinates;
		case 'MultiLineString':
		case 'Polygon':
			return g.coordinates.flat();
		case 'MultiPolygon':
			return g.coordinates.flat(2);
		case 'GeometryCollection':
			return g.geometries.flatMap(positions);
	}
}

/**
 * Where a marker for a geometry goes: the point itself; the middle vertex of a line (on the line,
 * unlike its box centre); the box centre of anything else. Null for an empty geometry.
 */
export function representativePoint(g: Geometry | null | undefined): [number, number] | null {
	if (!g) return null;
	if (g.type === 'Point') return [g.coordinates[0], g.coordinates[1]];
	if (g.type === 'LineString' && g.coordinates.length) {
		const c = g.coordinates[Math.floor((g.coordinates.length - 1) / 2)];
		const d = g.coordinates[Math.ceil((g.coordinates.length - 1) / 2)];
		return [(c[0] + d[0]) / 2, (c[1] + d[1]) / 2];
	}
	const all = positions(g);
	if (!all.length) return null;
	const box = bboxOf(all);
	return [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];
}

export function bboxOf(points: Position[]): [number, number, number, number] {
	let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const [x, y] of points) {
		if (x < minX) minX = x;
		if (y < minY) minY = y;
		if (x > maxX) maxX = x;
		if (y > maxY) maxY = y;
	}
	return [minX, minY, maxX, maxY];
}

export const geometryBbox = (g: Geometry) => bboxOf(positions(g));

/** Whether a box holds another (a view inside the area already fetched). */
export const bboxContains = (outer: number[], inner: number[]) => inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3];

/** A box grown by `factor` of its size on every side, clamped to a limit. */
export function padBbox(b: [number, number, number, number], factor: number, limit?: number[]): [number, number, number, number] {
	const dx = (b[2] - b[0]) * factor;
	const dy = (b[3] - b[1]) * factor;
	const padded: [number, number, number, number] = [b[0] - dx, b[1] - dy, b[2] + dx, b[3] + dy];
	if (!limit) return padded;
	return [Math.max(padded[0], limit[0]), Math.max(padded[1], limit[1]), Math.min(padded[2], limit[2]), Math.min(padded[3], limit[3])];
}

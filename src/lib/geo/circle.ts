import type { Polygon, Position } from 'geojson';

/** metres per degree of latitude, on the WGS84 mean radius (what Turf uses) */
const METRES_PER_DEGREE = (Math.PI * 6_371_008.8) / 180;

/**
 * A circle of `radiusM` metres around a lon/lat, as a polygon of `steps` sides. Local flat-earth
 * offsets: within a fraction of a metre of the geodesic circle at the few hundred metres of
 * "my street", and no library in the browser for it.
 */
export function circlePolygon(centre: Position, radiusM: number, steps = 64): Polygon {
	const [lon, lat] = centre;
	const dLat = radiusM / METRES_PER_DEGREE;
	const dLon = dLat / Math.cos((lat * Math.PI) / 180);
	const ring: Position[] = [];
	for (let i = 0; i < steps; i++) {
		// from north, anticlockwise (RFC 7946's exterior rings), as Turf's circle goes
		const a = (i / steps) * 2 * Math.PI;
		ring.push([lon - dLon * Math.sin(a), lat + dLat * Math.cos(a)]);
	}
	ring.push(ring[0]);
	return { type: 'Polygon', coordinates: [ring] };
}

/** The box `radiusM` metres around a lon/lat: minLon, minLat, maxLon, maxLat. */
export function boxAround([lon, lat]: Position, radiusM: number): [number, number, number, number] {
	const dLat = radiusM / METRES_PER_DEGREE;
	const dLon = dLat / Math.cos((lat * Math.PI) / 180);
	return [lon - dLon, lat - dLat, lon + dLon, lat + dLat];
}

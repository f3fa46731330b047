import { describe, expect, it } from 'vitest';
import { circle, distance, point } from '@turf/turf';
import { boxAround, circlePolygon } from '../../src/lib/geo/circle';

const XUNYANG_ROAD: [number, number] = [116.002121, 29.722599];

describe('the "my street" circle', () => {
	it('puts every vertex 200 m from the centre, as Turf measures it', () => {
		const ring = circlePolygon(XUNYANG_ROAD, 200).coordinates[0];
		expect(ring).toHaveLength(65);
		expect(ring[0]).toEqual(ring[64]);
		for (const v of ring) expect(distance(point(XUNYANG_ROAD), point(v), { units: 'meters' })).toBeCloseTo(200, 0);
	});

	it('matches Turf’s circle vertex for vertex', () => {
		const ours = circlePolygon(XUNYANG_ROAD, 200, 32).coordinates[0];
		const turf = circle(XUNYANG_ROAD, 0.2, { steps: 32, units: 'kilometers' }).geometry.coordinates[0];
		ours.forEach((v, i) => expect(distance(point(v), point(turf[i]), { units: 'meters' })).toBeLessThan(0.05));
	});

	it('boxes a radius: the box’s sides lie the radius away', () => {
		const [w, s, e, n] = boxAround(XUNYANG_ROAD, 200);
		expect(distance(point(XUNYANG_ROAD), point([w, XUNYANG_ROAD[1]]), { units: 'meters' })).toBeCloseTo(200, 0);
		expect(distance(point(XUNYANG_ROAD), point([XUNYANG_ROAD[0], n]), { units: 'meters' })).toBeCloseTo(200, 0);
		expect(e - XUNYANG_ROAD[0]).toBeCloseTo(XUNYANG_ROAD[0] - w, 12);
		expect(n - XUNYANG_ROAD[1]).toBeCloseTo(XUNYANG_ROAD[1] - s, 12);
	});
});

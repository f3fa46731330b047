import { describe, expect, it } from 'vitest';
import type { Geometry } from 'geojson';
import { bboxContains, geometryBbox, padBbox, representativePoint } from '../../src/lib/geo/representative-point';
import { insidePolygon, labelPoint } from '../../src/lib/geo/label-point';

const square = (x: number, y: number, s: number) => [
	[x, y],
	[x + s, y],
	[x + s, y + s],
	[x, y + s],
	[x, y]
];

describe('where markers and labels go', () => {
	it('puts a conflict marker on the point, on the line, or in the middle of an area', () => {
		expect(representativePoint({ type: 'Point', coordinates: [116, 29.7] })).toEqual([116, 29.7]);
		expect(
			representativePoint({
				type: 'LineString',
				coordinates: [
					[0, 0],
					[1, 0],
					[1, 1]
				]
			})
		).toEqual([1, 0]);
		expect(
			representativePoint({
				type: 'LineString',
				coordinates: [
					[0, 0],
					[2, 0]
				]
			})
		).toEqual([1, 0]);
		expect(representativePoint({ type: 'Polygon', coordinates: [square(0, 0, 2)] })).toEqual([1, 1]);
		expect(representativePoint(null)).toBeNull();
	});

	it('labels an L-shaped block inside it, where its box centre is outside', () => {
		// an L: the box centre (1.5, 1.5) falls in the missing quarter
		const l: Geometry = {
			type: 'Polygon',
			coordinates: [
				[
					[0, 0],
					[3, 0],
					[3, 1],
					[1, 1],
					[1, 3],
					[0, 3],
					[0, 0]
				]
			]
		};
		const rings = (l as { coordinates: number[][][] }).coordinates;
		expect(insidePolygon([1.5, 1.5], rings)).toBe(false);
		const at = labelPoint(l)!;
		expect(insidePolygon(at, rings)).toBe(true);
	});

	it('labels a plain block at its centre, and a multipolygon on its largest part', () => {
		expect(labelPoint({ type: 'Polygon', coordinates: [square(0, 0, 2)] })).toEqual([1, 1]);
		expect(labelPoint({ type: 'MultiPolygon', coordinates: [[square(10, 10, 1)], [square(0, 0, 4)]] })).toEqual([2, 2]);
		expect(
			labelPoint({
				type: 'LineString',
				coordinates: [
					[0, 0],
					[1, 1]
				]
			})
		).toBeNull();
	});

	it('pads and compares boxes for the per-view fetch', () => {
		const view: [number, number, number, number] = [116, 29.7, 116.02, 29.71];
		const fetched = padBbox(view, 0.5);
		expect(fetched[0]).toBeCloseTo(115.99);
		expect(fetched[3]).toBeCloseTo(29.715);
		expect(bboxContains(fetched, view)).toBe(true);
		expect(bboxContains(view, fetched)).toBe(false);
		expect(padBbox(view, 0.5, [116, 29, 117, 30])[0]).toBe(116);
		expect(
			geometryBbox({
				type: 'LineString',
				coordinates: [
					[1, 5],
					[3, 2]
				]
			})
		).toEqual([1, 2, 3, 5]);
	});
});

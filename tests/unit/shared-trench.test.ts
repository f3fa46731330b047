import { describe, expect, it } from 'vitest';
import { sharedTrench, withinReach, type MetricGeometry, type Xy } from '../../src/lib/domain/shared-trench';

const line = (...coordinates: Xy[]): MetricGeometry => ({ type: 'LineString', coordinates });
const trench = (geometry: MetricGeometry, width_m = 1) => ({ geometry, width_m });

describe('the trench works share', () => {
	it('finds the part of a segment within reach of another as one interval', () => {
		// a parallel segment 5 m off, reach 10: all of it; 12 m off: none
		expect(withinReach([0, 5], [100, 5], [0, 0], [100, 0], 10)).toEqual([0, 1]);
		expect(withinReach([0, 12], [100, 12], [0, 0], [100, 0], 10)).toBeNull();
		// past the far end, the round cap: from x = 0 to x = 100 + √(10² − 6²) = 108
		const [lo, hi] = withinReach([0, 6], [200, 6], [0, 0], [100, 0], 10)!;
		expect(lo).toBe(0);
		expect(hi * 200).toBeCloseTo(108, 9);
	});

	it('counts a later trench along an earlier one where they run together, and the corridor beyond its end', () => {
		// A (first) 0–100 m, B 50–150 m on the same line; corridor of A: 15 m + 0.5 m half-width
		const { trench_m, reinstatement_m2 } = sharedTrench([trench(line([0, 0], [100, 0])), trench(line([50, 0], [150, 0]), 2)], 15);
		expect(trench_m).toBeCloseTo(65.5, 9);
		expect(reinstatement_m2).toBeCloseTo(131, 9);
	});

	it('counts only the crossing of a trench across another', () => {
		const { trench_m } = sharedTrench([trench(line([0, 0], [100, 0])), trench(line([50, -50], [50, 50]))], 15);
		expect(trench_m).toBeCloseTo(31, 9);
	});

	it('counts what is shared once, however many earlier trenches it lies beside', () => {
		const { trench_m } = sharedTrench([trench(line([0, 0], [100, 0])), trench(line([0, 3], [100, 3])), trench(line([20, 1], [80, 1]))], 15);
		// the second lies wholly in the first's corridor (100 m); the third in both (60 m, once)
		expect(trench_m).toBeCloseTo(160, 9);
	});

	it('counts a trench inside and beside an earlier area work', () => {
		const square: MetricGeometry = {
			type: 'Polygon',
			coordinates: [
				[
					[0, 0],
					[20, 0],
					[20, 20],
					[0, 20],
					[0, 0]
				]
			]
		};
		const { trench_m } = sharedTrench([trench(square, 0), trench(line([-50, 10], [70, 10]))], 15);
		// inside 0–20, and 15 m either side: −15 to 35
		expect(trench_m).toBeCloseTo(50, 9);
	});

	it('follows every part of a bent or split trench', () => {
		const l: MetricGeometry = {
			type: 'MultiLineString',
			coordinates: [
				[
					[0, 0],
					[100, 0],
					[100, 100]
				],
				[
					[300, 0],
					[400, 0]
				]
			]
		};
		const { trench_m } = sharedTrench([trench(l), trench(line([100, -200], [100, 200]))], 15);
		// along the bend's north leg, and 15.5 m past either end of it: y from −15.5 to 115.5
		expect(trench_m).toBeCloseTo(131, 9);
	});

	it('saves nothing for the first member, or when nothing is near', () => {
		expect(sharedTrench([trench(line([0, 0], [100, 0]))], 15)).toEqual({ trench_m: 0, reinstatement_m2: 0 });
		expect(sharedTrench([trench(line([0, 0], [100, 0])), trench(line([0, 50], [100, 50]))], 15).trench_m).toBe(0);
	});
});

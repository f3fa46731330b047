/**
 * What works digging one trench save (DESIGN.md §3, joint-works proposals). Taking the members
 * longest first, the part of each trench's centreline that lies in the corridor of a member before
 * it — within the co-location distance of that member's footprint — is trench not dug again, and
 * its width of road surface is not reinstated again.
 *
 * Worked out exactly with the corridors of corridor.ts. A group of 57 trenches takes well under a
 * millisecond, where uniting their buffered corridors one by one took PostGIS 12 ms
 * (BENCHMARKS.md). What an earlier corridor covers of a later *area* work is a surface, and PostGIS
 * measures it (`proposal_facts_json`, sql/functions/0600_check.sql).
 */
import { corridor, isArea, merged, partsIn, type Interval, type MetricGeometry } from './corridor';

export { withinReach, type MetricGeometry, type Xy } from './corridor';

export interface TrenchMember {
	/** in metres, the city's metric CRS */
	geometry: MetricGeometry;
	/** the trench's width; an area work is its own footprint */
	width_m: number;
}

/**
 * Metres of trench not dug twice, and square metres of road surface not reinstated twice, by the
 * trench members (lines) of a group given in the order they are taken (longest first). Area members
 * add their corridors; the surface they share is measured elsewhere (see the module's comment).
 */
export function sharedTrench(members: TrenchMember[], colocationM: number): { trench_m: number; reinstatement_m2: number } {
	const corridors = members.map((m) => corridor(m.geometry, colocationM + (isArea(m.geometry) ? 0 : m.width_m / 2)));
	let trench = 0;
	let surface = 0;
	for (let i = 1; i < corridors.length; i++) {
		if (corridors[i].area) continue;
		let shared = 0;
		for (const [p0, p1] of corridors[i].segments) {
			const length = Math.hypot(p1[0] - p0[0], p1[1] - p0[1]);
			if (length === 0) continue;
			const intervals: Interval[] = [];
			for (let j = 0; j < i; j++) partsIn(p0, p1, corridors[j], intervals);
			for (const [lo, hi] of merged(intervals)) shared += (hi - lo) * length;
		}
		trench += shared;
		surface += shared * members[i].width_m;
	}
	return { trench_m: trench, reinstatement_m2: surface };
}

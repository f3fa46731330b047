/**
 * What a dashboard without a spatial database does: Turf in a loop over all pairs. The rule is the
 * GiST reference's (geometries within 15 m, windows within 3 years), so the pair counts can be
 * compared: each work is buffered once by 7.5 m, and two works are near when their buffers
 * intersect. The window test runs first, as anyone would write it; there is no spatial index.
 */
import { buffer, booleanIntersects } from '@turf/turf';
import type { Feature, Polygon, MultiPolygon } from 'geojson';
import type { SyntheticWork } from './synthetic';

const addYears = (iso: string, years: number) => {
	const d = new Date(`${iso}T00:00:00Z`);
	d.setUTCFullYear(d.getUTCFullYear() + years);
	return d.getTime();
};

export interface TurfRun {
	works: number;
	pairs: number;
	bufferMs: number;
	ms: number;
	/** CPU milliseconds of this process: the loop is all JavaScript */
	cpuMs: number;
}

export function naiveTurfScan(all: SyntheticWork[]): TurfRun {
	const works = all.filter((w) => w.status !== 'cancelled' && w.status !== 'draft');
	const started = performance.now();
	const cpu = process.cpuUsage();
	const zones = works.map(
		(w) => buffer({ type: 'Feature', properties: {}, geometry: w.geom } as Feature, 7.5, { units: 'meters' }) as Feature<Polygon | MultiPolygon>
	);
	const bufferMs = performance.now() - started;
	const from = works.map((w) => addYears(w.start_date, -3));
	const to = works.map((w) => addYears(w.end_date, 3));
	const start = works.map((w) => Date.parse(`${w.start_date}T00:00:00Z`));
	const end = works.map((w) => Date.parse(`${w.end_date}T00:00:00Z`));
	let pairs = 0;
	for (let i = 0; i < works.length; i++) {
		for (let j = i + 1; j < works.length; j++) {
			if (start[j] > to[i] || end[j] < from[i]) continue;
			if (booleanIntersects(zones[i], zones[j])) pairs++;
		}
	}
	const used = process.cpuUsage(cpu);
	return { works: works.length, pairs, bufferMs, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

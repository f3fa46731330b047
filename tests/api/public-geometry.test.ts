import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import type { Feature, Geometry } from 'geojson';
import { client, startApp, type RunningApp } from '../support/app';
import { addDays } from '../../src/lib/domain/work-rules';
import { testToday } from '../support/clock';

/**
 * Gas and power works are published at street level only. Whoever asks anonymously must not learn
 * more of such a work's place than the geometry they are given shows: an attacker narrows a bbox
 * (or a radius) around the work, one edge at a time, and the tightest box that still answers it
 * must be that published geometry's own bounds — while a planner, asking the same way, does find
 * the trench as drawn (so the search itself is able to find a precise position).
 */
type Box = [number, number, number, number];
type Fetch = ReturnType<typeof client>;
type Json = Record<string, any>;

/**
 * How closely a bbox filter can place a geometry's bounds: PostGIS compares boxes in single precision
 * rounded outwards (1 ulp is 7.6e-6° at longitude 116°), and publishes coordinates with 6 decimals.
 */
const COORDINATE = 1.6e-5;
const bounds = (g: Geometry) => turf.bbox(g) as Box;
const meets = (a: Box, b: Box) => a[0] <= b[2] + COORDINATE && b[0] <= a[2] + COORDINATE && a[1] <= b[3] + COORDINATE && b[1] <= a[3] + COORDINATE;
/** metres from a point to the nearest part of a feature (0 inside an area) */
function distance(point: number[], feature: Feature): number {
	return Math.min(
		...turf.flatten(feature as never).features.map((part: Feature) => {
			const g = part.geometry;
			if (g.type === 'Point') return turf.distance(point, g.coordinates, { units: 'meters' });
			if (g.type === 'Polygon')
				return turf.booleanPointInPolygon(point, g) ? 0 : turf.pointToLineDistance(point, turf.polygonToLine(g) as never, { units: 'meters' });
			return turf.pointToLineDistance(point, g as never, { units: 'meters' });
		})
	);
}

/**
 * The tightest box that still answers `id`, found edge by edge by bisection (30 steps each, from a
 * box 0.02° wider than `around` on every side): what repeated bbox requests reveal of its place.
 */
async function narrowestBox(answers: (box: Box) => Promise<boolean>, around: Box): Promise<Box> {
	const wide: Box = [around[0] - 0.02, around[1] - 0.02, around[2] + 0.02, around[3] + 0.02];
	expect(await answers(wide)).toBe(true);
	const found = [...wide] as Box;
	// each edge moved alone across the whole wide box, the others left wide
	for (const edge of [0, 1, 2, 3] as const) {
		const far = edge < 2 ? wide[edge + 2] : wide[edge - 2];
		let keeps = wide[edge];
		let loses = far;
		for (let step = 0; step < 30; step++) {
			const mid = (keeps + loses) / 2;
			const box = [...wide] as Box;
			box[edge] = mid;
			if (await answers(box)) keeps = mid;
			else loses = mid;
		}
		found[edge] = keeps;
	}
	// the west edge stops at the geometry's east end, and so on: turned round, the geometry's bounds
	return [found[2], found[3], found[0], found[1]];
}

describe('protected works, found by anonymous filters no closer than they are shown', () => {
	let app: RunningApp;
	let anon: Fetch;
	let planner: Fetch;
	/** a gas work of the coming months, as the public is shown it and as it is drawn */
	let gasWork: { id: number; shown: Feature; drawn: Feature };

	beforeAll(async () => {
		app = await startApp('demo');
		anon = client(app.url);
		planner = client(app.url);
		const res = await planner('/api/session', { method: 'POST', body: JSON.stringify({ email: 'planner@demo.digonce.cn', password: 'demo-password' }) });
		expect(res.status).toBe(200);
		// the demo gas work whose street-level place differs most from its trench
		const window = `utility=gas&from=${testToday()}&to=${addDays(testToday(), 300)}`;
		const shown: Feature[] = (await (await anon(`/api/works?${window}`)).json()).features;
		const drawn = new Map<unknown, Feature>((await (await planner(`/api/works?${window}`)).json()).features.map((f: Feature) => [f.id, f]));
		const apart = (f: Feature) => Math.max(...bounds(f.geometry).map((v, i) => Math.abs(v - bounds(drawn.get(f.id)!.geometry)[i])));
		const candidates = shown.filter((f) => f.geometry.type !== 'Point').sort((a, b) => apart(b) - apart(a));
		expect(candidates.length).toBeGreaterThan(0);
		const best = candidates[0];
		gasWork = { id: Number(best.id), shown: best, drawn: drawn.get(best.id)! };
		// else the search below could not tell the public place from the trench
		expect(apart(best)).toBeGreaterThan(1e-4);
	});
	afterAll(() => app?.stop());

	/** Whether `/api/works?bbox=` answers the work; every feature answered must meet the box it was asked with. */
	const worksAnswer = (who: Fetch, checkShown: boolean) => async (box: Box) => {
		const res = await who(`/api/works?bbox=${box.join(',')}`);
		expect(res.status).toBe(200);
		const features: Feature[] = (await res.json()).features;
		if (checkShown) for (const f of features) expect([f.id, meets(bounds(f.geometry), box)]).toEqual([f.id, true]);
		return features.some((f) => Number(f.id) === gasWork.id);
	};

	/** The same through OGC API – Features; the count and the paging links must match what is returned. */
	const ogcAnswer = async (box: Box) => {
		const res = await anon(`/ogc/collections/works/items?bbox=${box.join(',')}&limit=10000`);
		expect(res.status).toBe(200);
		const page = await res.json();
		for (const f of page.features as Feature[]) expect([f.id, meets(bounds(f.geometry), box)]).toEqual([f.id, true]);
		expect(page.numberMatched).toBe(page.features.length);
		expect(page.links.map((l: Json) => l.rel)).not.toContain('next');
		return (page.features as Feature[]).some((f) => Number(f.id) === gasWork.id);
	};

	const expectBoundsClose = (found: Box, expected: Box) => {
		for (let i = 0; i < 4; i++) expect([i, found[i], Math.abs(found[i] - expected[i]) < COORDINATE]).toEqual([i, found[i], true]);
	};

	it('learns from /api/works?bbox= anonymously only the bounds of the street-level geometry it shows', async () => {
		const shown = bounds(gasWork.shown.geometry);
		expectBoundsClose(await narrowestBox(worksAnswer(anon, true), shown), shown);
	});

	it('finds the trench as drawn through the same search when signed in as a planner', async () => {
		const drawn = bounds(gasWork.drawn.geometry);
		expectBoundsClose(await narrowestBox(worksAnswer(planner, false), drawn), drawn);
	});

	it('learns from /ogc/collections/works/items?bbox= only the bounds it shows, numberMatched agreeing', async () => {
		const shown = bounds(gasWork.shown.geometry);
		expectBoundsClose(await narrowestBox(ogcAnswer, shown), shown);
	});

	it('gives the works collection the extent of the geometries it publishes', async () => {
		const meta = await (await anon('/ogc/collections/works')).json();
		const all: Feature[] = (await (await anon('/ogc/collections/works/items?limit=10000')).json()).features;
		const published = bounds(turf.featureCollection(all) as never);
		const extent = meta.extent.spatial.bbox[0] as Box;
		for (let i = 0; i < 4; i++) expect([i, Math.abs(extent[i] - published[i]) < 2e-5]).toEqual([i, true]);
	});

	it('measures /api/nearby distances, and its radius, from the street-level geometry', async () => {
		// of the vertices of both geometries, the one whose distances to them differ most
		const probe = [...turf.coordAll(gasWork.drawn as never), ...turf.coordAll(gasWork.shown as never)].reduce((a, b) =>
			Math.abs(distance(b, gasWork.shown) - distance(b, gasWork.drawn)) > Math.abs(distance(a, gasWork.shown) - distance(a, gasWork.drawn)) ? b : a
		);
		const expected = distance(probe, gasWork.shown);
		expect(Math.abs(expected - distance(probe, gasWork.drawn))).toBeGreaterThan(10);
		const near = async (radius: number) => {
			const res = await anon(`/api/nearby?lon=${probe[0]}&lat=${probe[1]}&radius=${radius}&days=365`);
			expect(res.status).toBe(200);
			return ((await res.json()).works as Json[]).find((w) => w.id === gasWork.id);
		};
		const found = await near(2000);
		expect(found).toBeDefined();
		// turf measures on the sphere, the server in the city's Gauss-Krüger plane: within a metre here
		expect(Math.abs(found!.distance_m - expected)).toBeLessThanOrEqual(1.5);
		// the smallest radius (10 m at least) that still answers the work
		let keeps = 2000;
		let loses = 9;
		while (keeps - loses > 1) {
			const mid = Math.floor((keeps + loses) / 2);
			if (await near(mid)) keeps = mid;
			else loses = mid;
		}
		expect(Math.abs(keeps - Math.max(10, expected))).toBeLessThanOrEqual(1.5);
	});

	it('counts a protected work in the anonymous repeat-excavation map only on the stretches it is shown along', async () => {
		const shown = new Map<unknown, Feature>((await (await anon('/api/works?utility=gas,power')).json()).features.map((f: Feature) => [f.id, f]));
		/** the protected works a heat map counts on a stretch that their published geometry does not run along */
		const countedOutside = async (who: Fetch) => {
			const history: Feature[] = (await (await who('/api/streets/history')).json()).features;
			const outside: string[] = [];
			for (const stretch of history) {
				for (const id of stretch.properties!.work_ids as number[]) {
					const work = shown.get(id);
					if (!work) continue;
					const points = new Set(turf.coordAll(work as never).map((c) => c.join(',')));
					if (!turf.coordAll(stretch as never).every((c) => points.has(c.join(',')))) outside.push(`${id}@${stretch.id}`);
				}
			}
			return outside;
		};
		expect(await countedOutside(anon)).toEqual([]);
		// staff's map counts the trenches as drawn, crossings of other streets included
		expect((await countedOutside(planner)).length).toBeGreaterThan(0);
	});

	it('places the work in an area calendar by its street-level geometry', async () => {
		const calendar = async (box: Box) => (await (await anon(`/feeds/works.ics?bbox=${box.join(',')}`)).text()).includes(`UID:work-${gasWork.id}@`);
		const shown = bounds(gasWork.shown.geometry);
		expectBoundsClose(await narrowestBox(calendar, shown), shown);
	});
});

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { browserSuite, openMap, patch, pixelsPainted, project, screenshot, settle, signIn, type MapPage, type Rgb } from '../support/browser';
import {
	HIGHLIGHT_COLOUR,
	HISTORIC_COLOUR,
	NEIGHBOURHOOD_COLOURS,
	RAIN_SEWAGE_COLOURS,
	SEVERITY_COLOURS,
	STATUS_ALPHA,
	UTILITY_COLOURS
} from '../../src/lib/map/palette';
import { geometryBbox, representativePoint } from '../../src/lib/geo/representative-point';
import { insidePolygon, labelPoint } from '../../src/lib/geo/label-point';

const demo = resolve(import.meta.dirname, '../../data/demo');
const read = <T>(name: string): T => JSON.parse(readFileSync(resolve(demo, name), 'utf8'));
type Props = Record<string, unknown>;
const neighbourhoods = read<FeatureCollection<Geometry, Props>>('neighbourhoods.geojson');
const historicDistricts = read<FeatureCollection<Geometry, Props>>('historic_districts.geojson');
const scenarios = read<{ key: string; titles: string[]; point: [number, number] }[]>('scenarios.json');

const inside = (f: Feature<Geometry, Props>) => pointOnFeature(f as never).geometry.coordinates as [number, number];
/**
 * A point inside a block but away from where its name is written (labelPoint), so the pixels
 * sampled there are the fill's, not the label's.
 */
function fillPoint(f: Feature<Geometry, Props>): [number, number] {
	const label = labelPoint(f.geometry)!;
	const [minX, minY] = geometryBbox(f.geometry);
	const at: [number, number] = [(label[0] * 2 + minX) / 3, (label[1] * 2 + minY) / 3];
	const rings = f.geometry.type === 'Polygon' ? f.geometry.coordinates : (f.geometry as { coordinates: number[][][][] }).coordinates[0];
	if (!insidePolygon(at, rings)) throw new Error(`the sample point for ${f.properties.name} is outside it: pick another`);
	return at;
}
const scenario = (key: string) => scenarios.find((s) => s.key === key)!;
const here = (lonLat: [number, number], zoom: number) => `c=${lonLat[0]},${lonLat[1]}&z=${zoom}`;

// 荷花二巷43号院: under construction in 2026 (the time control's default year is this year).
const heHua = neighbourhoods.features.find((f) => f.id === 'nb-360403-032')!;
// a neighbourhood still on combined drainage
const combined =
	neighbourhoods.features.find((f) => f.properties.rain_sewage_state === 'combined' && f.properties.district_code === '360403') ??
	neighbourhoods.features.find((f) => f.properties.rain_sewage_state === 'combined')!;
const yuLiang = historicDistricts.features.find((f) => String(f.properties.name).includes('庾亮南路'))!;
// the gas company's approved replacement on 浔阳路, January 2027 (data/README.md, "The demo scenario")
const xunyangGas = scenario('demo-xunyanglu-gas');
// 湓浦路, 2025: the water and gas companies dig the same stretch in overlapping windows
const penpu = scenario('time_overlap-xunyang-2025');

const GAS: Rgb = UTILITY_COLOURS.gas;
const GAS_ALPHA = STATUS_ALPHA.planned / 255;

describe('the planners’ map in a real browser (Chromium, software WebGL), on the demo data', () => {
	const suite = browserSuite();
	const open = async (lang: 'zh' | 'en' = 'zh', signedIn = false) => {
		const mp = await suite.open({ lang });
		if (signedIn) await signIn(mp.page, suite.app.url);
		return mp;
	};
	/** the marker of the 湓浦路 conflict, as the API places it */
	const penpuConflict = async (mp: MapPage) => {
		const res = await mp.page.request.get('/api/conflicts?from=2025-01-01&to=2025-12-31&format=geojson');
		expect(res.status()).toBe(200);
		const fc = (await res.json()) as FeatureCollection<
			Geometry,
			{ id: string; severity: 'high' | 'medium' | 'low'; works: { id: number; title: string; organisation_name: string }[] }
		>;
		const c = fc.features.find(
			(f) => f.properties.works.some((w) => w.title === penpu.titles[0]) && f.properties.works.some((w) => w.title === penpu.titles[1])
		);
		expect(c, 'the 湓浦路 time-overlap conflict').toBeTruthy();
		return { conflict: c!, at: representativePoint(c!.geometry)! };
	};
	/** toggles a family from the layer panel and waits for the map to draw it */
	const toggle = async (mp: MapPage, family: string) => {
		await mp.page.click(`[data-testid=toggle-${family}]`);
		await settle(mp.page);
	};

	it('reaches idle with every family drawn and no console errors', async () => {
		const mp = await open('zh', true);
		await openMap(mp.page, '/');
		// openMap returned on MapLibre's `idle`: every source loaded, every layer drawn
		const state = await mp.page.evaluate(() => ({
			layers: window.__digonceMap!.getLayersOrder(),
			deckRenders: window.__digonceDeck!.renders
		}));
		for (const id of ['nb-fill', 'rs-fill', 'hd-fill', 'street', 'district-boundary']) expect(state.layers).toContain(id);
		expect(state.layers.some((id) => id.startsWith('deck-maplibre-layer-group'))).toBe(true);
		expect(state.deckRenders).toBeGreaterThan(0);
		expect(await mp.page.getByTestId('map-demo-label').isVisible()).toBe(true);
		expect(await mp.page.getByTestId('map-demo-label').textContent()).toContain('演示数据');
		await screenshot(mp.page, '01-overview-zh');
		expect(mp.errors).toEqual([]);
	});

	it('toggles the neighbourhoods: their status colour appears and goes at a known neighbourhood', async () => {
		const mp = await open();
		const at = fillPoint(heHua);
		await openMap(mp.page, `/?${here(at, 17)}`);
		const on = await patch(mp.page, await project(mp.page, at), 16);
		await toggle(mp, 'neighbourhoods');
		const off = await patch(mp.page, await project(mp.page, at), 16);
		expect(pixelsPainted(off, on, NEIGHBOURHOOD_COLOURS.under_construction, 0.5)).toBeGreaterThan(200);
		await toggle(mp, 'neighbourhoods');
		const again = await patch(mp.page, await project(mp.page, at), 16);
		expect(pixelsPainted(off, again, NEIGHBOURHOOD_COLOURS.under_construction, 0.5)).toBeGreaterThan(200);
		expect(mp.errors).toEqual([]);
	});

	it('toggles the works: the gas main on 浔阳路 is drawn in gas magenta, then not; a click on it opens it', async () => {
		const mp = await open();
		await openMap(mp.page, `/?${here(xunyangGas.point, 17)}&t=2027-01..2027-12`);
		const centre = await project(mp.page, xunyangGas.point);
		const on = await patch(mp.page, centre, 24);
		await screenshot(mp.page, '02-works-xunyanglu-2027');
		await toggle(mp, 'works');
		const off = await patch(mp.page, centre, 24);
		expect(pixelsPainted(off, on, GAS, GAS_ALPHA)).toBeGreaterThan(15);
		// back on, a click where the gas main is drawn opens it
		await toggle(mp, 'works');
		const i = on.findIndex((px, k) => pixelsPainted([off[k]], [px], GAS, GAS_ALPHA) === 1);
		await mp.page.mouse.click(Math.round(centre.x - 24) + (i % 48), Math.round(centre.y - 24) + Math.floor(i / 48));
		await mp.page.locator('[data-testid=details][data-kind=work]').waitFor();
		await mp.page.getByTestId('details-title').getByText(xunyangGas.titles[0]).waitFor();
		expect(await mp.page.getByTestId('work-window').textContent()).toBe('2027-01-04 — 2027-02-05');
		expect(mp.errors).toEqual([]);
	});

	it('toggles the rain–sewage family: a neighbourhood on combined drainage turns red', async () => {
		const mp = await open();
		const at = fillPoint(combined);
		// neighbourhood status fill off, so the drainage colour lies straight on the basemap
		await openMap(mp.page, `/?${here(at, 17)}&l=hd`);
		const off = await patch(mp.page, await project(mp.page, at), 16);
		await toggle(mp, 'rain_sewage');
		const on = await patch(mp.page, await project(mp.page, at), 16);
		expect(pixelsPainted(off, on, RAIN_SEWAGE_COLOURS.combined, 0.55)).toBeGreaterThan(200);
		await screenshot(mp.page, '03-rain-sewage-combined');
		expect(mp.errors).toEqual([]);
	});

	it('toggles the historic districts: 庾亮南路 is hatched on top, then not; a click on it opens it', async () => {
		const mp = await open();
		const at = fillPoint(yuLiang);
		await openMap(mp.page, `/?${here(at, 16)}`);
		const on = await patch(mp.page, await project(mp.page, at), 20);
		await screenshot(mp.page, '04-historic-yuliang');
		// above the neighbourhood under it, the district is what a click opens
		const p = await project(mp.page, at);
		await mp.page.mouse.click(p.x, p.y);
		await mp.page.locator('[data-testid=details][data-kind=historic]').waitFor();
		expect(await mp.page.getByTestId('details-title').textContent()).toBe(yuLiang.properties.name);
		await mp.page.getByTestId('details-close').click();
		await toggle(mp, 'historic');
		const off = await patch(mp.page, await project(mp.page, at), 20);
		expect(pixelsPainted(off, on, HISTORIC_COLOUR, (200 / 255) * 0.85, 20)).toBeGreaterThan(60);
		expect(mp.errors).toEqual([]);
	});

	it('toggles the conflicts: the 湓浦路 clash of 2025 is marked by its severity; a click on the marker opens it', async () => {
		const mp = await open('zh', true);
		const { conflict, at } = await penpuConflict(mp);
		await openMap(mp.page, `/?${here(at, 17)}&t=2025-01..2025-12`);
		const on = await patch(mp.page, await project(mp.page, at), 14);
		// a click on the marker (a deck.gl pick) opens the conflict
		const p = await project(mp.page, at);
		await mp.page.mouse.click(p.x, p.y);
		await mp.page.locator('[data-testid=details][data-kind=conflict]').waitFor();
		expect(await mp.page.getByTestId('conflict-works').textContent()).toContain(penpu.titles[1]);
		await mp.page.getByTestId('details-close').click();
		await settle(mp.page);
		await toggle(mp, 'conflicts');
		const off = await patch(mp.page, await project(mp.page, at), 14);
		expect(pixelsPainted(off, on, SEVERITY_COLOURS[conflict.properties.severity], 1)).toBeGreaterThan(60);
		expect(mp.errors).toEqual([]);
	});

	it('opens a neighbourhood’s details when it is clicked', async () => {
		const mp = await open();
		const at = inside(heHua);
		await openMap(mp.page, `/?${here(at, 17)}`);
		const p = await project(mp.page, at);
		await mp.page.mouse.click(p.x, p.y);
		const details = mp.page.getByTestId('details');
		await details.waitFor();
		expect(await details.getAttribute('data-kind')).toBe('neighbourhood');
		expect(await mp.page.getByTestId('details-title').textContent()).toBe(heHua.properties.name);
		expect(await details.textContent()).toContain('改造中');
		await settle(mp.page);
		await screenshot(mp.page, '05-neighbourhood-details');
		expect(mp.page.url()).toContain('sel=nb%3Anb-360403-032');
		expect(mp.errors).toEqual([]);
	});

	it('finds a neighbourhood by its pinyin initials and flies to it', async () => {
		const mp = await open();
		await openMap(mp.page, '/');
		await mp.page.getByTestId('search').fill('hhex');
		const hit = mp.page.getByTestId('search-results').getByText(String(heHua.properties.name));
		await hit.waitFor();
		await hit.click();
		await mp.page.getByTestId('details').waitFor();
		await mp.page.evaluate(() => new Promise((r) => window.__digonceMap!.once('moveend', r)));
		await settle(mp.page);
		const visible = await mp.page.evaluate((ll) => window.__digonceMap!.getBounds().contains(ll), inside(heHua));
		expect(visible).toBe(true);
		expect(await mp.page.getByTestId('details-title').textContent()).toBe(heHua.properties.name);
		expect(mp.errors).toEqual([]);
	});

	it('finds a street and a work by its number in the same box, and selects the work', async () => {
		const mp = await open();
		await openMap(mp.page, '/');
		const box = mp.page.getByTestId('search');
		const results = mp.page.getByTestId('search-results');
		await box.fill('白水湖路');
		const street = results.locator('button[data-kind=street]', { hasText: '白水湖路' });
		await street.waitFor();
		expect(await street.innerText()).toContain('道路');
		const [hit] = (await (await mp.page.request.get(`/api/search?q=${encodeURIComponent('白水湖路')}&limit=1`)).json()).hits;
		const moved = mp.page.evaluate(() => new Promise((r) => window.__digonceMap!.once('moveend', r)));
		await street.click();
		await moved;
		expect(await mp.page.evaluate((ll) => window.__digonceMap!.getBounds().contains(ll), hit.point)).toBe(true);

		const [hit599] = (await (await mp.page.request.get(`/api/search?q=${encodeURIComponent('#599')}&limit=1`)).json()).hits;
		await box.fill('#599');
		const work = results.locator('button[data-kind=work]').first();
		await work.waitFor();
		expect(await work.innerText()).toContain('作业');
		expect(await work.innerText()).toContain('#599');
		await work.click();
		const details = mp.page.getByTestId('details');
		await expect.poll(() => details.getAttribute('data-kind'), { timeout: 30_000 }).toBe('work');
		await expect.poll(() => mp.page.getByTestId('details-title').innerText(), { timeout: 30_000 }).toBe('白水湖路（红旗二巷至人民路段）道路大修');
		await expect.poll(() => mp.page.url(), { timeout: 30_000 }).toContain('sel=work%3A599');
		expect(await mp.page.getByTestId('work-window').innerText()).toBe(`${hit599.start_date} — ${hit599.end_date}`);
		expect(mp.errors).toEqual([]);
		// two searches and two flights on software WebGL: longer than one step
	}, 240_000);

	it('hides a work when the time range moves away from its window', async () => {
		const mp = await open();
		await openMap(mp.page, `/?${here(xunyangGas.point, 17)}&t=2027-01..2027-12`);
		const shown = await patch(mp.page, await project(mp.page, xunyangGas.point), 24);
		await mp.page.getByTestId('time-year-2025').click();
		await settle(mp.page);
		expect(await mp.page.getByTestId('time-range').textContent()).toContain('2025-01');
		const hidden = await patch(mp.page, await project(mp.page, xunyangGas.point), 24);
		// what the gas main painted in 2027 is gone in 2025
		expect(pixelsPainted(hidden, shown, GAS, GAS_ALPHA)).toBeGreaterThan(15);
		expect(mp.page.url()).toContain('t=2025-01..2025-12');
		expect(mp.errors).toEqual([]);
	});

	it('plays the period forward a month at a time, and stops', async () => {
		const mp = await open();
		await openMap(mp.page, '/?t=2025-01..2025-03');
		const range = mp.page.getByTestId('time-range');
		expect(await range.textContent()).toBe('2025-01 至 2025-03');
		await mp.page.getByTestId('time-play').click();
		await mp.page.waitForFunction(() => document.querySelector('[data-testid=time-range]')!.textContent === '2025-02 至 2025-04', null, { timeout: 10_000 });
		await mp.page.waitForFunction(() => document.querySelector('[data-testid=time-range]')!.textContent === '2025-03 至 2025-05', null, { timeout: 10_000 });
		await mp.page.getByTestId('time-play').click();
		const stopped = await range.textContent();
		await mp.page.waitForTimeout(1600);
		expect(await range.textContent()).toBe(stopped);
		await settle(mp.page);
		expect(mp.errors).toEqual([]);
	});

	it('switches the panel from Chinese to English', async () => {
		const mp = await open('zh');
		await openMap(mp.page, '/?lang=zh&c=115.9985,29.7165&z=15&t=2025-01..2025-12');
		expect(await mp.page.getByTestId('tab-layers').textContent()).toContain('图层与筛选');
		expect(await mp.page.locator('[data-family=works] .switch').textContent()).toContain('管线开挖作业');
		await mp.page.getByTestId('lang-switch').click();
		await mp.page.waitForURL(/lang=en/);
		await mp.page.waitForFunction(() => !!window.__digonceMap);
		await settle(mp.page);
		expect(await mp.page.getByTestId('tab-layers').textContent()).toContain('Layers & filters');
		expect(await mp.page.locator('[data-family=works] .switch').textContent()).toContain('Utility excavation works');
		expect(await mp.page.getByTestId('map-demo-label').textContent()).toContain('Demo data');
		// the link carried the view across: same place, zoom and period
		const url = new URL(mp.page.url());
		expect([url.searchParams.get('c'), url.searchParams.get('z'), url.searchParams.get('t')]).toEqual(['115.9985,29.7165', '15', '2025-01..2025-12']);
		expect(await mp.page.getByTestId('time-range').textContent()).toBe('2025-01 to 2025-12');
		await screenshot(mp.page, '06-english');
		expect(mp.errors).toEqual([]);
	});

	it('flies to a conflict picked from the list, names both works, and takes the other work one click away', async () => {
		const mp = await open('zh', true);
		const { conflict, at } = await penpuConflict(mp);
		await openMap(mp.page, '/?t=2025-01..2025-12');
		await mp.page.getByTestId('tab-conflicts').click();
		const item = mp.page.locator(`[data-conflict-id="${conflict.id}"]`);
		await item.waitFor();
		// the list is sorted by severity: nothing less severe comes before a more severe one
		const order = await mp.page.locator('[data-testid=conflict-item] .sev').allTextContents();
		const rank = { 严重: 0, 中等: 1, 提示: 2 } as Record<string, number>;
		expect(order.map((s) => rank[s])).toEqual([...order.map((s) => rank[s])].sort());
		const moved = mp.page.evaluate(() => new Promise((r) => window.__digonceMap!.once('moveend', r)));
		await item.click();
		await moved;
		await settle(mp.page);
		const view = await mp.page.evaluate(
			(ll) => ({ zoom: window.__digonceMap!.getZoom(), p: window.__digonceMap!.project(ll), w: window.__digonceMap!.getCanvas().clientWidth }),
			at
		);
		expect(view.zoom).toBeGreaterThanOrEqual(16.9);
		// in the clear part of the map, between the side panel and the details panel
		expect(view.p.x).toBeGreaterThan(340);
		expect(view.p.x).toBeLessThan(view.w - 340);
		const works = mp.page.getByTestId('conflict-works');
		for (const w of conflict.properties.works) {
			expect(await works.textContent()).toContain(w.title);
			expect(await works.textContent()).toContain(w.organisation_name);
		}
		expect(await mp.page.getByTestId('conflict-message').textContent()).toMatch(/工期重叠|相距/);
		await screenshot(mp.page, '07-conflict-details');

		const other = conflict.properties.works[1];
		await works.locator(`[data-work-id="${other.id}"]`).click();
		await mp.page.locator('[data-testid=details][data-kind=work]').waitFor();
		await mp.page.getByTestId('details-title').getByText(other.title).waitFor();
		await settle(mp.page);
		// the other work is highlighted on the map: the halo colour lies along it
		const halo = await patch(mp.page, await project(mp.page, at), 30);
		expect(halo.filter((px) => Math.abs(px[0] - HIGHLIGHT_COLOUR[0]) < 30 && Math.abs(px[1] - HIGHLIGHT_COLOUR[1]) < 40 && px[2] < 120).length).toBeGreaterThan(
			20
		);
		await screenshot(mp.page, '08-other-work-highlighted');
		expect(mp.page.url()).toContain(`sel=work%3A${other.id}`);
		expect(mp.errors).toEqual([]);
	});

	describe('what the map counts in view, and where it flies, is the part a person sees', () => {
		type Box = { left: number; right: number; top: number; bottom: number };
		/** page boxes of the panels over the map, and of the map itself */
		const panels = (mp: MapPage) =>
			mp.page.evaluate(() => {
				const box = (sel: string) => {
					const el = document.querySelector(sel);
					if (!el) return null;
					const r = el.getBoundingClientRect();
					return r.width > 0 ? { left: r.left, right: r.right, top: r.top, bottom: r.bottom } : null;
				};
				return { map: box('.maplibregl-canvas')!, panel: box('[data-testid=panel]'), details: box('[data-testid=details]'), time: box('.time-slot')! };
			});
		/** what is left of the map between the panels */
		const clear = async (mp: MapPage): Promise<Box> => {
			const b = await panels(mp);
			return { left: b.panel?.right ?? b.map.left, right: b.details?.left ?? b.map.right, top: b.map.top, bottom: b.time.top };
		};
		/** moves the map so that lon/lat is drawn at page pixel (x, y), and waits for it to draw */
		const putAt = async (mp: MapPage, lonLat: [number, number], x: number, y: number) => {
			await mp.page.evaluate(
				([ll, x, y]) =>
					new Promise<void>((done) => {
						const map = window.__digonceMap!;
						const r = map.getCanvas().getBoundingClientRect();
						const p = map.project(ll as [number, number]);
						const c = map.project(map.getCenter());
						map.once('moveend', () => done());
						map.jumpTo({ center: map.unproject([c.x + p.x - ((x as number) - r.left), c.y + p.y - ((y as number) - r.top)]) });
					}),
				[lonLat, x, y] as const
			);
			await settle(mp.page);
		};
		const listed = (mp: MapPage, id: string | number | undefined) => mp.page.locator(`[data-testid=conflict-list] [data-conflict-id="${id}"]`).count();
		const onCanvas = (mp: MapPage, lonLat: [number, number]) => mp.page.evaluate((ll) => window.__digonceMap!.getBounds().contains(ll), lonLat);

		it('leaves out of the count a conflict under the side panel or under the time bar', async () => {
			const mp = await open('zh', true);
			const { conflict, at } = await penpuConflict(mp);
			await openMap(mp.page, `/?t=2025-01..2025-12&${here(at, 16)}`);
			await mp.page.getByTestId('tab-conflicts').click();
			await mp.page.locator(`[data-conflict-id="${conflict.id}"]`).waitFor();
			const b = await panels(mp);

			await putAt(mp, at, (b.panel!.left + b.panel!.right) / 2, (b.map.top + b.map.bottom) / 2);
			expect(await onCanvas(mp, at), 'on the canvas, under the panel').toBe(true);
			expect(await listed(mp, conflict.id)).toBe(0);

			await putAt(mp, at, (b.time.left + b.time.right) / 2, (b.time.top + b.time.bottom) / 2);
			expect(await onCanvas(mp, at), 'on the canvas, under the time bar').toBe(true);
			expect(await listed(mp, conflict.id)).toBe(0);

			const c = await clear(mp);
			await putAt(mp, at, (c.left + c.right) / 2, (c.top + c.bottom) / 2);
			expect(await listed(mp, conflict.id)).toBe(1);
			expect(mp.errors).toEqual([]);
		});

		it('flies a conflict picked from the list, and a search result, into the clear part of the map', async () => {
			const mp = await open('zh', true);
			const { conflict, at } = await penpuConflict(mp);
			await openMap(mp.page, `/?t=2025-01..2025-12&${here(at, 15)}`);
			await mp.page.getByTestId('tab-conflicts').click();
			// near the right edge of the clear part: where the details panel will open over it
			const before = await clear(mp);
			await putAt(mp, at, before.right - 30, before.top + 60);
			const item = mp.page.locator(`[data-conflict-id="${conflict.id}"]`);
			await item.waitFor();
			await item.click();
			await mp.page.locator('[data-testid=details][data-kind=conflict]').waitFor();
			await mp.page.waitForFunction(() => !window.__digonceMap!.isMoving() && window.__digonceMap!.getZoom() > 16.5, null, { timeout: 30_000 });
			await settle(mp.page);
			const after = await clear(mp);
			const p = await project(mp.page, at);
			expect(p.x).toBeGreaterThan(after.left);
			expect(p.x).toBeLessThan(after.right);
			expect(p.y).toBeGreaterThan(after.top);
			expect(p.y).toBeLessThan(after.bottom);
			await screenshot(mp.page, '09-conflict-flown-into-view');

			await mp.page.getByTestId('tab-layers').click();
			await mp.page.getByTestId('search').fill('hhex');
			const hit = mp.page.getByTestId('search-results').getByText(String(heHua.properties.name));
			await hit.waitFor();
			await hit.click();
			await mp.page.getByTestId('details-title').getByText(String(heHua.properties.name)).waitFor();
			await mp.page.waitForFunction(() => !window.__digonceMap!.isMoving(), null, { timeout: 30_000 });
			await settle(mp.page);
			const box = geometryBbox(heHua.geometry);
			const [sw, ne] = [await project(mp.page, [box[0], box[1]]), await project(mp.page, [box[2], box[3]])];
			const seen = await clear(mp);
			expect(sw.x).toBeGreaterThanOrEqual(seen.left);
			expect(ne.x).toBeLessThanOrEqual(seen.right);
			expect(ne.y).toBeGreaterThanOrEqual(seen.top);
			expect(sw.y).toBeLessThanOrEqual(seen.bottom);
			expect(mp.errors).toEqual([]);
		});
	});
});

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import proj4 from 'proj4';
import type { Page } from 'playwright-core';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { browserSuite, openMap, patch, pixelsPainted, project, screenshot, settle, signIn } from '../support/browser';
import { NEIGHBOURHOOD_COLOURS, RAIN_SEWAGE_COLOURS } from '../../src/lib/map/palette';
import { geometryBbox } from '../../src/lib/geo/representative-point';
import { insidePolygon, labelPoint } from '../../src/lib/geo/label-point';
import { addDays } from '../../src/lib/domain/work-rules';
import { testToday } from '../support/clock';

/**
 * The page's frame and its words in a real browser: the header on one line, MapLibre's controls in
 * the page's language, the upload's messages, the legend of what is drawn, the status at the time
 * bar's end, and tap targets a finger can hit on a phone.
 */
const demo = resolve(import.meta.dirname, '../../data/demo');
type Props = Record<string, unknown>;
const neighbourhoods = JSON.parse(readFileSync(resolve(demo, 'neighbourhoods.geojson'), 'utf8')) as FeatureCollection<Geometry, Props>;
/** 荷花二巷43号院: under construction, on combined drainage */
const heHua = neighbourhoods.features.find((f) => f.id === 'nb-360403-032')!;
/** a point of a block away from its label, so the pixels there are the fill's (as tests/e2e/map.test.ts) */
function fillPoint(f: Feature<Geometry, Props>): [number, number] {
	const label = labelPoint(f.geometry)!;
	const [minX, minY] = geometryBbox(f.geometry);
	const at: [number, number] = [(label[0] * 2 + minX) / 3, (label[1] * 2 + minY) / 3];
	const rings = f.geometry.type === 'Polygon' ? f.geometry.coordinates : (f.geometry as { coordinates: number[][][][] }).coordinates[0];
	if (!insidePolygon(at, rings)) throw new Error(`the sample point for ${f.properties.name} is outside it: pick another`);
	return at;
}
const here = (lonLat: [number, number], zoom: number) => `c=${lonLat[0]},${lonLat[1]}&z=${zoom}`;
const ACROSS_XUNYANG_ROAD: [number, number][] = [
	[116.00212, 29.72245],
	[116.00212, 29.72275]
];
const CGCS2000_GK_117E = '+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
const GK_CROSSING = ACROSS_XUNYANG_ROAD.map((p) => proj4('EPSG:4326', CGCS2000_GK_117E, p));

describe('layout and words, in Chromium', () => {
	const suite = browserSuite();
	const open = (lang: 'zh' | 'en', viewport = { width: 1280, height: 800 }, phone = false) =>
		suite.open({ lang, viewport, phone, langCookie: true, consoleErrors: false });

	/** each item of the header: its box, and the line height of its text */
	const headerItems = (page: Page) =>
		page.evaluate(() => {
			const bar = document.querySelector('header.bar')!;
			const items = [...bar.children, ...bar.querySelector('nav')!.children].filter((e) => e.tagName !== 'NAV' && (e as HTMLElement).offsetParent !== null);
			return {
				bar: bar.getBoundingClientRect().height,
				items: items.map((e) => {
					const r = e.getBoundingClientRect();
					const line = parseFloat(getComputedStyle(e).fontSize) * 1.6;
					return { text: (e as HTMLElement).innerText.trim(), top: r.top, middle: r.top + r.height / 2, height: r.height, line };
				})
			};
		});

	async function expectOneLine(page: Page, label: string) {
		const { bar, items } = await headerItems(page);
		expect(items.length, label).toBeGreaterThan(5);
		// no item wraps onto a second line of its own, and all sit on one row
		expect(
			items.filter((i) => i.height > i.line + 12).map((i) => i.text),
			label
		).toEqual([]);
		const middles = items.map((i) => i.middle);
		expect(Math.max(...middles) - Math.min(...middles), `${label}: ${JSON.stringify(items)}`).toBeLessThan(6);
		expect(bar, label).toBeLessThan(56);
	}

	it('keeps the header on one line: in Chinese at 1280 px signed in as a planner with residents’ submissions waiting, in English at 1280, 1440 and 1600 px', async () => {
		const { page, errors } = await open('zh');
		// a resident's need waiting for review puts the pending badge in the planner's header
		const need = await page.request.post('/api/submissions', {
			data: { neighbourhood_id: heHua.id, kind: 'need', category: 'parking', body: '希望改造时在院内增设电动车充电车棚，谢谢。' },
			headers: { origin: suite.app.url, 'user-agent': 'layout-test' }
		});
		expect(need.status()).toBeLessThan(300);
		await signIn(page, suite.app.url);
		await page.goto('/?l=-');
		await page.getByTestId('nav-moderation').locator('.pending').waitFor();
		await expectOneLine(page, 'zh 1280');
		await screenshot(page, 'layout-header-zh-1280');
		for (const width of [1280, 1440, 1600]) {
			const en = await open('en', { width, height: 800 });
			await signIn(en.page, suite.app.url);
			await en.page.goto('/?l=-');
			await en.page.getByTestId('nav-moderation').waitFor();
			await expectOneLine(en.page, `en ${width}`);
			if (width === 1280) await screenshot(en.page, 'layout-header-en-1280');
			expect(en.errors).toEqual([]);
		}
		expect(errors).toEqual([]);
	}, 180_000);

	it('gives MapLibre’s own controls the page’s language', async () => {
		for (const [lang, zoomIn, zoomOut] of [
			['zh', '放大', '缩小'],
			['en', 'Zoom in', 'Zoom out']
		] as const) {
			const { page, errors } = await open(lang);
			// the controls are there once the map is made; no layer data is needed to read them
			await page.goto('/?l=-', { timeout: 90_000 });
			const button = page.locator('.maplibregl-ctrl-zoom-in');
			await button.waitFor({ timeout: 90_000 });
			expect([lang, await button.getAttribute('title'), await button.getAttribute('aria-label')]).toEqual([lang, zoomIn, zoomIn]);
			expect(await page.locator('.maplibregl-ctrl-zoom-out').getAttribute('title')).toBe(zoomOut);
			expect(errors).toEqual([]);
		}
	}, 240_000);

	/** the register desk at 浔阳路, signed in as the planner, with a window that has not begun */
	async function register() {
		const mp = await open('zh');
		await signIn(mp.page, suite.app.url);
		await openMap(mp.page, `/?${here(ACROSS_XUNYANG_ROAD[0], 17)}&desk=register`);
		await mp.page.getByTestId('register').waitFor();
		const start = addDays(testToday(), 30);
		await mp.page.getByTestId('field-start').fill(start);
		await mp.page.getByTestId('field-end').fill(addDays(start, 10));
		await mp.page.locator('.upload summary').click();
		return mp;
	}
	const upload = (page: Page, name: string, text: string) =>
		page.getByTestId('upload-file').setInputFiles({ name, mimeType: 'application/geo+json', buffer: Buffer.from(text) });
	const crossing = (coordinates: number[][], crs?: string) =>
		JSON.stringify({
			type: 'FeatureCollection',
			...(crs ? { crs: { type: 'name', properties: { name: crs } } } : {}),
			features: [{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates } }]
		});

	it('says once, naming the city, that a zone’s metres uploaded as WGS84 lie outside it', async () => {
		const { page, errors } = await register();
		await upload(page, 'crossing-gk.geojson', crossing(GK_CROSSING));
		await page.waitForSelector('[data-testid=live-check][data-pending=false]', { timeout: 30_000 });
		await page.locator('[data-testid=field-error-geometry][data-source=server]').waitFor();
		const messages = await page.getByTestId('field-error-geometry').allTextContents();
		expect(messages).toHaveLength(1);
		expect(messages[0]).toMatch(/^图形不在九江市范围内（[\d.,]+）。请确认坐标系选择正确（当前：EPSG:4326）/);
		expect(messages[0]).not.toMatch(/360400|（—）/);
		expect(errors).toEqual([]);
	}, 120_000);

	it('says which file is not JSON and what to do, never the browser’s parser error', async () => {
		const { page, errors } = await register();
		await upload(page, '浔阳路过街.geojson', '{"type":"FeatureCollection","features":[');
		const message = await page.getByTestId('field-error-geometry').textContent();
		expect(message).toContain('浔阳路过街.geojson');
		expect(message).toContain('重新导出为 GeoJSON');
		expect(message).not.toMatch(/Unexpected|JSON input|position/);
		expect(errors).toEqual([]);
	}, 120_000);

	it('chooses the CRS a GeoJSON file names in its crs member, and warns when the choice is changed away from it', async () => {
		const { page, errors } = await register();
		expect(await page.getByTestId('upload-crs').inputValue()).toBe('EPSG:4326');
		await upload(page, 'crossing-4548.geojson', crossing(GK_CROSSING, 'urn:ogc:def:crs:EPSG::4548'));
		await expect.poll(() => page.getByTestId('upload-crs').inputValue()).toBe('EPSG:4548');
		expect(await page.getByTestId('upload-crs-note').textContent()).toContain('EPSG:4548');
		await page
			.getByTestId('shape-summary')
			.getByText(/沟槽 1 段，共 3\d 米/)
			.waitFor();
		await page.getByTestId('upload-crs').selectOption('EPSG:4490');
		const warning = page.locator('[data-testid=upload-crs-note][role=alert]');
		await warning.waitFor();
		expect(await warning.textContent()).toMatch(/文件注明其坐标系为 .*EPSG:4548.*但当前选择的是 .*EPSG:4490/);
		await screenshot(page, 'layout-upload-crs-member');
		expect(errors).toEqual([]);
	}, 120_000);

	it('shows one legend for the colour a block is filled with when the drainage layer is on', async () => {
		const { page, errors } = await open('zh');
		const at = fillPoint(heHua);
		await openMap(page, `/?${here(at, 17)}&l=hd`);
		const off = await patch(page, await project(page, at), 16);
		await page.click('[data-testid=toggle-neighbourhoods]');
		await settle(page);
		expect(await page.getByTestId('status-legend').isVisible()).toBe(true);
		await page.click('[data-testid=toggle-rain_sewage]');
		await settle(page);
		const on = await patch(page, await project(page, at), 16);
		// the block shows the drainage colour alone, laid straight on the basemap, and the legend says so
		expect(pixelsPainted(off, on, RAIN_SEWAGE_COLOURS.combined, 0.55, 6)).toBeGreaterThan(200);
		expect(await page.getByTestId('status-legend').count()).toBe(0);
		expect(await page.getByTestId('status-legend-replaced').isVisible()).toBe(true);
		await screenshot(page, 'layout-drainage-legend');
		expect(errors).toEqual([]);
	}, 120_000);

	it('colours a neighbourhood by its status at the end of the period on the time bar', async () => {
		const { page, errors } = await open('zh');
		const res = await page.request.get(`/api/neighbourhoods?at=${testToday()}`);
		const recorded = ((await res.json()) as FeatureCollection<Geometry, Props>).features.find((f) => f.id === heHua.id)!.properties;
		expect(recorded.status).toBe('under_construction');
		// the month before its renovation began: approved then, over HTTP and on the map
		const before = addDays(String(recorded.renovation_start), -31).slice(0, 7);
		const then = await page.request.get(`/api/neighbourhoods?at=${before}-28`);
		expect(((await then.json()) as FeatureCollection<Geometry, Props>).features.find((f) => f.id === heHua.id)!.properties.status).toBe('approved');
		const at = fillPoint(heHua);
		await openMap(page, `/?${here(at, 17)}&l=hd`);
		const off = await patch(page, await project(page, at), 16);
		await openMap(page, `/?${here(at, 17)}&t=${before}..${before}`);
		const onBefore = await patch(page, await project(page, at), 16);
		expect(pixelsPainted(off, onBefore, NEIGHBOURHOOD_COLOURS.approved, 0.5)).toBeGreaterThan(200);
		const during = String(recorded.renovation_start).slice(0, 7);
		await openMap(page, `/?${here(at, 17)}&t=${during}..${during}`);
		const onDuring = await patch(page, await project(page, at), 16);
		expect(pixelsPainted(off, onDuring, NEIGHBOURHOOD_COLOURS.under_construction, 0.5)).toBeGreaterThan(200);
		expect(errors).toEqual([]);
	}, 120_000);

	/** every control a finger may aim at that is on screen and smaller than 44 × 44 CSS px */
	const smallTargets = (page: Page) =>
		page.evaluate(() =>
			[...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, label.chip, [role=button], .chip')]
				// a link inside a sentence is exempt, as WCAG 2.5.8 exempts inline targets
				.filter((e) => !(e.tagName === 'A' && getComputedStyle(e).display === 'inline' && e.parentElement?.closest('p, li, dd, td')))
				.filter((e) => {
					const s = getComputedStyle(e);
					const r = e.getBoundingClientRect();
					return (
						s.visibility !== 'hidden' &&
						s.display !== 'none' &&
						r.width > 0 &&
						r.height > 0 &&
						!e.closest('.visually-hidden') &&
						!e.classList.contains('visually-hidden')
					);
				})
				.map((e) => {
					// a checkbox or radio is hit through its label, which is the target a finger sees
					const label = e.matches('input[type=checkbox], input[type=radio]') ? e.closest('label') : null;
					const r = (label ?? e).getBoundingClientRect();
					return {
						what: `${e.tagName.toLowerCase()}${e.getAttribute('data-testid') ? `[${e.getAttribute('data-testid')}]` : ''} ${((e as HTMLElement).innerText || e.getAttribute('title') || e.getAttribute('aria-label') || '').trim().slice(0, 20)}`,
						w: Math.round(r.width),
						h: Math.round(r.height)
					};
				})
				.filter((t) => t.w < 44 || t.h < 44)
		);

	it('gives every tap target on the phone pages at least 44 × 44 CSS px', async () => {
		const small: unknown[] = [];
		for (const lang of ['zh', 'en'] as const) {
			const { page, errors } = await open(lang, { width: 360, height: 740 }, true);
			await page.goto('/m', { timeout: 90_000 });
			await page.waitForSelector('[data-testid=public-map][data-busy=false]', { timeout: 60_000 });
			small.push(...(await smallTargets(page)).map((t) => ({ lang, page: '/m', ...t })));
			await page.goto(`/n/${heHua.id}`, { timeout: 90_000 });
			small.push(...(await smallTargets(page)).map((t) => ({ lang, page: '/n', ...t })));
			await page.goto('/login', { timeout: 90_000 });
			small.push(...(await smallTargets(page)).map((t) => ({ lang, page: '/login', ...t })));
			expect(errors).toEqual([]);
		}
		expect(small).toEqual([]);
	}, 180_000);
});

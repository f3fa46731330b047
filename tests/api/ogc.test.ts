import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { startApp, type RunningApp } from '../support/app';
import { ensureDebianProgram } from '../support/system';
import { PUBLIC_WORK_FIELDS } from '../../src/lib/server/works/queries';

type Json = Record<string, any>;

describe('OGC API – Features under /ogc', () => {
	let app: RunningApp;
	const get = async (path: string) => fetch(app.url + path, { headers: { 'x-forwarded-for': '127.0.0.1' } });
	const json = async (path: string) => (await get(path)).json() as Promise<Json>;

	beforeAll(async () => {
		app = await startApp('demo');
	});
	afterAll(() => app?.stop());

	it('has a landing page linking the API definition, conformance and collections', async () => {
		const landing = await json('/ogc');
		const rels = landing.links.map((l: Json) => l.rel);
		expect(rels).toEqual(expect.arrayContaining(['self', 'service-desc', 'conformance', 'data']));
		const api = await json('/ogc/api');
		expect(api.openapi).toMatch(/^3\.0/);
		expect(Object.keys(api.paths)).toContain('/collections/{collectionId}/items');
		const conformance = await json('/ogc/conformance');
		expect(conformance.conformsTo).toEqual(
			expect.arrayContaining(['http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core', 'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson'])
		);
	});

	it('describes each collection with its extent and an items link', async () => {
		const { collections } = await json('/ogc/collections');
		expect(collections.map((c: Json) => c.id)).toEqual(['neighbourhoods', 'works', 'historic-districts', 'districts']);
		const works = collections.find((c: Json) => c.id === 'works');
		const [[x0, y0, x1, y1]] = works.extent.spatial.bbox;
		expect(x0).toBeGreaterThan(115.9);
		expect(x1).toBeLessThan(116.1);
		expect(y0).toBeLessThan(y1);
		expect(works.extent.temporal.interval[0][0]).toMatch(/^2019-/);
		expect(works.links.find((l: Json) => l.rel === 'items').href).toMatch(/\/ogc\/collections\/works\/items$/);
		expect((await get('/ogc/collections/pipes')).status).toBe(404);
	});

	it('pages through every work exactly once by following next links', async () => {
		const first = await json('/ogc/collections/works/items?limit=250');
		expect(first).toMatchObject({ type: 'FeatureCollection', numberReturned: 250 });
		const seen: number[] = first.features.map((f: Json) => f.id);
		let next = first.links.find((l: Json) => l.rel === 'next')?.href as string | undefined;
		while (next) {
			const page = await (await fetch(next)).json();
			seen.push(...page.features.map((f: Json) => f.id));
			next = page.links.find((l: Json) => l.rel === 'next')?.href;
		}
		expect(seen.length).toBe(first.numberMatched);
		expect(new Set(seen).size).toBe(seen.length);
		const all = await json('/api/works');
		expect(seen.length).toBe(all.features.length);
	});

	it('filters by bbox and datetime, and serves only public fields', async () => {
		const page = await json('/ogc/collections/works/items?bbox=115.95,29.70,116.02,29.75&datetime=2025-01-01/2025-12-31&limit=1000');
		expect(page.numberMatched).toBe(page.numberReturned);
		expect(page.numberReturned).toBeGreaterThan(0);
		for (const f of page.features) {
			expect(f.properties.start_date <= '2025-12-31' && f.properties.end_date >= '2025-01-01').toBe(true);
			expect(Object.keys(f.properties).sort()).toEqual(Object.keys(PUBLIC_WORK_FIELDS).sort());
		}
		const open = await json('/ogc/collections/works/items?datetime=../2019-12-31&limit=1000');
		expect(open.features.every((f: Json) => f.properties.start_date <= '2019-12-31')).toBe(true);
		const instant = await json('/ogc/collections/neighbourhoods/items?datetime=2021-05-01T00:00:00Z');
		expect(instant.features.every((f: Json) => f.properties.renovation_start <= '2021-05-01' && f.properties.renovation_end >= '2021-05-01')).toBe(true);
	});

	it('serves one feature by id, and 404 for one that does not exist', async () => {
		const f = await json('/ogc/collections/neighbourhoods/items/nb-360403-001');
		expect(f).toMatchObject({ type: 'Feature', id: 'nb-360403-001' });
		expect(f.links.map((l: Json) => l.rel)).toEqual(['self', 'collection']);
		expect((await get('/ogc/collections/works/items/99999999')).status).toBe(404);
		expect((await get('/ogc/collections/works/items/abc')).status).toBe(404);
	});

	it('clamps a limit above 10000 and refuses malformed parameters', async () => {
		expect((await json('/ogc/collections/districts/items?limit=50000')).numberReturned).toBe(3);
		for (const q of ['datetime=yesterday', 'limit=0', 'bbox=1,2,3', 'offset=-1', 'colour=red']) {
			const res = await get(`/ogc/collections/works/items?${q}`);
			expect([q, res.status]).toEqual([q, 400]);
		}
	});

	it('is read by GDAL’s OAPIF driver, layer by layer, as QGIS does', () => {
		const ogrinfo = ensureDebianProgram('/usr/bin/ogrinfo', 'gdal-bin');
		const layers = execFileSync(ogrinfo, ['-ro', '-q', `OAPIF:${app.url}/ogc`], { encoding: 'utf8' });
		for (const id of ['neighbourhoods', 'works', 'historic-districts', 'districts']) expect(layers).toContain(id);
		const summary = execFileSync(ogrinfo, ['-ro', '-so', `OAPIF:${app.url}/ogc`, 'neighbourhoods'], { encoding: 'utf8' });
		expect(summary).toMatch(/Feature Count: 140/);
		expect(summary).toMatch(/renovation_start: Date/);
		const spatial = execFileSync(ogrinfo, ['-ro', '-al', '-q', '-spat', '115.99', '29.71', '116.0', '29.72', `OAPIF:${app.url}/ogc`, 'historic-districts'], {
			encoding: 'utf8'
		});
		expect(spatial).toContain('庾亮南路');
	});
});

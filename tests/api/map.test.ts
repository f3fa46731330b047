import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, startApp, type RunningApp } from '../support/app';

type FC = { type: string; features: { id: string | number; geometry: { type: string }; properties: Record<string, unknown> }[] };

describe('what the map needs over HTTP: its page, basemap data and neighbourhood search', () => {
	let app: RunningApp;
	beforeAll(async () => {
		app = await startApp('demo');
	});
	afterAll(() => app?.stop());
	const get = (path: string, lang: 'zh' | 'en' = 'zh') => client(app.url, lang)(path);

	it('serves the page with the demo notice and the map’s panels, in Chinese first', async () => {
		const res = await get('/');
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('data-testid="dashboard"');
		expect(html).toContain('演示数据');
		expect(html).toContain('图层与筛选');
		const en = await (await get('/?lang=en', 'en')).text();
		expect(en).toContain('Layers &amp; filters');
	});

	it('serves the offline basemap style with no glyphs URL (labels come from local fonts)', async () => {
		const res = await get('/basemap/style.json');
		expect(res.status).toBe(200);
		const style = await res.json();
		expect(style.version).toBe(8);
		expect(style.glyphs).toBeUndefined();
		expect(
			Object.values(style.sources)
				.map((s) => (s as { data: string }).data)
				.sort()
		).toEqual(['/api/basemap/admin-labels', '/api/basemap/districts', '/api/basemap/streets', '/api/basemap/sub-districts', '/basemap/water.geojson']);
	});

	it('serves districts, sub-districts and streets as cacheable GeoJSON with stable ids', async () => {
		const expected = {
			districts: [3, 'MultiPolygon'],
			'sub-districts': [8, 'MultiPolygon'],
			streets: [228, 'LineString'],
			'admin-labels': [11, 'Point']
		} as const;
		for (const [layer, [count, type]] of Object.entries(expected)) {
			const res = await get(`/api/basemap/${layer}`);
			expect(res.status).toBe(200);
			expect(res.headers.get('content-type')).toContain('application/geo+json');
			expect(res.headers.get('cache-control')).toContain('max-age=3600');
			const fc = (await res.json()) as FC;
			expect(fc.features).toHaveLength(count);
			expect(new Set(fc.features.map((f) => f.id)).size).toBe(count);
			expect(fc.features.every((f) => f.geometry.type === type && typeof f.properties.name === 'string')).toBe(true);
		}
	});

	it('answers an unknown basemap layer or parameter with a 4xx a person can act on', async () => {
		const res = await get('/api/basemap/rivers', 'en');
		expect(res.status).toBe(404);
		expect(await res.json()).toEqual({
			error: { code: 'not_found', message: 'There is no basemap layer "rivers". Available: districts, sub-districts, streets, admin-labels.' }
		});
		const bad = await get('/api/basemap/streets?bbox=1,2,3,4');
		expect(bad.status).toBe(400);
		expect((await bad.json()).error.code).toBe('unknown_parameter');
	});

	it('finds neighbourhoods by characters, full pinyin and pinyin initials, best first', async () => {
		const search = async (q: string) =>
			(
				(await (await get(`/api/neighbourhoods/search?q=${encodeURIComponent(q)}`)).json()) as {
					neighbourhoods: { id: string; name: string; district_name: string; bbox: number[] }[];
				}
			).neighbourhoods;
		const byName = await search('荷花二巷');
		expect(byName[0]).toMatchObject({ id: 'nb-360403-032', name: '荷花二巷43号院', district_name: '浔阳区' });
		expect(byName[0].bbox).toHaveLength(4);
		expect((await search('hhex'))[0].id).toBe('nb-360403-032');
		expect((await search('hehuaerxiang'))[0].id).toBe('nb-360403-032');
		const partial = await search('宿舍');
		expect(partial.length).toBeGreaterThan(1);
		expect(partial.every((n) => n.name.includes('宿舍'))).toBe(true);
		expect(await search('zzzzqqq')).toEqual([]);
		expect((await (await get('/api/neighbourhoods/search?q=x&limit=3')).json()).neighbourhoods.length).toBeLessThanOrEqual(3);
	});

	it('searches everything in one endpoint, each viewer seeing only what they may', async () => {
		type Hit = { kind: string; id: string; label: string; bbox: number[] | null; point: number[] | null };
		const hits = async (q: string, as = client(app.url)) =>
			((await (await as(`/api/search?q=${encodeURIComponent(q)}&limit=20`)).json()) as { hits: Hit[] }).hits;
		expect((await hits('湓浦路'))[0]).toMatchObject({ kind: 'street', id: '湓浦路', label: '湓浦路' });
		expect((await hits('#599'))[0]).toMatchObject({ kind: 'work', id: '599' });
		expect((await hits('jjrq')).find((h) => h.kind === 'organisation')?.id).toBe('jj-gas');
		expect((await hits('hhex'))[0]).toMatchObject({ kind: 'neighbourhood', id: 'nb-360403-032' });
		// #584 is a draft: its organisation's and the planners' until it is submitted
		expect((await hits('584')).some((h) => h.kind === 'work' && h.id === '584')).toBe(false);
		const planner = client(app.url);
		expect(
			(await planner('/api/session', { method: 'POST', body: JSON.stringify({ email: 'planner@demo.digonce.cn', password: 'demo-password' }) })).status
		).toBe(200);
		expect((await hits('584', planner))[0]).toMatchObject({ kind: 'work', id: '584' });
		for (const path of ['/api/search', `/api/search?q=${'a'.repeat(51)}`, '/api/search?q=a&limit=51']) {
			const res = await get(path, 'en');
			expect(res.status, path).toBe(400);
			const body = await res.json();
			expect(body.error.code).toBe('invalid_query');
			expect(body.error.message).toMatch(/[a-z]{3}/);
		}
	});

	it('refuses an empty or overlong search, and a bad limit, in the error shape', async () => {
		for (const path of [
			'/api/neighbourhoods/search',
			'/api/neighbourhoods/search?q=',
			`/api/neighbourhoods/search?q=${'a'.repeat(51)}`,
			'/api/neighbourhoods/search?q=a&limit=0'
		]) {
			const res = await get(path);
			expect(res.status, path).toBe(400);
			const body = await res.json();
			expect(body.error.code).toBe('invalid_query');
			expect(body.error.message.length).toBeGreaterThan(5);
		}
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, startApp, type RunningApp } from '../support/app';
import { PUBLIC_WORK_FIELDS, STAFF_WORK_FIELDS } from '../../src/lib/server/works/queries';
import { PUBLIC_NEIGHBOURHOOD_FIELDS } from '../../src/lib/server/neighbourhoods/queries';

type FC = { type: string; features: { id: number | string; geometry: { type: string; coordinates: unknown }; properties: Record<string, unknown> }[] };

describe('layer and reference endpoints over HTTP, on the demo data', () => {
	let app: RunningApp;
	beforeAll(async () => {
		app = await startApp('demo');
	});
	afterAll(() => app?.stop());

	const get = (path: string, lang: 'zh' | 'en' = 'zh') => client(app.url, lang)(path);

	it('reports health with the database kind and the PostGIS version', async () => {
		const res = await get('/api/health');
		expect(res.status).toBe(200);
		const body = await res.json();
		expect(body).toEqual({ status: 'ok', database: app.testDb.backend, postgis: expect.stringMatching(/^3\.\d+/) });
	});

	it('lists the organisations with id, name and kind', async () => {
		const orgs = (await (await get('/api/organisations')).json()) as { id: string; name: string; kind: string }[];
		expect(orgs.length).toBeGreaterThanOrEqual(10);
		const kinds = new Set(orgs.map((o) => o.kind));
		for (const kind of ['water', 'drainage', 'gas', 'power', 'telecom', 'municipal', 'urban_management', 'housing']) expect(kinds).toContain(kind);
		expect(orgs.filter((o) => o.kind === 'telecom')).toHaveLength(3);
	});

	it('serves neighbourhoods as GeoJSON with public fields only to the anonymous', async () => {
		const res = await get('/api/neighbourhoods');
		expect(res.headers.get('content-type')).toContain('application/geo+json');
		const fc = (await res.json()) as FC;
		expect(fc.type).toBe('FeatureCollection');
		expect(fc.features.length).toBeGreaterThanOrEqual(133);
		expect(new Set(fc.features.map((f) => f.id)).size).toBe(fc.features.length);
		for (const f of fc.features) expect(Object.keys(f.properties).sort()).toEqual(Object.keys(PUBLIC_NEIGHBOURHOOD_FIELDS).sort());
		const statuses = new Set(fc.features.map((f) => f.properties.status));
		expect(statuses.size).toBe(5);
	});

	it('filters neighbourhoods by district and status', async () => {
		const fc = (await (await get('/api/neighbourhoods?district=360403&status=accepted')).json()) as FC;
		expect(fc.features.length).toBeGreaterThan(0);
		expect(fc.features.every((f) => f.properties.district_code === '360403' && f.properties.status === 'accepted')).toBe(true);
	});

	it('serves the three historic districts the source names', async () => {
		const fc = (await (await get('/api/historic-districts')).json()) as FC;
		const names = fc.features.map((f) => f.properties.name as string);
		expect(names.some((n) => n.includes('庾亮南路'))).toBe(true);
		expect(names.some((n) => n.includes('行署大院'))).toBe(true);
		expect(names.some((n) => n.includes('动力机厂'))).toBe(true);
	});

	it('serves works filtered by bbox and time, each window meeting the range', async () => {
		const all = (await (await get('/api/works')).json()) as FC;
		expect(all.features.length).toBeGreaterThanOrEqual(500);
		const fc = (await (await get('/api/works?bbox=115.95,29.70,116.02,29.75&from=2025-01-01&to=2025-12-31')).json()) as FC;
		expect(fc.features.length).toBeGreaterThan(0);
		expect(fc.features.length).toBeLessThan(all.features.length);
		for (const f of fc.features) {
			expect((f.properties.start_date as string) <= '2025-12-31').toBe(true);
			expect((f.properties.end_date as string) >= '2025-01-01').toBe(true);
			expect(Object.keys(f.properties).sort()).toEqual(Object.keys(PUBLIC_WORK_FIELDS).sort());
		}
	});

	it('shows depths and internal notes to a signed-in planner, never to the anonymous', async () => {
		const planner = client(app.url);
		const login = await planner('/api/session', { method: 'POST', body: JSON.stringify({ email: 'planner@demo.digonce.cn', password: 'demo-password' }) });
		expect(login.status).toBe(200);
		const fc = (await (await planner('/api/works?from=2025-01-01&to=2025-01-31')).json()) as FC;
		expect(fc.features.length).toBeGreaterThan(0);
		expect(Object.keys(fc.features[0].properties).sort()).toEqual(Object.keys(STAFF_WORK_FIELDS).sort());
		const anon = await (await get('/api/works?from=2025-01-01&to=2025-01-31')).text();
		expect(anon).not.toContain('depth_m');
		expect(anon).not.toContain('internal_note');
	});

	it.each([
		['/api/works?bbox=1,2,3', 'en', 400, 'invalid_query', /bbox must be four numbers/],
		['/api/works?from=2025-02-30', 'zh', 400, 'invalid_query', /from 应为 YYYY-MM-DD 格式的真实日期/],
		['/api/works?from=2025-06-01&to=2025-01-01', 'en', 400, 'invalid_query', /after the end date/],
		['/api/works?utility=steam', 'en', 400, 'invalid_query', /"steam" is not a valid value for utility/],
		['/api/neighbourhoods?district=xunyang', 'zh', 400, 'invalid_query', /六位行政区划代码/],
		['/api/neighbourhoods?color=red', 'en', 400, 'unknown_parameter', /Unknown parameter "color"/],
		['/api/historic-districts?bbox=200,0,201,1', 'en', 400, 'invalid_query', /out of range/],
		['/api/no-such-thing', 'en', 404, 'not_found', /There is no such endpoint: GET \/api\/no-such-thing/]
	] as const)('answers %s with a clear %s error', async (path, lang, status, code, message) => {
		const res = await get(path, lang);
		expect(res.status).toBe(status);
		const body = await res.json();
		expect(body.error.code).toBe(code);
		expect(body.error.message).toMatch(message);
	});
});

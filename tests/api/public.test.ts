import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { client, startApp, type RunningApp } from '../support/app';
import { PUBLIC_WORK_FIELDS } from '../../src/lib/server/works/queries';
import { PUBLIC_NEIGHBOURHOOD_FIELDS } from '../../src/lib/server/neighbourhoods/queries';
import { addDays } from '../../src/lib/domain/work-rules';
import { testToday } from '../support/clock';

type Json = Record<string, any>;
/** 浔阳路: the gas company's main (work #575, 2027-01-04 to 2027-02-05). */
const XUNYANG_ROAD: [number, number] = [116.002121, 29.722599];
const GAS_ON_XUNYANG_ROAD = 575;
/** Names of fields that never leave the server for the public, and the keys a public answer may hold. */
const PRIVATE = [
	'depth_m',
	'internal_note',
	'community_cadre_phone',
	'client_hash',
	'password',
	'email',
	'created_by',
	'moderated_by',
	'status_reason',
	'needs_review'
];
const PUBLIC_WORK_KEYS = [
	'id',
	'sentence',
	'purpose',
	'organisation',
	'organisation_name',
	'hotline',
	'utility',
	'kind',
	'start_date',
	'end_date',
	'status',
	'emergency',
	'distance_m'
];

describe('the public renovation map, over HTTP', () => {
	let app: RunningApp;
	let planner: ReturnType<typeof client>;
	let anon: ReturnType<typeof client>;
	/** a resident's phone: its own address, as the server sees it */
	const resident = (address: string, lang: 'zh' | 'en' = 'zh') => {
		const c = client(app.url, lang);
		return (path: string, init: RequestInit = {}) =>
			c(path, { ...init, headers: { ...(init.headers as Json), 'x-forwarded-for': address, 'user-agent': 'Mozilla/5.0 MicroMessenger/8.0' } });
	};
	const post = (c: (p: string, i?: RequestInit) => Promise<Response>, path: string, body: unknown) => c(path, { method: 'POST', body: JSON.stringify(body) });

	beforeAll(async () => {
		app = await startApp('demo', { ADDRESS_HEADER: 'x-forwarded-for' });
		anon = resident('10.0.0.1');
		planner = client(app.url);
		const res = await planner('/api/session', {
			method: 'POST',
			body: JSON.stringify({ email: 'planner@demo.digonce.cn', password: 'demo-password' }),
			headers: { 'x-forwarded-for': '10.9.9.9' }
		});
		expect(res.status).toBe(200);
	});
	afterAll(() => app?.stop());

	describe('nothing private ever leaves', () => {
		let cadrePhones: string[];
		let notes: string[];
		beforeAll(async () => {
			const staff = await (await planner('/api/neighbourhoods', { headers: { 'x-forwarded-for': '10.9.9.9' } })).json();
			cadrePhones = staff.features.map((f: Json) => f.properties.community_cadre_phone).filter(Boolean);
			notes = staff.features.map((f: Json) => f.properties.internal_note).filter(Boolean);
			expect(cadrePhones.length).toBeGreaterThan(100);
			expect(notes.length).toBeGreaterThan(0);
		});

		it('gives every work exactly the public fields', async () => {
			const fc = await (await anon('/api/works')).json();
			expect(fc.features.length).toBeGreaterThan(500);
			for (const f of fc.features) expect(Object.keys(f.properties).sort()).toEqual(Object.keys(PUBLIC_WORK_FIELDS).sort());
		});

		it('gives every neighbourhood exactly the public fields, officials and hotline included, staff phones not', async () => {
			const text = await (await anon('/api/neighbourhoods')).text();
			const fc = JSON.parse(text);
			for (const f of fc.features) expect(Object.keys(f.properties).sort()).toEqual(Object.keys(PUBLIC_NEIGHBOURHOOD_FIELDS).sort());
			expect(fc.features[0].properties).toMatchObject({ county_leader: expect.any(String), community_cadre: expect.any(String), hotline: expect.any(String) });
			for (const phone of cadrePhones) expect(text).not.toContain(phone);
		});

		it.each([
			'/api/works',
			'/api/neighbourhoods',
			`/api/neighbourhoods/nb-360403-001`,
			`/api/works/${GAS_ON_XUNYANG_ROAD}`,
			`/api/nearby?lon=${XUNYANG_ROAD[0]}&lat=${XUNYANG_ROAD[1]}&days=365`,
			'/api/streets/history',
			'/feeds/works.ics?neighbourhood=nb-360403-001',
			'/n/nb-360403-001',
			'/m'
		])('%s holds no private field name or value', async (path) => {
			const text = await (await anon(path)).text();
			for (const word of PRIVATE) expect([path, text.includes(word)]).toEqual([path, false]);
			for (const note of notes) expect(text).not.toContain(note);
			for (const phone of cadrePhones) expect(text).not.toContain(phone);
		});

		it('refuses the staff-only lists to the anonymous', async () => {
			for (const path of ['/api/conflicts', '/api/proposals', '/api/submissions', '/api/submissions/needs']) {
				expect([path, (await anon(path)).status]).toEqual([path, 401]);
			}
		});

		it('shows gas and power works at street level, never as the exact line; water as drawn', async () => {
			const pub = await (await anon('/api/works?utility=gas,power,water&from=2026-01-01')).json();
			const staff = await (await planner('/api/works?utility=gas,power,water&from=2026-01-01')).json();
			const exact = new Map(staff.features.map((f: Json) => [f.id, JSON.stringify(f.geometry)]));
			const stretches = await (await anon('/api/streets/history')).json();
			const streetPoints = new Set(stretches.features.flatMap((f: Json) => f.geometry.coordinates.map((c: number[]) => c.join(','))));
			let checked = 0;
			for (const f of pub.features) {
				if (f.properties.utility === 'water') {
					expect(JSON.stringify(f.geometry)).toBe(exact.get(f.id));
					continue;
				}
				expect(JSON.stringify(f.geometry)).not.toBe(exact.get(f.id));
				const coords: number[][] =
					f.geometry.type === 'Point' ? [f.geometry.coordinates] : f.geometry.type === 'LineString' ? f.geometry.coordinates : f.geometry.coordinates.flat();
				if (f.geometry.type !== 'Point') {
					expect(coords.every((c) => streetPoints.has(c.join(',')))).toBe(true);
					checked += 1;
				}
			}
			expect(checked).toBeGreaterThan(20);
		});
	});

	describe('a neighbourhood’s page and my street', () => {
		it('shows status, batch, households, items, schedule, officials, hotline, works and drainage', async () => {
			const page = await (await anon('/api/neighbourhoods/nb-360403-001')).json();
			expect(page.feature.properties).toMatchObject({
				status: expect.any(String),
				batch_year: expect.any(Number),
				households: expect.any(Number),
				renovation_items: expect.any(Array),
				hotline: expect.any(String),
				rain_sewage_state: expect.any(String)
			});
			expect(Array.isArray(page.works)).toBe(true);
			for (const w of page.works) expect(Object.keys(w).sort()).toEqual([...PUBLIC_WORK_KEYS].sort());
			expect(page.submissions.counts).toMatchObject({ needs_total: expect.any(Number), evaluations: expect.any(Number) });
			expect((await anon('/api/neighbourhoods/nb-nowhere')).status).toBe(404);
		});

		it('tells a resident on 浔阳路 when the street is dug, by whom, in plain words', async () => {
			const days = Math.ceil((Date.parse('2027-01-04') - Date.parse(testToday())) / 86_400_000) + 10;
			const { works } = await (await anon(`/api/nearby?lon=${XUNYANG_ROAD[0]}&lat=${XUNYANG_ROAD[1]}&days=${days}`)).json();
			const gas = works.find((w: Json) => w.id === GAS_ON_XUNYANG_ROAD);
			expect(gas.sentence).toBe('2027年1月4日—2月5日 燃气管道更换 · 九江深能燃气有限公司');
			expect(gas.distance_m).toBeLessThanOrEqual(200);
			const soon = await (await anon(`/api/nearby?lon=${XUNYANG_ROAD[0]}&lat=${XUNYANG_ROAD[1]}&days=${days - 20}`)).json();
			expect(soon.works.map((w: Json) => w.id)).not.toContain(GAS_ON_XUNYANG_ROAD);
			const far = await (await anon(`/api/nearby?lon=${XUNYANG_ROAD[0]}&lat=${XUNYANG_ROAD[1] + 0.01}&days=${days}`)).json();
			expect(far.works.map((w: Json) => w.id)).not.toContain(GAS_ON_XUNYANG_ROAD);
		});

		it.each([
			['/api/nearby?days=90', /lon 和 lat/],
			['/api/nearby?lon=116&lat=29.7&neighbourhood=nb-360403-001', /二者选一/],
			['/api/nearby?lon=116&lat=95', /lat 应为十进制度数/],
			['/api/nearby?lon=116&lat=29.7&radius=50000', /radius 应为 10 到 2000/]
		])('refuses %s', async (path, message) => {
			const res = await anon(path);
			expect(res.status).toBe(400);
			expect((await res.json()).error.message).toMatch(message);
		});
	});

	describe('residents speak, planners moderate', () => {
		const need = { neighbourhood_id: 'nb-360403-001', kind: 'need', category: 'sewer_blocked', body: '3栋后面的下水道经常堵，下雨天污水漫到路面。' };
		async function pendingCount() {
			return (await (await planner('/api/submissions?status=pending')).json()).submissions.length as number;
		}

		it('stores a need as pending, shows it after a planner publishes it, and counts it', async () => {
			const res = await post(resident('10.0.1.1'), '/api/submissions', need);
			expect(res.status).toBe(201);
			const { id, status } = await res.json();
			expect(status).toBe('pending');
			const before = await (await anon('/api/neighbourhoods/nb-360403-001')).json();
			expect(before.submissions.items.map((s: Json) => s.id)).not.toContain(id);
			const queue = await (await planner('/api/submissions?status=pending')).json();
			expect(queue.submissions.find((s: Json) => s.id === id)).toMatchObject({ body: need.body, neighbourhood_name: expect.any(String) });
			expect((await post(planner, `/api/submissions/${id}/moderation`, { action: 'publish' })).status).toBe(200);
			const after = await (await anon('/api/neighbourhoods/nb-360403-001')).json();
			expect(after.submissions.items.find((s: Json) => s.id === id)).toMatchObject({ body: need.body, category: 'sewer_blocked' });
			expect(after.submissions.counts.needs.sewer_blocked).toBe((before.submissions.counts.needs.sewer_blocked ?? 0) + 1);
			const needs = await (await planner('/api/submissions/needs')).json();
			expect(needs.features.find((f: Json) => f.id === 'nb-360403-001').properties.by_category.sewer_blocked).toBeGreaterThanOrEqual(1);
		});

		it('gives the sender a receipt, by which their device learns the outcome and nothing else', async () => {
			const phone = resident('10.0.1.4');
			const sent: Json[] = [];
			for (const body of ['门口路灯坏了半个月', '楼下停车位太少', '化粪池又满了'])
				sent.push(await (await post(phone, '/api/submissions', { ...need, body })).json());
			for (const s of sent) expect(s.receipt).toMatch(/^[A-Za-z0-9_-]{24}$/);
			const [published, hidden, waiting] = sent;
			expect((await post(planner, `/api/submissions/${published.id}/moderation`, { action: 'publish' })).status).toBe(200);
			expect((await post(planner, `/api/submissions/${hidden.id}/moderation`, { action: 'hide', reason: '与本小区改造无关' })).status).toBe(200);
			// asked from another address, as a phone that moved from Wi-Fi to mobile data would
			const res = await post(resident('10.7.7.7'), '/api/submissions/receipts', {
				receipts: [published.receipt, hidden.receipt, waiting.receipt, 'A'.repeat(24), 'not a receipt']
			});
			expect(res.status).toBe(200);
			const { submissions } = await res.json();
			expect(submissions.map((s: Json) => [s.id, s.status, s.reason])).toEqual([
				[published.id, 'published', null],
				[hidden.id, 'hidden', '与本小区改造无关'],
				[waiting.id, 'pending', null]
			]);
			for (const s of submissions) expect(Object.keys(s).sort()).toEqual(['id', 'moderated_at', 'reason', 'status']);
			const tooMany = await post(anon, '/api/submissions/receipts', { receipts: Array.from({ length: 51 }, () => 'A'.repeat(24)) });
			expect(tooMany.status).toBe(400);
		});

		it('hides a submission only with a reason', async () => {
			const { id } = await (await post(resident('10.0.1.2'), '/api/submissions', { ...need, body: '广告：低价装修' })).json();
			expect((await post(planner, `/api/submissions/${id}/moderation`, { action: 'hide' })).status).toBe(400);
			expect((await post(planner, `/api/submissions/${id}/moderation`, { action: 'hide', reason: '广告' })).status).toBe(200);
			const page = await (await anon('/api/neighbourhoods/nb-360403-001')).json();
			expect(page.submissions.items.map((s: Json) => s.id)).not.toContain(id);
			expect((await post(resident('10.0.1.2'), `/api/submissions/${id}/moderation`, { action: 'publish' })).status).toBe(401);
		});

		it('takes an evaluation of a finished neighbourhood, not of one still being renovated', async () => {
			const all = await (await anon('/api/neighbourhoods')).json();
			const done = all.features.find((f: Json) => f.properties.status === 'accepted');
			const running = all.features.find((f: Json) => f.properties.status === 'under_construction');
			const ok = await post(resident('10.0.1.3'), '/api/submissions', {
				neighbourhood_id: done.id,
				kind: 'evaluation',
				rating: 5,
				body: '改造后路面平整，雨天不再积水。'
			});
			expect(ok.status).toBe(201);
			const refused = await post(resident('10.0.1.3'), '/api/submissions', { neighbourhood_id: running.id, kind: 'evaluation', rating: 4, body: '还不错' });
			expect(refused.status).toBe(400);
			expect((await refused.json()).error.message).toMatch(/尚未完工（当前：改造中），完工后才能评价；现在可以提出需求/);
		});

		it.each([
			['HTML', { ...need, body: '<script>alert(1)</script>' }, /不能包含 HTML 标签/],
			['an empty text', { ...need, body: '  ' }, /至少 2 个字/],
			['a text of 501 characters', { ...need, body: '堵'.repeat(501) }, /最多 500 字，当前 501 字/],
			['no category', { ...need, category: undefined }, /请选择需求类别：化粪池堵塞、下水道不畅/],
			['an unknown category', { ...need, category: 'noise' }, /category/],
			['a rating of 6', { neighbourhood_id: 'nb-360403-001', kind: 'evaluation', rating: 6, body: '很好很好' }, /1 到 5 分/],
			['an unknown neighbourhood', { ...need, neighbourhood_id: 'nb-nowhere' }, /找不到小区“nb-nowhere”/]
		])('refuses %s, says why, and stores nothing', async (_name, body, message) => {
			const before = await pendingCount();
			const res = await post(resident('10.0.2.1'), '/api/submissions', body);
			expect(res.status).toBe(400);
			expect((await res.json()).error.message).toMatch(message);
			expect(await pendingCount()).toBe(before);
		});

		it('limits each client to 5 submissions an hour and says when to come back; others are not affected', async () => {
			const phone = resident('10.0.3.1');
			for (let i = 0; i < 5; i++) expect((await post(phone, '/api/submissions', { ...need, body: `第${i + 1}次反映：下水道堵塞` })).status).toBe(201);
			const before = await pendingCount();
			const res = await post(phone, '/api/submissions', { ...need, body: '第6次反映' });
			expect(res.status).toBe(429);
			expect((await res.json()).error.message).toMatch(/每小时最多 5 条、每天最多 20 条。请 \d+ 分钟后再试/);
			expect(await pendingCount()).toBe(before);
			expect((await post(resident('10.0.3.2'), '/api/submissions', need)).status).toBe(201);
			const english = await post(resident('10.0.3.1', 'en'), '/api/submissions', need);
			expect((await english.json()).error.message).toMatch(/at most 5 an hour/);
		});
	});

	describe('the pages around it', () => {
		const WECHAT = 'Mozilla/5.0 (Linux; Android 12) AppleWebKit/537.36 Chrome/107.0 Mobile Safari/537.36 MicroMessenger/8.0.40';
		const DESKTOP = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36';
		const open = (c: ReturnType<typeof client>, path: string, ua: string) => c(path, { headers: { 'user-agent': ua } });
		const need = { neighbourhood_id: 'nb-360403-001', kind: 'need', category: 'lighting' };

		it('sends a resident who opens the bare address on a phone to the residents’ map; links and staff keep the dashboard', async () => {
			const phone = await open(client(app.url), '/', WECHAT);
			expect([phone.status, phone.headers.get('location')]).toEqual([303, '/m']);
			expect((await open(client(app.url), '/', DESKTOP)).status).toBe(200);
			expect((await open(client(app.url), '/?c=116.00212,29.7226&z=17', WECHAT)).status).toBe(200);
			expect((await open(planner, '/', WECHAT)).status).toBe(200);
			const map = await open(client(app.url), '/m', WECHAT);
			expect(map.status).toBe(200);
			expect(await map.text()).toContain('data-testid="public-map"');
		});

		it('renders a neighbourhood’s page on the server: officials, hotline to call, my street, calendar', async () => {
			const res = await open(client(app.url), '/n/nb-360403-041', WECHAT);
			expect(res.status).toBe(200);
			const html = await res.text();
			const facts = (await (await anon('/api/neighbourhoods/nb-360403-041')).json()).feature.properties;
			expect(html).toMatch(new RegExp(`<h1 data-testid="nb-name"[^>]*>${facts.name}</h1>`));
			for (const who of [facts.county_leader, facts.housing_leader, facts.community_cadre]) expect(html).toContain(who);
			expect(html).toContain(`href="tel:${facts.hotline.replace(/-/g, '')}"`);
			expect(html).toContain('2027年1月4日—2月5日 燃气管道更换 · 九江深能燃气有限公司');
			expect(html).toMatch(/href="webcal:\/\/[^"]+\/feeds\/works\.ics\?neighbourhood=nb-360403-041"/);
			expect((await open(client(app.url), '/n/nb-nowhere', WECHAT)).status).toBe(404);
		});

		it('keeps the moderation page to planners, and refuses to hide without a reason', async () => {
			const asAnon = await client(app.url)('/moderation');
			expect([asAnon.status, asAnon.headers.get('location')]).toEqual([303, '/login?next=%2Fmoderation']);
			const gas = client(app.url);
			expect((await gas('/api/session', { method: 'POST', body: JSON.stringify({ email: 'gas@demo.digonce.cn', password: 'demo-password' }) })).status).toBe(
				200
			);
			expect((await gas('/moderation')).status).toBe(403);

			const { id } = await (await post(resident('10.0.5.1'), '/api/submissions', { ...need, body: '小区里的路灯晚上不亮' })).json();
			const page = await (await planner('/moderation')).text();
			expect(page).toContain('小区里的路灯晚上不亮');
			// the page's form action, as `use:enhance` posts it
			const act = (fields: Record<string, string>) =>
				planner('/moderation?/moderate', {
					method: 'POST',
					body: new URLSearchParams(fields),
					headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', 'x-sveltekit-action': 'true' }
				});
			const refused = await (await act({ id: String(id), action: 'hide', reason: ' ' })).json();
			expect([refused.type, refused.status]).toEqual(['failure', 400]);
			expect(refused.data).toContain('不公开须填写原因');
			const done = await (await act({ id: String(id), action: 'publish' })).json();
			expect(done.type).toBe('success');
			const nb = await (await anon('/api/neighbourhoods/nb-360403-001')).json();
			expect(nb.submissions.items.map((s: Json) => s.id)).toContain(id);
			const history = await (await planner('/moderation?status=published')).text();
			expect(history).toContain('小区里的路灯晚上不亮');
			expect(history).toMatch(/于 .+ 公开/);
		});
	});

	describe('calendar feeds (RFC 5545)', () => {
		const parse = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

		it('lists a neighbourhood’s works as all-day events that match the data', async () => {
			const res = await anon('/feeds/works.ics?neighbourhood=nb-360403-001');
			expect(res.headers.get('content-type')).toContain('text/calendar');
			const events = parse(await res.text());
			const page = await (await anon('/api/neighbourhoods/nb-360403-001')).json();
			const cutoff = addDays(testToday(), -183);
			const expected = page.works.filter((w: Json) => w.end_date >= cutoff);
			expect(events.length).toBe(expected.length);
			for (const w of expected) {
				const e = events.find((x) => x.uid.startsWith(`work-${w.id}@`))!;
				expect(e.summary).toBe(`${w.purpose} · ${w.organisation_name}`);
				expect(e.startDate.isDate).toBe(true);
				expect(e.startDate.toString()).toBe(w.start_date);
				expect(e.endDate.toString()).toBe(addDays(w.end_date, 1));
				expect(e.description).toContain(w.organisation_name);
			}
		});

		it('covers a drawn area, and names the street', async () => {
			const [lon, lat] = XUNYANG_ROAD;
			const events = parse(await (await anon(`/feeds/works.ics?bbox=${lon - 0.002},${lat - 0.001},${lon + 0.002},${lat + 0.001}`)).text());
			const gas = events.find((e) => e.uid.startsWith(`work-${GAS_ON_XUNYANG_ROAD}@`))!;
			expect(gas.summary).toBe('燃气管道更换 · 九江深能燃气有限公司');
			expect(gas.location).toContain('浔阳路');
			expect(gas.startDate.toString()).toBe('2027-01-04');
			expect(gas.endDate.toString()).toBe('2027-02-06');
		});

		it('asks for a scope', async () => {
			const res = await anon('/feeds/works.ics');
			expect(res.status).toBe(400);
			expect((await res.json()).error.message).toMatch(/neighbourhood=小区编号 或 bbox=/);
		});
	});
});

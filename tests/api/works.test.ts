import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import gcoord from 'gcoord';
import { client, startApp, type RunningApp } from '../support/app';
import { addDays } from '../../src/lib/domain/work-rules';
import { testToday } from '../support/clock';

/**
 * Registering excavation windows over HTTP, on the demo data. The demo scenario: the gas company
 * replaces its main along 浔阳路 (work #575, 2027-01-04 to 2027-02-05); the water company draws a
 * trench across that street.
 */
const GAS_ON_XUNYANG_ROAD = 575;
const ACROSS_XUNYANG_ROAD: [number, number][] = [
	[116.00212, 29.72245],
	[116.00212, 29.72275]
];
/** 浔南大道 (银杏路至西林巷段), reconstructed until 2022-10-31: no digging before 2027-10-31. */
const ON_RECONSTRUCTED_ROAD: [number, number][] = [
	[116.0081, 29.67118],
	[116.0087, 29.67116]
];
const CGCS2000_GK_117E = '+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';

type Json = Record<string, any>;
const trench = (coordinates: number[][], properties: Json): Json => ({ type: 'Feature', geometry: { type: 'LineString', coordinates }, properties });
const waterTrench = (extra: Json = {}, coordinates: number[][] = ACROSS_XUNYANG_ROAD) =>
	trench(coordinates, {
		organisation: 'jj-water',
		utility: 'water',
		kind: 'replacement',
		start_date: '2027-01-11',
		end_date: '2027-01-29',
		width_m: 0.8,
		depth_m: 1.2,
		title: '浔阳路供水管过街段更换',
		...extra
	});

describe('registering excavation windows over HTTP', () => {
	let app: RunningApp;
	let water: ReturnType<typeof client>;
	let waterEn: ReturnType<typeof client>;
	let gas: ReturnType<typeof client>;
	let planner: ReturnType<typeof client>;
	const today = testToday();

	async function signIn(email: string, lang: 'zh' | 'en' = 'zh') {
		const c = client(app.url, lang);
		const res = await c('/api/session', { method: 'POST', body: JSON.stringify({ email, password: 'demo-password' }) });
		expect(res.status).toBe(200);
		return c;
	}
	const post = (c: ReturnType<typeof client>, path: string, body: unknown) => c(path, { method: 'POST', body: JSON.stringify(body) });
	async function workCount() {
		const fc = await (await planner('/api/works')).json();
		return fc.features.length as number;
	}

	beforeAll(async () => {
		app = await startApp('demo');
		water = await signIn('water@demo.digonce.cn');
		waterEn = await signIn('water@demo.digonce.cn', 'en');
		gas = await signIn('gas@demo.digonce.cn');
		planner = await signIn('planner@demo.digonce.cn');
	});
	afterAll(() => app?.stop());

	it('refuses a check from someone not signed in', async () => {
		const res = await client(app.url)('/api/works/check', { method: 'POST', body: JSON.stringify(waterTrench()) });
		expect(res.status).toBe(401);
		expect((await res.json()).error.code).toBe('unauthenticated');
	});

	it('checks a trench across the gas company’s street: a time_overlap naming the gas company, and one trench offered — nothing written', async () => {
		const before = await workCount();
		const res = await post(water, '/api/works/check', waterTrench());
		expect(res.status).toBe(200);
		const { conflicts, proposal } = await res.json();
		const overlap = conflicts.find((c: Json) => c.kind === 'time_overlap');
		expect(overlap).toMatchObject({ severity: 'high', work_ids: [GAS_ON_XUNYANG_ROAD] });
		expect(overlap.message).toContain('九江燃气');
		expect(overlap.message).toContain('2027-01-04至2027-02-05');
		expect(overlap.suggestion).toContain('同沟施工');
		expect(overlap.works[0]).toMatchObject({ id: GAS_ON_XUNYANG_ROAD, organisation: 'jj-gas' });
		expect(proposal.key).toBeNull();
		expect(proposal.works.map((w: Json) => w.id).sort()).toEqual([GAS_ON_XUNYANG_ROAD, null].sort());
		expect(proposal.savings.trench_m).toBeGreaterThan(0);
		expect(proposal.savings.cost_cny).toBeGreaterThan(0);
		expect(proposal.common_window).toEqual({ start: '2027-01-04', end: '2027-02-12' });
		expect(await workCount()).toBe(before);
	});

	it('answers in English when asked', async () => {
		const { conflicts } = await (await post(waterEn, '/api/works/check', waterTrench())).json();
		expect(conflicts[0].message).toMatch(/are [\d.]+ m apart and their windows overlap by 19 days/);
	});

	it('finds the same conflict whatever CRS the trench comes in', async () => {
		const gk = ACROSS_XUNYANG_ROAD.map((p) => proj4('EPSG:4326', CGCS2000_GK_117E, p));
		expect(gk[0][0]).toBeGreaterThan(400_000);
		const gcj = ACROSS_XUNYANG_ROAD.map((p) => gcoord.transform(p, gcoord.WGS84, gcoord.GCJ02) as number[]);
		for (const [crs, coords] of [
			['EPSG:4548', gk],
			['EPSG:4490', ACROSS_XUNYANG_ROAD],
			['GCJ-02', gcj]
		] as const) {
			const res = await post(water, `/api/works/check?crs=${crs}`, waterTrench({}, coords as number[][]));
			expect([crs, res.status]).toEqual([crs, 200]);
			const { conflicts } = await res.json();
			expect([crs, conflicts.map((c: Json) => c.kind)]).toEqual([crs, ['time_overlap']]);
		}
		const wrong = await post(water, '/api/works/check?crs=EPSG:4548', waterTrench());
		expect(wrong.status).toBe(400);
		expect((await wrong.json()).error.message).toMatch(/不在九江市范围内.*EPSG:4548/);
	});

	it('names the city, not its code, when a zone’s metres are sent as degrees, in the words the form uses', async () => {
		const gk = ACROSS_XUNYANG_ROAD.map((p) => proj4('EPSG:4326', CGCS2000_GK_117E, p));
		const res = await post(water, '/api/works/check', waterTrench({}, gk));
		expect(res.status).toBe(400);
		const { error } = await res.json();
		const geometry = error.details.filter((d: Json) => d.path === 'geometry').map((d: Json) => d.message);
		expect(geometry).toHaveLength(1);
		expect(geometry[0]).toMatch(/^图形不在九江市范围内（\d+\.\d{2},\d+\.\d{2},\d+\.\d{2},\d+\.\d{2}）。.*EPSG:4326/);
		expect(error.message).not.toMatch(/360400|（—）/);
	});

	it('saves the trench: 201 with its id and conflicts; the planners then see both works, the conflict and the proposal', async () => {
		const res = await post(water, '/api/works', waterTrench());
		expect(res.status).toBe(201);
		const { id, conflicts, proposal } = await res.json();
		expect(typeof id).toBe('number');
		expect(conflicts.map((c: Json) => c.kind)).toEqual(['time_overlap']);
		expect(proposal.key).toBe([GAS_ON_XUNYANG_ROAD, id].sort((a, b) => a - b).join('-'));

		const works = await (await planner('/api/works?from=2027-01-01&to=2027-01-31&bbox=116.0,29.72,116.004,29.725')).json();
		expect(works.features.map((f: Json) => f.id)).toEqual(expect.arrayContaining([GAS_ON_XUNYANG_ROAD, id]));
		const listed = await (await planner(`/api/conflicts?work=${id}`)).json();
		expect(listed.features).toHaveLength(1);
		expect(listed.features[0].properties.work_ids.sort()).toEqual([GAS_ON_XUNYANG_ROAD, id].sort());
		expect(listed.features[0].properties.message).toMatch(/九江自来水.*九江燃气|九江燃气.*九江自来水/);
		const { proposals } = await (await planner('/api/proposals')).json();
		const mine = proposals.find((p: Json) => p.key === proposal.key);
		expect(mine.status).toBe('open');
		expect(mine.organisations.map((o: Json) => o.id).sort()).toEqual(['jj-gas', 'jj-water']);
		expect(mine.works[0].utility).toBe('water');

		// each utility in the group answers for itself
		expect((await post(gas, `/api/proposals/${proposal.key}/response`, { decision: 'declined' })).status).toBe(400);
		expect((await post(gas, `/api/proposals/${proposal.key}/response`, { decision: 'accepted' })).status).toBe(200);
		const agreed = await (await post(water, `/api/proposals/${proposal.key}/response`, { decision: 'accepted' })).json();
		expect(agreed.status).toBe('agreed');
		const power = await signIn('power@demo.digonce.cn');
		expect((await post(power, `/api/proposals/${proposal.key}/response`, { decision: 'accepted' })).status).toBe(403);
	});

	it('exempts an emergency repair from the road moratorium, registered the day after it started, and flags it for review', async () => {
		const emergency = trench(ON_RECONSTRUCTED_ROAD, {
			organisation: 'jj-gas',
			utility: 'gas',
			kind: 'emergency_repair',
			emergency: true,
			start_date: addDays(today, -1),
			end_date: addDays(today, 1),
			title: '浔南大道燃气泄漏抢修'
		});
		const res = await post(gas, '/api/works', emergency);
		expect(res.status).toBe(201);
		const { id, conflicts } = await res.json();
		expect(conflicts.map((c: Json) => c.kind)).not.toContain('moratorium');
		const detail = await (await planner(`/api/works/${id}`)).json();
		expect(detail.feature.properties).toMatchObject({ needs_review: true, status: 'in_progress' });
		expect((await post(planner, `/api/works/${id}/review`, {})).status).toBe(200);
		expect((await (await planner(`/api/works/${id}`)).json()).feature.properties.needs_review).toBe(false);

		const late = await post(gas, '/api/works', { ...emergency, properties: { ...emergency.properties, start_date: addDays(today, -3) } });
		expect(late.status).toBe(400);
		expect((await late.json()).error.message).toContain('24 小时内补登');
	});

	it('refuses a planned dig on a road reconstructed less than five years ago', async () => {
		const res = await post(water, '/api/works/check', waterTrench({ start_date: '2027-03-01', end_date: '2027-03-20' }, ON_RECONSTRUCTED_ROAD));
		const { conflicts } = await res.json();
		const moratorium = conflicts.find((c: Json) => c.kind === 'moratorium');
		expect(moratorium.message).toContain('2027-10-31 前不得挖掘');
		expect(moratorium.message).toContain('第三十三条');
	});

	describe('bad input is refused with what, where and what to do, and nothing is written', () => {
		let before: number;
		beforeAll(async () => {
			before = await workCount();
		});
		afterAll(async () => {
			expect(await workCount()).toBe(before);
		});

		const square = (size: number) => {
			const [x, y] = [116.02, 29.7];
			return [
				[
					[x, y],
					[x + size, y],
					[x + size, y + size],
					[x, y + size],
					[x, y]
				]
			];
		};
		const cases: [string, Json | string, RegExp, ('zh' | 'en')?, string?][] = [
			['not JSON', '{"type":', /not valid JSON/, 'en'],
			['a point', { ...waterTrench(), geometry: { type: 'Point', coordinates: [116, 29.7] } }, /geometry/, 'en'],
			[
				'a self-intersecting area',
				{
					...waterTrench(),
					geometry: {
						type: 'Polygon',
						coordinates: [
							[
								[116.02, 29.7],
								[116.021, 29.701],
								[116.021, 29.7],
								[116.02, 29.701],
								[116.02, 29.7]
							]
						]
					}
				},
				/图形无效：Self-intersection，位置约在 116\.020500,29\.700500/
			],
			[
				'a trench in Beijing',
				waterTrench({}, [
					[116.39, 39.9],
					[116.391, 39.9]
				]),
				/不在九江市范围内/
			],
			[
				'a line of one repeated point',
				waterTrench({}, [
					[116.0, 29.7],
					[116.0, 29.7]
				]),
				/沟槽线长度仅 0\.0 米/
			],
			[
				'a trench 12 km long',
				waterTrench({}, [
					[115.95, 29.7],
					[116.07, 29.7]
				]),
				/The trench lines add up to 1\d{4} m, more than the 10000 m/,
				'en'
			],
			['a 30 ha area', { ...waterTrench(), geometry: { type: 'Polygon', coordinates: square(0.006) } }, /超过单项作业上限 200000 平方米/],
			[
				'an end before the start',
				waterTrench({ start_date: addDays(today, 62), end_date: addDays(today, 31) }),
				new RegExp(`完工日期 ${addDays(today, 31)} 早于开工日期 ${addDays(today, 62)}`)
			],
			['a date that does not exist', waterTrench({ start_date: '2027-02-30' }), /properties\.start_date 应为 YYYY-MM-DD 格式的真实日期/],
			[
				'a start in the past',
				waterTrench({ start_date: addDays(today, -30), end_date: addDays(today, -20) }),
				new RegExp(`开工日期 ${addDays(today, -30)} 早于今天`)
			],
			['a two-year replacement', waterTrench({ start_date: addDays(today, 31), end_date: addDays(today, 31 + 730) }), /工期 731 天超过“管线更换”的上限 365 天/],
			['another organisation’s name', waterTrench({ organisation: 'jj-gas', utility: 'gas' }), /只能为本单位（九江市自来水有限公司）登记/],
			['an organisation that does not exist', waterTrench({ organisation: 'jj-nobody' }), /找不到单位“jj-nobody”/],
			['a network the company does not run', waterTrench({ utility: 'gas' }), /九江市自来水有限公司（供水）不能登记“燃气”管线/],
			['a kind for another network', waterTrench({ kind: 'fibre_to_homes' }), /作业类型“光纤到户”只适用于以下管线：通信/],
			['an emergency flag on a planned work', waterTrench({ emergency: true }), /抢修作业须同时选择作业类型“抢修”/],
			['a trench 50 m wide', waterTrench({ width_m: 50 }), /width_m/],
			['no dates', { ...waterTrench(), properties: { organisation: 'jj-water', utility: 'water', kind: 'replacement' } }, /start_date/],
			['an unknown coordinate system', waterTrench(), /不支持坐标系“EPSG:3857”/, 'zh', '?crs=EPSG:3857']
		];
		it.each(cases)('%s', async (_name, body, message, lang = 'zh', query = '') => {
			const c = lang === 'en' ? waterEn : water;
			for (const path of ['/api/works/check', '/api/works']) {
				const res = await c(path + query, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) });
				expect(res.status).toBe(400);
				const { error } = await res.json();
				expect(error.code).toMatch(/^invalid_/);
				expect(error.message).toMatch(message);
			}
		});
	});

	describe('a short crossing joining a trench two utilities already share', () => {
		// an empty stretch of the demo city: a gas main and a power cable along ~480 m of one street,
		// then the water company crosses it
		const start = addDays(today, 60);
		const end = addDays(today, 90);
		const along = (northDeg: number): number[][] => [
			[116.07, 29.662 + northDeg],
			[116.075, 29.662 + northDeg]
		];
		const crossing: number[][] = [
			[116.0725, 29.6617],
			[116.0725, 29.6623]
		];
		let group: Json;

		beforeAll(async () => {
			const power = await signIn('power@demo.digonce.cn');
			const g = await post(
				gas,
				'/api/works',
				trench(along(0), { organisation: 'jj-gas', utility: 'gas', kind: 'replacement', start_date: start, end_date: end, width_m: 0.8, depth_m: 1.2 })
			);
			const p = await post(
				power,
				'/api/works',
				trench(along(0.00003), {
					organisation: 'jj-power',
					utility: 'power',
					kind: 'cable_undergrounding',
					start_date: start,
					end_date: end,
					width_m: 1,
					depth_m: 0.8
				})
			);
			expect([g.status, p.status]).toEqual([201, 201]);
			const key = [(await g.json()).id, (await p.json()).id].sort((a, b) => a - b).join('-');
			group = (await (await planner('/api/proposals')).json()).proposals.find((x: Json) => x.key === key);
			expect(group.savings.trench_m).toBeGreaterThan(400);
		});

		const crossingWork = (extra: Json = {}) => waterTrench({ start_date: start, end_date: end, title: '过街支管', ...extra }, crossing);
		/** what the crossing adds is the three works' saving less the two's, each measured the same way */
		function expectMarginal(proposal: Json) {
			const m = proposal.marginal_savings;
			expect(proposal.works).toHaveLength(3);
			expect(m.trench_m).toBeGreaterThan(0);
			expect(m.trench_m).toBeLessThan(100);
			expect(Math.abs(m.trench_m - (proposal.savings.trench_m - group.savings.trench_m))).toBeLessThanOrEqual(1);
			expect(Math.abs(m.reinstatement_m2 - (proposal.savings.reinstatement_m2 - group.savings.reinstatement_m2))).toBeLessThanOrEqual(1);
			expect(m.days).toBe(proposal.savings.days - group.savings.days);
			expect(Math.abs(m.cost_cny - (proposal.savings.cost_cny - group.savings.cost_cny))).toBeLessThanOrEqual(200);
			expect(m.cost_cny).toBeLessThan(proposal.savings.cost_cny);
		}

		it('offers the crossing what joining adds, beside the group’s total, in a check', async () => {
			const res = await post(water, '/api/works/check', crossingWork());
			expect(res.status).toBe(200);
			expectMarginal((await res.json()).proposal);
		});

		it('answers a saved draft with a proposal the utility finds in its list and can join', async () => {
			const res = await post(water, '/api/works', crossingWork({ status: 'draft' }));
			expect(res.status).toBe(201);
			const { id, proposal } = await res.json();
			expect(proposal.key.split('-').map(Number)).toContain(id);
			expectMarginal(proposal);
			const listed = (await (await water('/api/proposals?organisation=jj-water')).json()).proposals.find((x: Json) => x.key === proposal.key);
			expect(listed?.savings).toEqual(proposal.savings);
			const joined = await post(water, `/api/proposals/${proposal.key}/response`, { decision: 'accepted' });
			expect(joined.status).toBe(200);
			expect((await joined.json()).organisations.find((o: Json) => o.id === 'jj-water').decision).toBe('accepted');
			// the draft is the water company's own: the others still see the group without it
			const seenByGas = (await (await gas('/api/proposals')).json()).proposals.map((x: Json) => x.key);
			expect(seenByGas).toContain(group.key);
			expect(seenByGas).not.toContain(proposal.key);
		});
	});

	describe('moving works through their statuses', () => {
		let id: number;
		beforeAll(async () => {
			const res = await post(
				water,
				'/api/works',
				waterTrench({ start_date: addDays(today, 30), end_date: addDays(today, 40) }, [
					[116.03, 29.7],
					[116.031, 29.7]
				])
			);
			id = (await res.json()).id;
		});

		it('lets a planner approve, but not the utility itself, and says what is allowed', async () => {
			const res = await post(water, `/api/works/${id}/status`, { status: 'approved' });
			expect(res.status).toBe(409);
			expect((await res.json()).error.message).toMatch(/当前为“已申报”，不能改为“已批准”。可改为：草稿、已取消/);
			expect((await post(planner, `/api/works/${id}/status`, { status: 'approved' })).status).toBe(200);
		});

		it('keeps other organisations’ hands off', async () => {
			expect((await post(gas, `/api/works/${id}/status`, { status: 'cancelled', reason: 'x' })).status).toBe(403);
			expect((await gas(`/api/works/${id}`, { method: 'PATCH', body: JSON.stringify({ properties: { width_m: 2 } }) })).status).toBe(403);
		});

		it('sends an approved work the utility changes back to the planners', async () => {
			const res = await water(`/api/works/${id}`, { method: 'PATCH', body: JSON.stringify({ properties: { end_date: addDays(today, 45) } }) });
			expect(res.status).toBe(200);
			expect((await res.json()).status).toBe('submitted');
		});

		it('needs a reason to reject, and records who did what', async () => {
			expect((await post(planner, `/api/works/${id}/status`, { status: 'draft' })).status).toBe(400);
			expect((await post(planner, `/api/works/${id}/status`, { status: 'draft', reason: '请与燃气公司同沟施工' })).status).toBe(200);
			const { events, feature } = await (await planner(`/api/works/${id}`)).json();
			expect(feature.properties).toMatchObject({ status: 'draft', status_reason: '请与燃气公司同沟施工' });
			expect(events.map((e: Json) => e.action)).toEqual(['created', 'approved', 'edited', 'rejected']);
		});

		it('hides a draft from other organisations and from the public', async () => {
			expect((await gas(`/api/works/${id}`)).status).toBe(404);
			expect((await client(app.url)(`/api/works/${id}`)).status).toBe(404);
			expect((await water(`/api/works/${id}`)).status).toBe(200);
		});

		it('answers 404 for a work that does not exist', async () => {
			expect((await planner('/api/works/999999')).status).toBe(404);
			expect((await planner('/api/works/abc')).status).toBe(404);
		});
	});

	describe('approving a work that still has conflicts', () => {
		// a water trench and a gas trench along the same few metres in the same weeks: a time_overlap
		const ALONG: [number, number][] = [
			[116.0435, 29.7012],
			[116.0441, 29.7012]
		];
		let waterId: number;
		let gasId: number;
		const events = async (id: number) => (await (await planner(`/api/works/${id}`)).json()).events as Json[];
		beforeAll(async () => {
			waterId = (
				await (
					await post(water, '/api/works', waterTrench({ start_date: addDays(today, 60), end_date: addDays(today, 80), title: '待审批的供水管' }, ALONG))
				).json()
			).id;
			const gasTrench = trench(ALONG, {
				organisation: 'jj-gas',
				utility: 'gas',
				kind: 'replacement',
				start_date: addDays(today, 70),
				end_date: addDays(today, 90),
				width_m: 0.6,
				title: '同一路段的燃气管'
			});
			const saved = await (await post(gas, '/api/works', gasTrench)).json();
			gasId = saved.id;
			expect(saved.conflicts.map((c: Json) => c.work_ids).flat()).toContain(waterId);
		});

		it('refuses a plain approval with 409 listing the conflicts, and writes nothing', async () => {
			const before = await events(waterId);
			for (const body of [
				{ status: 'approved' },
				{ status: 'approved', reason: '已协调' },
				{ status: 'approved', confirm_conflicts: false, reason: '已协调' }
			]) {
				const res = await post(planner, `/api/works/${waterId}/status`, body);
				expect(res.status).toBe(409);
				const { error } = await res.json();
				expect(error.code).toBe('conflicts_unconfirmed');
				expect(error.message).toMatch(new RegExp(`作业 #${waterId} 仍有 \\d+ 处冲突（.*工期重叠.*）`));
				expect(error.details.conflicts.some((c: Json) => c.kind === 'time_overlap' && c.work_ids.includes(gasId))).toBe(true);
			}
			const noReason = await post(planner, `/api/works/${waterId}/status`, { status: 'approved', confirm_conflicts: true, reason: '  ' });
			expect(noReason.status).toBe(409);
			expect((await noReason.json()).error.message).toMatch(/带冲突批准须填写原因/);
			const english = await signIn('planner@demo.digonce.cn', 'en');
			const en = await (await post(english, `/api/works/${waterId}/status`, { status: 'approved' })).json();
			expect(en.error.message).toMatch(new RegExp(`Work #${waterId} still has open conflicts .*Overlapping works`));
			expect((await (await planner(`/api/works/${waterId}`)).json()).feature.properties.status).toBe('submitted');
			expect(await events(waterId)).toEqual(before);
		});

		it('approves it with a confirmation and a reason, and keeps both with the conflicts of that moment in its history', async () => {
			const res = await post(planner, `/api/works/${waterId}/status`, {
				status: 'approved',
				confirm_conflicts: true,
				reason: '燃气公司同意同沟，先供水后燃气'
			});
			expect(res.status).toBe(200);
			expect((await res.json()).status).toBe('approved');
			const approval = (await events(waterId)).at(-1)!;
			expect(approval).toMatchObject({
				action: 'approved',
				from_status: 'submitted',
				to_status: 'approved',
				reason: '燃气公司同意同沟，先供水后燃气',
				user: expect.any(String)
			});
			expect(approval.conflicts.some((c: Json) => c.kind === 'time_overlap' && c.work_ids.includes(gasId) && c.severity && c.message)).toBe(true);
		});

		it('needs no confirmation for a work without conflicts, and records none', async () => {
			const quiet = await (
				await post(
					water,
					'/api/works',
					waterTrench({ start_date: addDays(today, 30), end_date: addDays(today, 40) }, [
						[116.0532, 29.6968],
						[116.0538, 29.6968]
					])
				)
			).json();
			expect(quiet.conflicts).toEqual([]);
			expect((await post(planner, `/api/works/${quiet.id}/status`, { status: 'approved' })).status).toBe(200);
			expect((await events(quiet.id)).at(-1)).toMatchObject({ action: 'approved', conflicts: null });
		});

		it('tells the queue since when a work waits', async () => {
			const queue = await (await planner('/api/works?status=submitted')).json();
			const gasWork = queue.features.find((f: Json) => f.id === gasId);
			expect(Date.parse(gasWork.properties.submitted_at)).toBeGreaterThan(Date.now() - 3_600_000 * 24);
			const anonymous = await (await client(app.url)('/api/works?status=submitted')).json();
			expect(anonymous.features.every((f: Json) => !('submitted_at' in f.properties))).toBe(true);
		});
	});

	it('keeps a saved work when the server is killed right after answering', async () => {
		const res = await post(
			water,
			'/api/works',
			waterTrench({ start_date: addDays(today, 60), end_date: addDays(today, 70), title: '断电前保存的作业' }, [
				[116.035, 29.7],
				[116.036, 29.7]
			])
		);
		expect(res.status).toBe(201);
		const { id } = await res.json();
		await app.kill();
		await app.restart();
		const detail = await (await client(app.url)(`/api/works/${id}`)).json();
		expect(detail.feature.properties.title).toBe('断电前保存的作业');
	});

	it('counts how often each stretch of street was opened', async () => {
		const fc = await (await client(app.url)('/api/streets/history?years=5&until=2026-12-01')).json();
		expect(fc.features.length).toBeGreaterThan(228);
		const busiest = Math.max(...fc.features.map((f: Json) => f.properties.openings));
		expect(busiest).toBeGreaterThanOrEqual(2);
		const tl = fc.features.filter((f: Json) => f.properties.name === '塔岭南路' && f.properties.openings >= 2);
		expect(tl.length).toBeGreaterThan(0);
	});

	describe('what the registration form relies on', () => {
		it('names the field of every problem with a dotted path, whichever check found it', async () => {
			const schema = await (await post(water, '/api/works/check', waterTrench({ width_m: 50 }))).json();
			expect(schema.error.details).toEqual([expect.objectContaining({ path: 'properties.width_m' })]);
			const [start, end] = [addDays(today, 62), addDays(today, 31)];
			const domain = await (await post(water, '/api/works/check', waterTrench({ start_date: start, end_date: end }))).json();
			expect(domain.error.details).toEqual([{ path: 'properties.end_date', message: `完工日期 ${end} 早于开工日期 ${start}，请改正。` }]);
		});

		it('checks an edit of a stored work without finding the work in conflict with its old self, and writes nothing', async () => {
			const at = [
				[116.05, 29.71],
				[116.051, 29.71]
			];
			const start = addDays(today, 20);
			const res = await post(water, '/api/works', waterTrench({ start_date: start, end_date: addDays(start, 10), title: '将要修改的作业' }, at));
			expect(res.status).toBe(201);
			const { id } = await res.json();
			// the same trench a year later: as a new work it would dig the street again
			const later = waterTrench({ start_date: addDays(start, 365), end_date: addDays(start, 375) }, at);
			const asNew = await (await post(water, '/api/works/check', later)).json();
			expect(asNew.conflicts.filter((c: Json) => c.work_ids.includes(id)).map((c: Json) => c.kind)).toEqual(['repeat_excavation']);
			const asEdit = await (await post(water, `/api/works/check?replaces=${id}`, later)).json();
			expect(asEdit.conflicts.filter((c: Json) => c.work_ids.includes(id))).toEqual([]);
			// the stored work is untouched, and another organisation cannot check edits of it
			expect((await (await planner(`/api/works/${id}`)).json()).feature.properties.status).toBe('submitted');
			expect(
				(await post(gas, `/api/works/check?replaces=${id}`, { ...later, properties: { ...later.properties, organisation: 'jj-gas', utility: 'gas' } })).status
			).toBe(404);
			expect((await post(water, '/api/works/check?replaces=abc', later)).status).toBe(404);
		});

		it('lists the emergency repairs waiting for review, for staff only', async () => {
			const emergency = trench(ON_RECONSTRUCTED_ROAD, {
				organisation: 'jj-gas',
				utility: 'gas',
				kind: 'emergency_repair',
				emergency: true,
				start_date: today,
				end_date: addDays(today, 1),
				title: '待复核的抢修'
			});
			const { id } = await (await post(gas, '/api/works', emergency)).json();
			const waiting = await (await planner('/api/works?needs_review=true')).json();
			expect(waiting.features.map((f: Json) => f.id)).toContain(id);
			expect(waiting.features.every((f: Json) => f.properties.needs_review === true)).toBe(true);
			await post(planner, `/api/works/${id}/review`, {});
			expect((await (await planner('/api/works?needs_review=true')).json()).features.map((f: Json) => f.id)).not.toContain(id);
			const anonymous = await (await client(app.url)('/api/works?needs_review=true')).json();
			expect(anonymous.features.every((f: Json) => !('needs_review' in f.properties))).toBe(true);
			const bad = await planner('/api/works?needs_review=maybe');
			expect(bad.status).toBe(400);
			expect((await bad.json()).error.message).toContain('参数 needs_review 应为 true 或 false；收到“maybe”');
		});
	});
});

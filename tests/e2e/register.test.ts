import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import proj4 from 'proj4';
import { client } from '../support/app';
import { browserSuite, openMap, patch, pixelsPainted, project, screenshot, settle } from '../support/browser';
import { OPENINGS_COLOURS, UTILITY_COLOURS } from '../../src/lib/map/palette';
import { addDays } from '../../src/lib/domain/work-rules';
import { testToday } from '../support/clock';

/**
 * Issue 5 as a user meets it, in real Chromium against the built app on the demo data: a utility
 * registers an excavation window on the map and sees its conflicts before saving; planners approve
 * or send works back; utilities answer joint-works proposals; the heat map shows repeat digging.
 *
 * The demo scenario (data/README.md): the gas company replaces its main along 浔阳路 (work #575,
 * 2027-01-04 to 2027-02-05, approved). The water company's trench crosses that street.
 */
const GAS_ON_XUNYANG_ROAD = 575;
const ACROSS: [[number, number], [number, number]] = [
	[116.00212, 29.72245],
	[116.00212, 29.72275]
];
const MIDDLE: [number, number] = [116.00212, 29.7226];
const CGCS2000_GK_117E = '+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
const PASSWORD = 'demo-password';
const at = (lonLat: [number, number], zoom: number) => `c=${lonLat[0]},${lonLat[1]}&z=${zoom}`;

type Json = Record<string, any>;

describe('registering excavation windows in a real browser, on the demo data', () => {
	const suite = browserSuite();
	const open = (lang: 'zh' | 'en' = 'zh') => suite.open({ lang });
	/** signs in through the API (the login page itself is exercised by the first test) */
	const signInAs = async (page: Page, who: string) => {
		const res = await page.request.post('/api/session', { data: { email: `${who}@demo.digonce.cn`, password: PASSWORD }, headers: { origin: suite.app.url } });
		expect(res.status()).toBe(200);
	};
	const api = async (who: string) => {
		const c = client(suite.app.url);
		expect((await c('/api/session', { method: 'POST', body: JSON.stringify({ email: `${who}@demo.digonce.cn`, password: PASSWORD }) })).status).toBe(200);
		return c;
	};
	const workCount = async () => ((await (await (await api('planner'))('/api/works')).json()) as Json).features.length as number;

	/** Clicks the map at lon/lat, as a person does with the mouse. */
	const clickMap = async (page: Page, lonLat: [number, number]) => {
		const p = await project(page, lonLat);
		await page.mouse.click(p.x, p.y);
		await page.waitForTimeout(250);
	};
	/** Draws a trench with terra-draw: a click per point, the last clicked again to finish. */
	const drawTrench = async (page: Page, points: [number, number][]) => {
		await page.waitForFunction(() => !!window.__digonceDraw && window.__digonceDraw.getMode() === 'linestring', null, { timeout: 30_000 });
		for (const p of points) await clickMap(page, p);
		await clickMap(page, points[points.length - 1]);
	};
	/** Waits for the live check to answer what the form holds now. */
	const checked = async (page: Page) => {
		await page.waitForSelector('[data-testid=live-check][data-pending=false][data-shown=true]', { timeout: 30_000 });
	};

	it('lets the water company draw a trench across 浔阳路, see the clash with the gas company and the offer to share the trench before saving; the planners then see both works, the conflict and the proposal', async () => {
		const water = await open();
		const { page } = water;
		// a new user: the sign-in page, then the map at 浔阳路 in January 2027
		await page.goto(`/login?next=${encodeURIComponent(`/?${at(MIDDLE, 18)}&t=2027-01..2027-02`)}`);
		await page.getByLabel('邮箱').fill('water@demo.digonce.cn');
		await page.getByLabel('密码').fill(PASSWORD);
		await page.getByRole('button', { name: '登录' }).click();
		await page.waitForURL((u) => u.pathname === '/');
		// software WebGL shares two cores with the other browser tests: a first map can take a while
		await page.waitForFunction(() => !!window.__digonceMap && !!window.__digonceDeck, null, { timeout: 90_000 });
		await settle(page);

		await page.getByTestId('nav-register').click();
		await page.getByTestId('register').waitFor();
		expect(await page.getByTestId('tool-line').getAttribute('aria-pressed')).toBe('true');
		// the water company may dig for water only: the form offers nothing else
		expect(await page.getByTestId('field-utility').locator('option').allTextContents()).toEqual(['给水']);

		await drawTrench(page, ACROSS);
		await page
			.getByTestId('shape-summary')
			.getByText(/沟槽 1 段，共 3\d 米/)
			.waitFor();
		await page.getByTestId('field-start').fill('2027-01-11');
		await page.getByTestId('field-end').fill('2027-01-29');
		await page.getByTestId('field-title').fill('浔阳路供水管过街段更换');
		await checked(page);

		const conflict = page.locator('[data-testid=check-conflict][data-kind=time_overlap]');
		await conflict.waitFor();
		expect(await conflict.textContent()).toContain('九江燃气');
		expect(await conflict.getByTestId('check-conflict-work').textContent()).toContain('2027-01-04 — 2027-02-05');
		const offer = page.getByTestId('join-offer');
		expect(await offer.textContent()).toContain('可与九江深能燃气有限公司同沟施工');
		// what this work adds by joining, and what the whole group saves, each under its own label
		const marginal = offer.getByTestId('marginal-savings');
		const total = offer.getByTestId('group-savings');
		expect(await marginal.evaluate((e) => e.previousElementSibling?.textContent)).toBe('本作业加入后新增节省');
		expect(await total.evaluate((e) => e.previousElementSibling?.textContent)).toBe('联合施工合计节省');
		for (const savings of [marginal, total]) {
			expect(await savings.getByTestId('saving-trench').textContent()).toMatch(/^\d+ 米$/);
			expect(await savings.getByTestId('saving-cost').textContent()).toMatch(/^¥[\d,]+$/);
		}
		await settle(page);
		await screenshot(page, '10-register-conflict-offer');

		await page.getByTestId('join-trench').click();
		await page.getByTestId('join-chosen').waitFor();
		// the window already lies inside the common window: the dates stay as they were
		expect(await page.getByTestId('field-start').inputValue()).toBe('2027-01-11');
		await checked(page);
		await page.getByTestId('save-submit').click();
		const result = page.getByTestId('register-result');
		await result.waitFor();
		const id = Number(/#(\d+)/.exec((await result.locator('h2').textContent())!)![1]);
		expect(await result.textContent()).toContain('已申报');
		expect(await page.getByTestId('register-joined').textContent()).toContain('九江深能燃气有限公司');
		await settle(page);
		await screenshot(page, '11-register-saved');
		expect(water.errors).toEqual([]);
		await page.context().close();

		// the planners' map, signed in as the renovation office
		const planner = await open();
		await planner.page.goto(`/login?next=${encodeURIComponent(`/?${at(MIDDLE, 18)}&t=2027-01..2027-01`)}`);
		await planner.page.getByLabel('邮箱').fill('planner@demo.digonce.cn');
		await planner.page.getByLabel('密码').fill(PASSWORD);
		await planner.page.getByRole('button', { name: '登录' }).click();
		await planner.page.waitForURL((u) => u.pathname === '/');
		await planner.page
			.waitForFunction(() => !!window.__digonceMap && !!window.__digonceDeck, null, { timeout: 90_000 })
			.catch(async (err) => {
				throw new Error(`${err.message} at ${planner.page.url()}: ${planner.errors.join(' | ')}`);
			});
		await settle(planner.page);
		// both works are drawn: the new water trench in water blue, across the gas main
		const waterAt = await project(planner.page, [116.00212, 29.7225]);
		const shown = await patch(planner.page, waterAt, 6);
		await planner.page.getByTestId('toggle-works').click();
		await settle(planner.page);
		const hidden = await patch(planner.page, waterAt, 6);
		expect(pixelsPainted(hidden, shown, UTILITY_COLOURS.water, 235 / 255)).toBeGreaterThan(8);
		await planner.page.getByTestId('toggle-works').click();
		// the conflict between them in the conflict list
		await planner.page.getByTestId('tab-conflicts').click();
		await settle(planner.page);
		const listed = planner.page.getByTestId('conflict-list').locator('li').filter({ hasText: '九江自来水' }).filter({ hasText: '九江燃气' });
		expect(await listed.count()).toBeGreaterThan(0);
		// and the joint-works proposal with its saving
		await planner.page.getByTestId('nav-proposals').click();
		const key = [GAS_ON_XUNYANG_ROAD, id].sort((a, b) => a - b).join('-');
		const card = planner.page.locator(`[data-testid=proposal][data-key="${key}"]`);
		await card.waitFor();
		expect(await card.getByTestId('saving-cost').textContent()).toMatch(/^¥[\d,]+$/);
		expect(await card.locator('[data-org=jj-water]').getAttribute('data-decision')).toBe('accepted');
		await card.locator('.head').click();
		await settle(planner.page);
		await screenshot(planner.page, '12-planner-proposal');
		expect(planner.errors).toEqual([]);
	}, 240_000);

	/** The register desk at 浔阳路, signed in as `who`. */
	const openRegister = async (who: string) => {
		const mp = await open();
		await signInAs(mp.page, who);
		await openMap(mp.page, `/?${at(MIDDLE, 18)}&t=2027-01..2027-02&desk=register`);
		await mp.page.getByTestId('register').waitFor();
		return mp;
	};
	const uploadFile = async (page: Page, crs: string, coordinates: number[][]) => {
		await page.locator('.upload summary').click();
		await page.getByTestId('upload-crs').selectOption(crs);
		const body = {
			type: 'FeatureCollection',
			features: [{ type: 'Feature', properties: { name: '浔阳路过街' }, geometry: { type: 'LineString', coordinates } }]
		};
		await page
			.getByTestId('upload-file')
			.setInputFiles({ name: 'xunyang-crossing.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(body)) });
	};

	it('finds the same clash from the trench uploaded in CGCS2000 Gauss–Krüger CM 117°E (EPSG:4548)', async () => {
		const mp = await openRegister('water');
		const gk = ACROSS.map((p) => proj4('EPSG:4326', CGCS2000_GK_117E, p));
		expect(gk[0][0]).toBeGreaterThan(400_000);
		await uploadFile(mp.page, 'EPSG:4548', gk);
		await mp.page
			.getByTestId('shape-summary')
			.getByText(/沟槽 1 段，共 3\d 米/)
			.waitFor();
		await mp.page.getByTestId('field-start').fill('2027-01-11');
		await mp.page.getByTestId('field-end').fill('2027-01-29');
		await checked(mp.page);
		const conflict = mp.page.locator('[data-testid=check-conflict][data-kind=time_overlap]');
		expect(await conflict.textContent()).toContain('九江燃气');
		await mp.page.getByTestId('join-offer').waitFor();
		await settle(mp.page);
		await screenshot(mp.page, '13-register-upload-epsg4548');
		// a tablet held upright: the desk and the map share the screen
		await mp.page.setViewportSize({ width: 820, height: 1180 });
		await settle(mp.page);
		expect(await mp.page.getByTestId('save-submit').isVisible()).toBe(true);
		await screenshot(mp.page, '13b-register-tablet');
		expect(mp.errors).toEqual([]);
	});

	it('puts the server’s message next to the field it names, and saves nothing: an end before the start, a trench in the wrong coordinate system', async () => {
		const before = await workCount();
		const mp = await openRegister('water');
		const { page } = mp;
		await drawTrench(page, ACROSS);
		await page.getByTestId('field-start').fill('2027-01-29');
		await page.getByTestId('field-end').fill('2027-01-11');
		await checked(page);
		const endError = page.locator('[data-testid=field-error-end_date][data-source=server]');
		expect(await endError.textContent()).toBe('完工日期 2027-01-11 早于开工日期 2027-01-29，请改正。');
		expect(await page.getByTestId('field-end').getAttribute('aria-invalid')).toBe('true');
		expect(await page.getByTestId('save-submit').isDisabled()).toBe(true);
		await screenshot(page, '14-register-bad-dates');

		// WGS84 degrees sent as if they were Gauss–Krüger metres land near the equator
		await page.getByTestId('field-end').fill('2027-01-30');
		await uploadFile(page, 'EPSG:4548', ACROSS);
		await checked(page);
		const where = page.locator('[data-testid=field-error-geometry][data-source=server]').filter({ hasText: '不在九江市范围内' });
		expect(await where.textContent()).toMatch(/图形不在九江市范围内（.+）。请确认坐标系选择正确（当前：EPSG:4548）/);
		expect(await page.getByTestId('save-submit').isDisabled()).toBe(true);
		expect(await workCount()).toBe(before);
		expect(mp.errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
	});

	it('lets a planner send a submitted work back with a reason, which the utility then sees on its work', async () => {
		const water = await api('water');
		const start = addDays(testToday(), 40);
		const res = await water('/api/works', {
			method: 'POST',
			body: JSON.stringify({
				type: 'Feature',
				geometry: {
					type: 'LineString',
					coordinates: [
						[116.03, 29.7],
						[116.031, 29.7]
					]
				},
				properties: { organisation: 'jj-water', utility: 'water', kind: 'new_pipe', start_date: start, end_date: addDays(start, 10), title: '待退回的供水管' }
			})
		});
		expect(res.status).toBe(201);
		const { id } = (await res.json()) as Json;

		const planner = await open();
		await signInAs(planner.page, 'planner');
		await openMap(planner.page, `/?${at([116.0305, 29.7], 17)}&desk=works`);
		const item = planner.page.locator(`[data-testid=work-item][data-work-id="${id}"]`);
		await item.waitFor();
		await item.getByTestId('action-draft').click();
		await item.getByTestId('status-reason').fill('请与电信同沟施工后再申报');
		await item.getByTestId('action-draft').click();
		await planner.page.locator(`[data-testid=work-item][data-work-id="${id}"]`).waitFor({ state: 'detached' });
		await screenshot(planner.page, '15-planner-queue');

		const mine = await open();
		await signInAs(mine.page, 'water');
		await openMap(mine.page, '/?desk=works');
		const rejected = mine.page.locator(`[data-testid=work-item][data-work-id="${id}"]`);
		await rejected.waitFor();
		expect(await rejected.getAttribute('data-status')).toBe('draft');
		expect(await rejected.getByTestId('work-reason').textContent()).toBe('已退回：请与电信同沟施工后再申报');
		// the utility can change it and submit it again
		expect(await rejected.getByTestId('action-edit').isVisible()).toBe(true);
		expect(await rejected.getByTestId('action-submitted').isVisible()).toBe(true);
		await screenshot(mine.page, '16-utility-rejected');
		expect([...planner.errors, ...mine.errors]).toEqual([]);
	});

	it('asks the planner to confirm, with a reason, an approval over open conflicts, and filters and sorts the queue', async () => {
		const [water, gas] = [await api('water'), await api('gas')];
		const today = testToday();
		const register = async (c: typeof water, coordinates: number[][], properties: Json) => {
			const res = await c('/api/works', {
				method: 'POST',
				body: JSON.stringify({ type: 'Feature', geometry: { type: 'LineString', coordinates }, properties })
			});
			expect(res.status).toBe(201);
			return ((await res.json()) as Json).id as number;
		};
		const ALONG = [
			[116.0455, 29.7032],
			[116.0461, 29.7032]
		];
		// registered in this order (the waiting order), starting in another (the start order)
		const clashing = await register(water, ALONG, {
			organisation: 'jj-water',
			utility: 'water',
			kind: 'replacement',
			start_date: addDays(today, 60),
			end_date: addDays(today, 80),
			title: '与燃气重叠的供水管'
		});
		const other = await register(gas, ALONG, {
			organisation: 'jj-gas',
			utility: 'gas',
			kind: 'replacement',
			start_date: addDays(today, 70),
			end_date: addDays(today, 90),
			title: '与供水重叠的燃气管'
		});
		const quiet = await register(
			water,
			[
				[116.0532, 29.6968],
				[116.0538, 29.6968]
			],
			{ organisation: 'jj-water', utility: 'water', kind: 'new_pipe', start_date: addDays(today, 20), end_date: addDays(today, 30), title: '没有冲突的供水管' }
		);

		const planner = await open();
		const { page } = planner;
		await signInAs(page, 'planner');
		await openMap(page, '/?desk=works');
		await page.locator(`[data-testid=work-item][data-work-id="${clashing}"] [data-testid=work-conflict-count]`).waitFor();
		const order = async () => {
			const ids = (await page.getByTestId('work-item').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-work-id'))))) as number[];
			return ids.filter((id) => [clashing, other, quiet].includes(id));
		};
		expect(await page.locator(`[data-testid=work-item][data-work-id="${quiet}"] [data-testid=work-conflict-count]`).count()).toBe(0);
		expect(await order()).toEqual([quiet, clashing, other]);
		await page.getByTestId('queue-sort').selectOption('waiting');
		expect(await order()).toEqual([clashing, other, quiet]);
		await page.getByTestId('queue-sort').selectOption('severity');
		expect((await order()).indexOf(quiet)).toBe(2);
		expect(await page.getByTestId('queue-sort').locator('option').allTextContents()).toEqual(['按开工日期', '按冲突严重程度', '按等待时间']);
		await page.getByTestId('queue-only-conflicts').click();
		expect(await order()).toEqual([clashing, other]);
		const shown = await page.getByTestId('work-item').evaluateAll((els) => els.filter((e) => !e.querySelector('[data-testid=work-conflict-count]')).length);
		expect(shown).toBe(0);
		await page.getByTestId('queue-only-conflicts').click();

		// a work without conflicts is approved with one click
		await page.locator(`[data-testid=work-item][data-work-id="${quiet}"] [data-testid=action-approved]`).click();
		await page.locator(`[data-testid=work-item][data-work-id="${quiet}"]`).waitFor({ state: 'detached' });

		// one with conflicts shows them and wants a reason; cancelling writes nothing
		const item = page.locator(`[data-testid=work-item][data-work-id="${clashing}"]`);
		const dialog = page.getByTestId('approve-over');
		await item.getByTestId('action-approved').click();
		await dialog.waitFor({ state: 'visible' });
		expect(await dialog.locator('h3').textContent()).toMatch(new RegExp(`作业 #${clashing} 仍有 \\d+ 处冲突`));
		expect(await dialog.getByTestId('approve-over-conflicts').textContent()).toMatch(/燃气/);
		expect(await dialog.getByTestId('approve-over-confirm').isDisabled()).toBe(true);
		await dialog.getByTestId('approve-over-cancel').click();
		await dialog.waitFor({ state: 'hidden' });
		expect(await item.getAttribute('data-status')).toBe('submitted');

		await item.getByTestId('action-approved').click();
		await dialog.getByTestId('approve-over-reason').fill('燃气公司同意同沟，先供水后燃气');
		await screenshot(page, '17-approve-over-conflicts');
		await dialog.getByTestId('approve-over-confirm').click();
		await item.waitFor({ state: 'detached' });
		expect(await dialog.isVisible()).toBe(false);

		// the reason and the conflicts it was approved over are in the work's details
		await openMap(page, `/?sel=work:${clashing}`);
		const history = page.getByTestId('work-history');
		await history.waitFor();
		const approval = history.locator('li[data-action=approved]');
		expect(await approval.textContent()).toMatch(/批准.*燃气公司同意同沟，先供水后燃气.*批准时仍有 \d+ 处冲突，已确认：.*燃气/s);
		expect(planner.errors).toEqual([]);
	});

	it('records a utility’s acceptance of a joint-works proposal', async () => {
		const start = addDays(testToday(), 60);
		const register = async (who: string, org: string, utility: string, coordinates: number[][]) => {
			const res = await (
				await api(who)
			)('/api/works', {
				method: 'POST',
				body: JSON.stringify({
					type: 'Feature',
					geometry: { type: 'LineString', coordinates },
					properties: { organisation: org, utility, kind: 'new_pipe', start_date: start, end_date: addDays(start, 20) }
				})
			});
			expect(res.status).toBe(201);
			return (await res.json()) as Json;
		};
		const a = await register('water', 'jj-water', 'water', [
			[116.045, 29.705],
			[116.046, 29.705]
		]);
		const b = await register('telecom', 'jj-telecom', 'telecom', [
			[116.0455, 29.7045],
			[116.0455, 29.7055]
		]);
		expect(b.proposal.key).toBe([a.id, b.id].sort((x: number, y: number) => x - y).join('-'));

		const mp = await open();
		await signInAs(mp.page, 'telecom');
		await openMap(mp.page, '/?desk=proposals');
		const card = mp.page.locator(`[data-testid=proposal][data-key="${b.proposal.key}"]`);
		await card.waitFor();
		await card.getByTestId('accept-proposal').click();
		await card.locator('[data-org=jj-telecom][data-decision=accepted]').waitFor();
		const { proposals } = (await (await (await api('planner'))('/api/proposals')).json()) as Json;
		const recorded = proposals.find((p: Json) => p.key === b.proposal.key);
		expect(recorded.organisations.find((o: Json) => o.id === 'jj-telecom').decision).toBe('accepted');
		expect(recorded.organisations.find((o: Json) => o.id === 'jj-water').decision).toBeNull();
		expect(mp.errors).toEqual([]);
	});

	it('toggles the repeat-excavation heat map: a street opened again and again is painted in its colour', async () => {
		const history = (await (await client(suite.app.url)('/api/streets/history?years=5')).json()) as Json;
		const busiest = [...history.features].sort((x: Json, y: Json) => y.properties.openings - x.properties.openings)[0];
		expect(busiest.properties.openings).toBeGreaterThanOrEqual(2);
		const coords = busiest.geometry.coordinates as [number, number][];
		const mid: [number, number] = [(coords[0][0] + coords[coords.length - 1][0]) / 2, (coords[0][1] + coords[coords.length - 1][1]) / 2];
		const mp = await open();
		// every overlay off: only the basemap under the heat map
		await openMap(mp.page, `/?${at(mid, 17)}&l=-`);
		const off = await patch(mp.page, await project(mp.page, mid), 8);
		await mp.page.getByTestId('toggle-history').click();
		await settle(mp.page);
		const on = await patch(mp.page, await project(mp.page, mid), 8);
		const colour = OPENINGS_COLOURS[Math.min(busiest.properties.openings, 4) - 1];
		expect(pixelsPainted(off, on, colour, 0.9)).toBeGreaterThan(40);
		expect(await mp.page.getByTestId('history-legend').textContent()).toContain('4 次及以上');
		expect(mp.page.url()).toContain('l=sh');
		await screenshot(mp.page, '17-heat-map');
		expect(mp.errors).toEqual([]);
	});
});

import { describe, expect, it } from 'vitest';
import type { Page, Response } from 'playwright-core';
import ICAL from 'ical.js';
import { browserSuite, patch, pixelsPainted, project, screenshot, settle, signIn, type Rgb } from '../support/browser';
import { NEED_COLOURS, UTILITY_COLOURS } from '../../src/lib/map/palette';

/** WeChat's own browser on an Android phone, as residents open a shared link */
const WECHAT =
	'Mozilla/5.0 (Linux; Android 12; ALN-AL00) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/107.0.5304.141 Mobile Safari/537.36 XWEB/5023 MicroMessenger/8.0.40.2420(0x28002837) WeChat/arm64 NetType/WIFI Language/zh_CN';
/** 浔阳路: the gas company digs here 2027-01-04 … 2027-02-05 (work #575, data/README.md) */
const XUNYANG_ROAD: [number, number] = [116.002121, 29.722599];
const GAS_SENTENCE = '2027年1月4日—2月5日 燃气管道更换 · 九江深能燃气有限公司';
/** 滨江新村, beside 浔阳路 (accepted); its pinyin initials */
const BINJIANG = { id: 'nb-360403-041', name: '滨江新村', initials: 'bjxc' };
/** 荷花二巷43号院, still under construction */
const HEHUA = { id: 'nb-360403-032', name: '荷花二巷43号院' };
const GAS: Rgb = UTILITY_COLOURS.gas;

describe('the residents’ side on a phone (360×740, touch, WeChat), and the planners’ moderation and needs', () => {
	const suite = browserSuite();
	/** a fresh phone in WeChat, its errors collected */
	const phone = (lang: 'zh' | 'en' = 'zh', at?: [number, number]) => suite.open({ lang, phone: true, userAgent: WECHAT, geolocation: at });
	const desktop = async () => (await suite.open()).page;
	/** the residents' map has its data and has drawn it */
	async function settlePublic(page: Page) {
		await page.waitForSelector('[data-testid=public-map][data-busy=false]', { timeout: 60_000 });
		await page.waitForTimeout(150);
		await page.evaluate(() => new Promise<void>((done) => (window.__digonceMap!.once('idle', () => done()), window.__digonceMap!.triggerRepaint())));
	}
	/** how far the document itself could scroll (0: only the content area scrolls, as designed) */
	const documentOverflow = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollHeight - document.scrollingElement!.clientHeight);
	/** a resident's need, sent as its own phone (the rate limit counts per client) */
	const sendNeed = (page: Page, neighbourhood: string, category: string, body: string, client: string) =>
		page.request.post('/api/submissions', {
			data: { neighbourhood_id: neighbourhood, kind: 'need', category, body },
			headers: { origin: suite.app.url, 'user-agent': `${WECHAT} ${client}` }
		});

	it('finds a street in the residents’ search and shows what is dug around it', async () => {
		const { page, errors } = await phone();
		await page.goto('/m');
		await page.waitForFunction(() => !!window.__digonceMap, null, { timeout: 60_000 });
		await settlePublic(page);
		await page.getByTestId('search').tap();
		await page.getByTestId('search').fill('湓浦路');
		const street = page.getByTestId('search-results').locator('button[data-kind=street]', { hasText: '湓浦路' });
		await street.waitFor();
		expect(await street.innerText()).toContain('道路');
		const [hit] = (await (await page.request.get(`/api/search?q=${encodeURIComponent('湓浦路')}&limit=1`)).json()).hits;
		expect(hit).toMatchObject({ kind: 'street', label: '湓浦路' });
		await street.tap();
		await expect.poll(() => page.getByTestId('place-title').innerText(), { timeout: 30_000 }).toBe('所选位置');
		// the link holds the place on the street, to send to a neighbour
		await expect.poll(() => new URL(page.url()).searchParams.get('at'), { timeout: 30_000 }).toMatch(/^\d+\.\d+,\d+\.\d+$/);
		const [lon, lat] = new URL(page.url()).searchParams.get('at')!.split(',').map(Number);
		expect(lon).toBeCloseTo(hit.point[0], 4);
		expect(lat).toBeCloseTo(hit.point[1], 4);
		await settlePublic(page);
		expect(await page.evaluate((ll) => window.__digonceMap!.getBounds().contains(ll), hit.point)).toBe(true);
		expect(errors).toEqual([]);
		// a search and a flight on software WebGL, on a phone: longer than one step
	}, 240_000);

	it('a resident finds their neighbourhood, reads when the street is dug, sends a need and sees it pending; a planner publishes it and it shows, counted', async () => {
		const { page, errors } = await phone('zh', [XUNYANG_ROAD[0] + 0.0004, XUNYANG_ROAD[1] + 0.0006]);
		// the bare address on a phone is the residents' map
		await page.goto('/');
		expect(new URL(page.url()).pathname).toBe('/m');
		await page.waitForFunction(() => !!window.__digonceMap && !!window.__digonceDeck, null, { timeout: 60_000 });
		await settlePublic(page);
		await expect.poll(() => page.getByTestId('demo-notice').isVisible()).toBe(true);
		expect(await page.getByTestId('demo-notice').innerText()).toContain('演示数据');
		await screenshot(page, 'public-01-map');
		expect(await documentOverflow(page)).toBe(0);

		// tap the gas main on 浔阳路 (where the map draws it in gas magenta)
		await page.evaluate((c) => window.__digonceMap!.jumpTo({ center: c, zoom: 17 }), XUNYANG_ROAD);
		await settlePublic(page);
		const centre = await project(page, XUNYANG_ROAD);
		const on = await patch(page, centre, 24);
		await page.getByTestId('toggle-works').tap();
		await settlePublic(page);
		const off = await patch(page, centre, 24);
		await page.getByTestId('toggle-works').tap();
		await settlePublic(page);
		const i = on.findIndex((px, k) => pixelsPainted([off[k]], [px], GAS, 235 / 255) === 1);
		expect(i, 'a pixel of the gas main near 浔阳路').toBeGreaterThanOrEqual(0);
		await page.touchscreen.tap(Math.round(centre.x - 24) + (i % 48), Math.round(centre.y - 24) + Math.floor(i / 48));
		await expect.poll(() => page.getByTestId('tapped-work').innerText()).toContain(GAS_SENTENCE);
		await page.getByTestId('nearby-works').waitFor();
		expect(await page.getByTestId('nearby-works').innerText()).toContain(GAS_SENTENCE);
		await settlePublic(page);
		await screenshot(page, 'public-02-tap-my-street');
		// the calendar of this stretch of street lists the same work
		const areaFeed = await page.request.get((await page.getByTestId('nearby-calendar').getAttribute('href'))!);
		expect(await areaFeed.text()).toContain('UID:work-575@');

		// or where the phone is: about 75 m from the gas main, inside 滨江新村
		await page.getByTestId('place-close').tap();
		await page.getByTestId('locate').tap();
		await expect.poll(() => page.getByTestId('place-title').innerText()).toBe(BINJIANG.name);
		await page.getByTestId('nearby-works').getByText(GAS_SENTENCE).waitFor();
		// and the link holds the place, to send to a neighbour
		await expect.poll(() => new URL(page.url()).searchParams.get('nb')).toBe(BINJIANG.id);

		// find the neighbourhood by its pinyin initials
		await page.getByTestId('search').tap();
		await page.getByTestId('search').fill(BINJIANG.initials);
		const hit = page.getByTestId('search-results').getByText(BINJIANG.name);
		await hit.waitFor();
		await hit.tap();
		await expect.poll(() => page.getByTestId('place-title').innerText()).toBe(BINJIANG.name);
		await page.getByTestId('nearby-works').getByText(GAS_SENTENCE).waitFor();
		await settlePublic(page);
		await screenshot(page, 'public-03-neighbourhood-my-street');

		// its page: when the street is dug, who answers for it, and the form
		await page.getByTestId('nb-page-link').tap();
		await page.waitForURL(`**/n/${BINJIANG.id}`);
		expect(await page.getByTestId('my-street').innerText()).toContain(GAS_SENTENCE);
		expect(await page.getByTestId('hotline').getAttribute('href')).toMatch(/^tel:0792\d{7}$/);
		expect(await page.getByTestId('needs-total').innerText()).toBe('需求 0 条');
		await screenshot(page, 'public-04-neighbourhood-page');

		const text = '滨江新村3栋后面的下水道经常堵，下雨天污水漫到浔阳路边。';
		const form = page.getByTestId('submission-form');
		await form.getByText('下水道不畅').tap();
		await page.getByTestId('submission-body').fill(text);
		await page.getByTestId('submission-send').tap();
		await page.getByTestId('submission-sent').waitFor();
		const mine = page.getByTestId('my-submissions').locator('li', { hasText: text });
		expect(await mine.getAttribute('data-status')).toBe('pending');
		expect(await mine.getByTestId('my-status').innerText()).toBe('待审核');
		await mine.scrollIntoViewIfNeeded();
		await screenshot(page, 'public-05-need-pending');
		// only the page's content scrolls, never the document: the header and the demo notice stay on screen
		expect(await documentOverflow(page)).toBe(0);
		// the phone remembers it; the public page does not show it yet
		await page.reload();
		await page.getByTestId('my-submissions').locator('li', { hasText: text }).waitFor();
		expect(await page.getByTestId('published').count()).toBe(0);

		// a planner signs in through the login page and publishes it
		const planner = await desktop();
		await planner.goto('/moderation');
		await planner.waitForURL(/\/login\?next=%2Fmoderation$/);
		await planner.fill('input[name=email]', 'planner@demo.digonce.cn');
		await planner.fill('input[name=password]', 'demo-password');
		await planner.click('button[type=submit]');
		await planner.waitForURL((u) => u.pathname === '/moderation');
		const item = planner.getByTestId('queue').locator('li', { hasText: text });
		await item.waitFor();
		expect(await item.innerText()).toContain(BINJIANG.name);
		await screenshot(planner, 'public-06-moderation-queue');
		await item.getByTestId('publish').click();
		await planner.getByTestId('moderation-done').waitFor();
		await expect.poll(() => item.count()).toBe(0);
		await planner.getByTestId('tab-published').click();
		const published = planner.getByTestId('queue').locator('li', { hasText: text });
		await published.waitFor();
		expect(await published.getByTestId('history').innerText()).toMatch(/^.+ 于 .+ 公开$/);

		// the resident's page shows it, counted, and the phone learns it was published
		await page.reload();
		await page.getByTestId('published').getByText(text).waitFor();
		expect(await page.getByTestId('needs-total').innerText()).toBe('需求 1 条');
		expect(await page.getByTestId('needs-by-category').innerText()).toContain('下水道不畅 1');
		await expect.poll(() => page.getByTestId('my-submissions').locator('li', { hasText: text }).getAttribute('data-status')).toBe('published');
		await page.getByTestId('voices').scrollIntoViewIfNeeded();
		await screenshot(page, 'public-07-need-published');
		expect(errors).toEqual([]);
	}, 240_000);

	it('refuses an evaluation of a neighbourhood still under construction, in the server’s words', async () => {
		const { page, errors } = await phone();
		await page.goto(`/n/${HEHUA.id}`);
		expect(await page.getByTestId('nb-status').innerText()).toBe('改造中');
		await page.getByTestId('kind-evaluation').tap();
		await page.getByTestId('evaluation-hint').waitFor();
		await page.getByTestId('submission-form').locator('label.star').nth(3).tap();
		await page.getByTestId('submission-body').fill('施工围挡整齐，就是噪音有点大。');
		await page.getByTestId('submission-send').tap();
		const refusal = page.getByTestId('submission-error');
		await refusal.waitFor();
		expect(await refusal.innerText()).toBe(`${HEHUA.name}尚未完工（当前：改造中），完工后才能评价；现在可以提出需求。`);
		// nothing was stored, so nothing is remembered as sent; what was written is still there
		expect(await page.getByTestId('my-submissions').count()).toBe(0);
		expect(await page.getByTestId('submission-body').inputValue()).toBe('施工围挡整齐，就是噪音有点大。');
		await refusal.scrollIntoViewIfNeeded();
		await screenshot(page, 'public-08-evaluation-refused');
		// the browser reports the refused request itself; nothing else may go wrong
		expect(errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
	});

	it('links a neighbourhood’s works calendar: the link returns a calendar with the street’s works', async () => {
		const { page } = await phone();
		await page.goto(`/n/${BINJIANG.id}`);
		const path = await page.getByTestId('calendar-ics').getAttribute('href');
		expect(path).toBe(`/feeds/works.ics?neighbourhood=${BINJIANG.id}`);
		expect(await page.getByTestId('calendar-webcal').getAttribute('href')).toBe(`${suite.app.url.replace(/^http:/, 'webcal:')}${path}`);
		const res = await page.request.get(path!);
		expect(res.headers()['content-type']).toContain('text/calendar');
		const events = new ICAL.Component(ICAL.parse(await res.text())).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
		const gas = events.find((e) => e.uid.startsWith('work-575@'));
		expect([gas?.summary, gas?.startDate.toString(), gas?.endDate.toString()]).toEqual(['燃气管道更换 · 九江深能燃气有限公司', '2027-01-04', '2027-02-06']);
	});

	it('puts nothing private in the public pages: not in their text, not in any answer the phone receives', async () => {
		// what staff see and the public must not: cadres' phones, internal notes
		const staff = await desktop();
		await signIn(staff, suite.app.url);
		const all = await (await staff.request.get('/api/neighbourhoods')).json();
		const withSecrets = all.features.find((f: { properties: Record<string, unknown> }) => f.properties.internal_note && f.properties.community_cadre_phone);
		const secrets = all.features
			.flatMap((f: { properties: Record<string, unknown> }) => [f.properties.community_cadre_phone, f.properties.internal_note])
			.filter(Boolean) as string[];
		expect(secrets.length).toBeGreaterThan(100);

		const { page, errors } = await phone();
		const answers: Promise<string>[] = [];
		page.on('response', (r: Response) => {
			if (/json|html|calendar/.test(r.headers()['content-type'] ?? '')) answers.push(r.text().catch(() => ''));
		});
		await page.goto('/m');
		await page.waitForFunction(() => !!window.__digonceMap, null, { timeout: 60_000 });
		await settlePublic(page);
		await page.getByTestId('search').fill(BINJIANG.initials);
		await page.getByTestId('search-results').getByText(BINJIANG.name).tap();
		await page.getByTestId('nearby-works').waitFor();
		const pageTexts = [await page.locator('body').innerText()];
		for (const id of [BINJIANG.id, String(withSecrets.id)]) {
			await page.goto(`/n/${id}`);
			pageTexts.push(await page.locator('body').innerText());
		}
		const bodies = await Promise.all(answers);
		expect(bodies.length).toBeGreaterThan(6);
		for (const text of [...bodies, ...pageTexts]) {
			for (const word of ['depth_m', 'internal_note', 'community_cadre_phone', 'client_hash', 'receipt_hash', 'moderated_by']) expect(text).not.toContain(word);
			for (const secret of secrets) expect(text).not.toContain(secret);
		}
		// the page of the neighbourhood with a cadre's phone and a note names the cadre, not the phone
		expect(pageTexts[2]).toContain(String(withSecrets.properties.community_cadre));
		expect(errors).toEqual([]);
	});

	it('reads in English from the header’s switch', async () => {
		const { page } = await phone();
		await page.goto(`/n/${BINJIANG.id}`);
		await page.getByTestId('lang-switch').tap();
		await page.waitForURL(/lang=en/);
		expect(await page.getByTestId('my-street').innerText()).toContain('My street: within 200 m · next 90 days');
		expect(await page.getByTestId('my-street').innerText()).toContain('Replacing the gas pipe · 九江深能燃气有限公司');
		expect(await page.getByTestId('demo-notice').innerText()).toContain('Demo data');
	});

	it('shows planners the residents’ needs on their map: a disc per neighbourhood in its top category, with its details', async () => {
		const page = await desktop();
		for (const [n, body] of ['楼下停车位太少', '晚上车停到消防通道', '电动车没地方充电'].entries()) {
			expect((await sendNeed(page, HEHUA.id, 'parking', body, `needs-${n}`)).status()).toBe(201);
		}
		await signIn(page, suite.app.url);
		const needs = await (await page.request.get('/api/submissions/needs')).json();
		const here = needs.features.find((f: { id: string }) => f.id === HEHUA.id);
		const at = here.geometry.coordinates as [number, number];
		await page.goto(`/?c=${at[0]},${at[1]}&z=16`);
		await page.waitForFunction(() => !!window.__digonceMap && !!window.__digonceDeck, null, { timeout: 60_000 });
		await settle(page);
		expect(await page.getByTestId('needs-count').innerText()).toBe(
			String(needs.features.reduce((n: number, f: { properties: { needs: number } }) => n + f.properties.needs, 0))
		);
		const on = await patch(page, await project(page, at), 12);
		await page.getByTestId('toggle-needs').click();
		await settle(page);
		const off = await patch(page, await project(page, at), 12);
		expect(pixelsPainted(off, on, NEED_COLOURS.parking, 215 / 255, 20)).toBeGreaterThan(80);
		await page.getByTestId('toggle-needs').click();
		await settle(page);
		const p = await project(page, at);
		await page.mouse.click(p.x, p.y);
		const details = page.getByTestId('details-needs');
		await details.waitFor();
		expect(await details.innerText()).toContain('停车困难 3');
		expect(await page.getByTestId('details-title').innerText()).toBe(HEHUA.name);
		await page.evaluate(() => document.querySelector('.tab-body')!.scrollTo(0, 99_999));
		await screenshot(page, 'public-09-needs-layer');
	});
});

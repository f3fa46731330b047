import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startApp, type RunningApp } from '../support/app';
import { launchBrowser, screenshot } from '../support/browser';
import { addDays } from '../../src/lib/domain/work-rules';

/**
 * What a resident's phone and a planner's screen show when the app runs years after its demo data
 * was written: the built server on two days two years apart, each on its own demo database.
 */
type Json = Record<string, any>;

describe.each(['2027-06-15', '2029-06-15'])('in a browser on %s', (today) => {
	const year = Number(today.slice(0, 4));
	let app: RunningApp;
	let browser: Browser;
	beforeAll(async () => {
		[app, browser] = await Promise.all([startApp('demo', { DIGONCE_TODAY: today }), launchBrowser()]);
	});
	afterAll(async () => {
		await browser?.close();
		await app?.stop();
	});

	it('lists the works of the next 90 days at a demo neighbourhood on the residents’ map', async () => {
		const soon = await (await fetch(`${app.url}/api/works?from=${today}&to=${addDays(today, 90)}`)).json();
		const at = soon.features.map((f: Json) => f.properties.neighbourhood_id).find((id: string | null) => id);
		const { works } = await (await fetch(`${app.url}/api/nearby?neighbourhood=${at}&days=90`, { headers: { 'accept-language': 'zh-CN' } })).json();
		expect(works.length).toBeGreaterThan(0);

		const context = await browser.newContext({ baseURL: app.url, viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
		const page = await context.newPage();
		await page.goto(`/m?nb=${at}`);
		await page.getByTestId('nearby-works').getByText(works[0].sentence).waitFor({ timeout: 60_000 });
		await screenshot(page, `clock-${today}-my-street`);
		await context.close();
	});

	it('opens the planners’ time bar on this year, and offers the next', async () => {
		const context = await browser.newContext({ baseURL: app.url, viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
		const page = await context.newPage();
		await page.goto('/');
		await page.getByTestId('time-control').waitFor();
		expect(await page.getByTestId(`time-year-${year}`).getAttribute('class')).toContain('on');
		expect(await page.getByTestId('time-range').innerText()).toContain(`${year}-12`);
		await page.getByTestId(`time-year-${year + 1}`).click();
		await expect.poll(() => page.getByTestId('time-range').innerText()).toContain(`${year + 1}-01`);
		await context.close();
	});
});

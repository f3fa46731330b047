import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startApp, type RunningApp } from '../support/app';
import { launchBrowser, newMapPage } from '../support/browser';
import { UTILITY_COLOURS, SEVERITY_COLOURS } from '../../src/lib/map/palette';
import { TOKENS, tokenRgb } from '../../src/lib/styles/tokens';

const rgb = ([r, g, b]: number[]) => `rgb(${r}, ${g}, ${b})`;

describe('design tokens in the browser', () => {
	let app: RunningApp;
	let browser: Browser;
	beforeAll(async () => {
		[app, browser] = await Promise.all([startApp('demo'), launchBrowser()]);
	});
	afterAll(async () => {
		await browser?.close();
		await app?.stop();
	});

	it('the header is painted in the accent token, and the map palette’s colours are the page’s custom properties', async () => {
		const { page, errors } = await newMapPage(browser, app.url);
		await page.goto('/m');
		const seen = await page.evaluate(() => {
			const root = getComputedStyle(document.documentElement);
			return {
				header: getComputedStyle(document.querySelector('header.bar')!).backgroundColor,
				gas: root.getPropertyValue('--util-gas').trim(),
				high: root.getPropertyValue('--severity-high').trim(),
				accent: root.getPropertyValue('--accent').trim()
			};
		});
		expect(seen.accent).toBe(TOKENS.accent);
		expect(seen.header).toBe(rgb(tokenRgb('accent')));
		expect(seen.gas).toBe(TOKENS['util-gas']);
		expect(tokenRgb('util-gas')).toEqual(UTILITY_COLOURS.gas);
		expect(seen.high).toBe(TOKENS['severity-high']);
		expect(tokenRgb('severity-high')).toEqual(SEVERITY_COLOURS.high);
		expect(errors).toEqual([]);
		await page.context().close();
	});
});

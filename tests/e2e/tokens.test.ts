import { describe, expect, it } from 'vitest';
import { browserSuite } from '../support/browser';
import { UTILITY_COLOURS, SEVERITY_COLOURS } from '../../src/lib/map/palette';
import { TOKENS, tokenRgb } from '../../src/lib/styles/tokens';

const rgb = ([r, g, b]: number[]) => `rgb(${r}, ${g}, ${b})`;

describe('design tokens in the browser', () => {
	const suite = browserSuite();

	it('the header is painted in the accent token, and the map palette’s colours are the page’s custom properties', async () => {
		const { page, errors } = await suite.open();
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
	});
});

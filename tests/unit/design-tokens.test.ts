import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TOKENS, tokenRgb } from '$lib/styles/tokens';
import { NEED_COLOURS, OPENINGS_COLOURS, PROPOSAL_COLOUR, SEVERITY_COLOURS, SEVERITY_DISC, UTILITY_COLOURS } from '$lib/map/palette';

const SOURCE_OF_TRUTH = join('src', 'lib', 'styles', 'tokens.ts');

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return files(path);
		return /\.(svelte|ts|css)$/.test(name) ? [path] : [];
	});
}

/** comments may name a colour (say what a token looks like) */
const withoutComments = (text: string) =>
	text
		.replace(/\/\*[\s\S]*?\*\//g, '')
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

describe('design tokens', () => {
	const sources = files('src').filter((f) => f !== SOURCE_OF_TRUTH);
	// messages are words: a work's number (#599) in an example is not a colour
	const styled = sources.filter((f) => !f.startsWith(join('src', 'lib', 'i18n')));

	it('no file under src/ but the token source writes a hex colour', () => {
		const found = styled.flatMap((f) =>
			[...withoutComments(readFileSync(f, 'utf8')).matchAll(/#[0-9a-fA-F]{3,8}\b/g)].map((m) => `${f}:${m[0].toLowerCase()}`)
		);
		expect(found).toEqual([]);
	});

	it('no file under src/ but the token source writes an rgb() or rgba() colour', () => {
		// a literal has a number for its first channel; the palette's css() builds one from a token
		const found = styled.flatMap((f) => [...withoutComments(readFileSync(f, 'utf8')).matchAll(/rgba?\(\s*[\d.]/g)].map((m) => `${f}:${m[0]}`));
		expect(found).toEqual([]);
	});

	it('every token is named for its role, not for its value', () => {
		const byValue = Object.keys(TOKENS).filter((name) => /^(c-)?[0-9a-f]{3,8}$/i.test(name) || /^c-/.test(name));
		expect(byValue).toEqual([]);
	});

	it('every var(--x) used in src/ is a token or a custom property set in src/', () => {
		const text = sources.map((f) => readFileSync(f, 'utf8')).join('\n');
		const set = new Set([
			...Object.keys(TOKENS),
			...[...text.matchAll(/(--[\w-]+)\s*:/g)].map((m) => m[1].slice(2)),
			...[...text.matchAll(/style:--([\w-]+)/g)].map((m) => m[1]),
			...[...text.matchAll(/setProperty\(\s*'--([\w-]+)'/g)].map((m) => m[1])
		]);
		const used = [...new Set([...text.matchAll(/var\(--([\w-]+)/g)].map((m) => m[1]))];
		expect(used.filter((u) => !set.has(u))).toEqual([]);
	});

	it('the map palette is read from the tokens', () => {
		expect(UTILITY_COLOURS.water).toEqual(tokenRgb('util-water'));
		expect(UTILITY_COLOURS.water).toEqual([0, 150, 214]);
		expect(SEVERITY_COLOURS.high).toEqual(tokenRgb('severity-high'));
		expect(tokenRgb('surface')).toEqual([255, 255, 255]);
		expect(OPENINGS_COLOURS[3]).toEqual(tokenRgb('openings-4'));
		expect(PROPOSAL_COLOUR).toEqual(tokenRgb('proposal'));
		expect(NEED_COLOURS.parking).toEqual(tokenRgb('need-parking'));
		expect(SEVERITY_DISC.getLineColor).toEqual([...tokenRgb('surface'), 255]);
	});

	it('translucent tokens are refused where the map needs a solid colour', () => {
		expect(TOKENS['place-fill']).toMatch(/^rgba\(/);
		expect(() => tokenRgb('place-fill')).toThrow();
	});
});

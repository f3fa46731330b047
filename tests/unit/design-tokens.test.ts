import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TOKENS, tokenRgb } from '$lib/styles/tokens';
import { UTILITY_COLOURS, SEVERITY_COLOURS } from '$lib/map/palette';

const SOURCE_OF_TRUTH = join('src', 'lib', 'styles', 'tokens.ts');
/**
 * The public map's place ring sits in the script-free markup of a page whose script is being split
 * elsewhere; it moves to a token once the page imports one.
 */
const KNOWN = new Set([join('src', 'routes', 'm', '+page.svelte') + ':#1f5f8b']);

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return files(path);
		return /\.(svelte|ts|css)$/.test(name) ? [path] : [];
	});
}

/** comments may name a colour (say what a token looks like) */
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/<!--[\s\S]*?-->/g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

describe('design tokens', () => {
	const sources = files('src').filter((f) => f !== SOURCE_OF_TRUTH);

	it('no file under src/ but the token source writes a hex colour', () => {
		const found = sources.flatMap((f) => [...withoutComments(readFileSync(f, 'utf8')).matchAll(/#[0-9a-fA-F]{3,8}\b/g)].map((m) => `${f}:${m[0].toLowerCase()}`));
		expect(found.filter((x) => !KNOWN.has(x))).toEqual([]);
	});

	it('every var(--x) used in src/ is a token or a custom property set in src/', () => {
		const text = sources.map((f) => readFileSync(f, 'utf8')).join('\n');
		const set = new Set([...Object.keys(TOKENS), ...[...text.matchAll(/(--[\w-]+)\s*:/g)].map((m) => m[1].slice(2)), ...[...text.matchAll(/style:--([\w-]+)/g)].map((m) => m[1]), ...[...text.matchAll(/setProperty\(\s*'--([\w-]+)'/g)].map((m) => m[1])]);
		const used = [...new Set([...text.matchAll(/var\(--([\w-]+)/g)].map((m) => m[1]))];
		expect(used.filter((u) => !set.has(u))).toEqual([]);
	});

	it('the map palette is read from the tokens', () => {
		expect(UTILITY_COLOURS.water).toEqual(tokenRgb('util-water'));
		expect(UTILITY_COLOURS.water).toEqual([0, 150, 214]);
		expect(SEVERITY_COLOURS.high).toEqual(tokenRgb('severity-high'));
		expect(tokenRgb('surface')).toEqual([255, 255, 255]);
	});
});

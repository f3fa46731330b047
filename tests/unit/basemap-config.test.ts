import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { basemapConfig } from '../../src/lib/server/basemap/config';
import { basemapStyle } from '../../src/lib/map/basemap';

const root = resolve(import.meta.dirname, '../..');

describe('the basemap', () => {
	it('is offline unless configured, and refuses a setting it cannot use', () => {
		expect(basemapConfig({})).toEqual({ kind: 'offline' });
		expect(basemapConfig({ BASEMAP: 'offline' })).toEqual({ kind: 'offline' });
		expect(basemapConfig({ BASEMAP: 'tianditu', TIANDITU_KEY: 'k' })).toEqual({ kind: 'tianditu', key: 'k' });
		expect(basemapConfig({ BASEMAP: 'https://example.org/style.json' })).toEqual({ kind: 'style', url: 'https://example.org/style.json' });
		expect(() => basemapConfig({ BASEMAP: 'tianditu' })).toThrow(/TIANDITU_KEY/);
		expect(() => basemapConfig({ BASEMAP: 'gaode' })).toThrow(/BASEMAP/);
	});

	it('offline: a style with no glyphs URL and no source outside the app', async () => {
		const file = readFileSync(resolve(root, 'static/basemap/style.json'), 'utf8');
		const style = await basemapStyle({ kind: 'offline' }, 'zh', 'http://127.0.0.1:3000/', (async () => new Response(file)) as typeof fetch);
		if (typeof style === 'string') throw new Error('expected a style object');
		expect(style.glyphs).toBeUndefined();
		expect(style.sprite).toBeUndefined();
		for (const source of Object.values(style.sources)) {
			expect(source.type).toBe('geojson');
			expect(String((source as { data: string }).data)).toMatch(/^http:\/\/127\.0\.0\.1:3000\/(api\/basemap|basemap)\//);
		}
	});

	it('ships the demo water outline unchanged', () => {
		expect(readFileSync(resolve(root, 'static/basemap/water.geojson'), 'utf8')).toBe(readFileSync(resolve(root, 'data/demo/water.geojson'), 'utf8'));
	});

	it('天地图: Web Mercator map and annotation tiles with the key, in the page’s language', async () => {
		const style = await basemapStyle({ kind: 'tianditu', key: 'abc' }, 'en', 'http://x/');
		if (typeof style === 'string') throw new Error('expected a style object');
		const tiles = Object.values(style.sources).flatMap((s) => (s as { tiles: string[] }).tiles);
		expect(tiles.every((t) => t.includes('tk=abc') && t.includes('TILEMATRIXSET=w'))).toBe(true);
		expect(tiles.some((t) => t.includes('LAYER=eva'))).toBe(true);
	});
});

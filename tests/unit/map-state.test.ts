import { describe, expect, it } from 'vitest';
import { MapState, parseSelection } from '../../src/lib/state/map-state.svelte';

const defaults = { center: [115.995, 29.712] as [number, number], zoom: 13, from: 84, to: 95 };

describe('the map view in the URL', () => {
	it('leaves the defaults out, so a fresh map has a short link', () => {
		const q = new MapState(defaults).write(new URLSearchParams('lang=zh'));
		expect([...q.keys()].sort()).toEqual(['c', 'lang', 'z']);
	});

	it('round-trips centre, zoom, families, filters, time and selection', () => {
		const a = new MapState(defaults);
		a.center = [116.002121, 29.722599];
		a.zoom = 16.5;
		a.layers.rain_sewage = true;
		a.layers.historic = false;
		a.district = '360403';
		a.utilities = ['gas', 'water'];
		a.organisations = ['jj-gas'];
		a.statuses = ['planned'];
		a.batchYears = [2021, 2022];
		a.rainSewage = ['combined'];
		a.setRange(83, 72);
		a.selection = { kind: 'work', id: 435 };
		const q = a.write(new URLSearchParams());
		expect(q.get('t')).toBe('2025-01..2025-12');
		const b = new MapState(defaults, new URLSearchParams(q.toString()));
		expect(b.center).toEqual([116.00212, 29.7226]);
		expect(b.zoom).toBe(16.5);
		expect(b.layers).toEqual({ neighbourhoods: true, works: true, history: false, rain_sewage: true, historic: false, conflicts: true });
		expect([b.district, b.utilities, b.organisations, b.statuses, b.batchYears, b.rainSewage]).toEqual([
			'360403',
			['gas', 'water'],
			['jj-gas'],
			['planned'],
			[2021, 2022],
			['combined']
		]);
		expect([b.from, b.to]).toEqual([72, 83]);
		expect(b.selection).toEqual({ kind: 'work', id: 435 });
	});

	it('keeps "every family off" and "no status" distinct from the defaults', () => {
		const a = new MapState(defaults);
		for (const f of Object.keys(a.layers) as (keyof typeof a.layers)[]) a.layers[f] = false;
		a.statuses = [];
		const b = new MapState(defaults, a.write(new URLSearchParams()));
		expect(Object.values(b.layers).every((on) => !on)).toBe(true);
		expect(b.statuses).toEqual([]);
	});

	it('ignores what it cannot read and opens the default map', () => {
		const b = new MapState(defaults, new URLSearchParams('c=999,1&z=abc&t=2025-05..2024-01&u=water,lava&d=36&sel=work:abc&y=19,2021'));
		expect(b.center).toEqual(defaults.center);
		expect(b.zoom).toBe(13);
		expect([b.from, b.to]).toEqual([84, 95]);
		expect(b.utilities).toEqual(['water']);
		expect(b.district).toBeNull();
		expect(b.selection).toBeNull();
		expect(b.batchYears).toEqual([2021]);
	});

	it('keeps the residents’ needs layer on unless the link turns it off', () => {
		const a = new MapState(defaults);
		expect(a.needs).toBe(true);
		expect(a.write(new URLSearchParams()).has('nd')).toBe(false);
		a.needs = false;
		const q = a.write(new URLSearchParams());
		expect(q.get('nd')).toBe('0');
		expect(new MapState(defaults, q).needs).toBe(false);
	});

	it('reads each kind of selection', () => {
		expect(parseSelection('nb:nb-360403-032')).toEqual({ kind: 'neighbourhood', id: 'nb-360403-032' });
		expect(parseSelection('hd:hd-1')).toEqual({ kind: 'historic', id: 'hd-1' });
		expect(parseSelection('conflict:time_overlap:1:2')).toEqual({ kind: 'conflict', id: 'time_overlap:1:2' });
		expect(parseSelection('work:12')).toEqual({ kind: 'work', id: 12 });
		expect(parseSelection('bogus:1')).toBeNull();
	});
});

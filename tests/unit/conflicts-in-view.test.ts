import { describe, expect, it } from 'vitest';
import { ConflictsInView, type ConflictsInViewSource } from '../../src/lib/state/conflicts-in-view.svelte';
import { syncedHref } from '../../src/lib/state/url-sync.svelte';
import { MapState } from '../../src/lib/state/map-state.svelte';
import type { ConflictFeature } from '../../src/lib/map/work-types';

const conflict = (id: string, severity: 'high' | 'medium' | 'low', at: [number, number], utility = 'gas', status = 'approved') =>
	({
		type: 'Feature',
		id,
		geometry: { type: 'Point', coordinates: at },
		properties: { id, severity, works: [{ id: 1, utility, status }] }
	}) as unknown as ConflictFeature;

describe('conflicts in view', () => {
	const all = [
		conflict('a', 'high', [116.0, 29.7]),
		conflict('b', 'low', [116.0, 29.7]),
		conflict('c', 'high', [115.9, 29.7]),
		conflict('d', 'medium', [116.0, 29.7], 'water')
	];
	const source = (over: Partial<ConflictsInViewSource> = {}): ConflictsInViewSource => ({
		all,
		utilities: [],
		statusCodes: ['approved'],
		visible: null,
		...over
	});

	it('counts only the markers inside the padded box, so one under a panel is left out', () => {
		// the map spans 115.8–116.1, a side panel covers its west: the visible box starts at 115.95
		const shown = new ConflictsInView(() => source({ visible: [115.95, 29.6, 116.1, 29.8] }));
		expect(shown.inView.map((c) => c.id)).toEqual(['a', 'b', 'd']);
		expect(shown.counts).toEqual({ high: 1, medium: 1, low: 1 });
	});

	it('follows the work filters, and counts nothing before there is an answer', () => {
		expect(new ConflictsInView(() => source({ utilities: ['gas'], visible: [115, 29, 117, 30] })).inView.map((c) => c.id)).toEqual(['a', 'b', 'c']);
		expect(new ConflictsInView(() => source({ statusCodes: ['draft'] })).markers).toEqual([]);
		expect(new ConflictsInView(() => source({ all: null })).counts).toBeNull();
	});
});

describe('the URL the state makes', () => {
	it('writes the view into the link, keeps other keys, and reads back the same view', () => {
		const defaults = { center: [115.995, 29.712] as [number, number], zoom: 13, from: 84, to: 95 };
		const a = new MapState(defaults);
		a.zoom = 16;
		a.selection = { kind: 'conflict', id: 'x1' };
		const href = syncedHref(new URL('http://h/?lang=en&desk=works'), (q) => a.write(q));
		const url = new URL(href, 'http://h');
		expect(url.pathname).toBe('/');
		expect(url.searchParams.get('lang')).toBe('en');
		expect(url.searchParams.get('desk')).toBe('works');
		const b = new MapState(defaults, url.searchParams);
		expect([b.zoom, b.selection]).toEqual([16, { kind: 'conflict', id: 'x1' }]);
	});
});

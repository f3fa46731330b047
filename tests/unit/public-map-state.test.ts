import { describe, expect, it } from 'vitest';
import { PublicMapState } from '../../src/lib/state/public-map.svelte';

describe('the residents’ map in the URL', () => {
	it('starts with no place and every neighbourhood, works shown, and a short link', () => {
		const s = new PublicMapState(new URLSearchParams());
		expect([s.place, s.statuses, s.batchYears, s.works, s.nearbyUrl]).toEqual([null, [], [], true, null]);
		expect(s.write(new URLSearchParams('lang=zh')).toString()).toBe('lang=zh');
	});

	it('round-trips a tapped point with its neighbourhood, and the filters', () => {
		const a = new PublicMapState();
		a.place = { kind: 'point', at: [116.0021214, 29.7225991], neighbourhood: 'nb-360403-041' };
		a.statuses = ['under_construction', 'completed'];
		a.batchYears = [2021];
		a.works = false;
		const b = new PublicMapState(a.write(new URLSearchParams()));
		expect(b.place).toEqual({ kind: 'point', at: [116.00212, 29.7226], neighbourhood: 'nb-360403-041' });
		expect([b.statuses, b.batchYears, b.works]).toEqual([['under_construction', 'completed'], [2021], false]);
		expect(b.neighbourhoodId).toBe('nb-360403-041');
	});

	it('asks "my street" about a point from the point, about a neighbourhood from its boundary: 200 m, 90 days', () => {
		const point = new PublicMapState(new URLSearchParams('at=116.002121,29.722599'));
		expect(point.nearbyUrl).toBe('/api/nearby?radius=200&days=90&lon=116.00212&lat=29.7226');
		const nb = new PublicMapState(new URLSearchParams('nb=nb-360403-041'));
		expect(nb.place).toEqual({ kind: 'neighbourhood', id: 'nb-360403-041' });
		expect(nb.nearbyUrl).toBe('/api/nearby?radius=200&days=90&neighbourhood=nb-360403-041');
	});

	it('ignores what it cannot read', () => {
		const s = new PublicMapState(new URLSearchParams('at=999,1&nb=../etc&st=planned,lava&y=19,2022'));
		expect(s.place).toBeNull();
		expect([s.statuses, s.batchYears]).toEqual([['planned'], [2022]]);
	});
});

import { describe, expect, it } from 'vitest';
import { conflictsUrl, neighbourhoodFilter, rainSewageFilter, worksUrl, type FeedView } from '../../src/lib/state/dashboard-feeds.svelte';
import { DeskOnMap, type DeskSource } from '../../src/lib/state/desk-on-map.svelte';
import { MapState } from '../../src/lib/state/map-state.svelte';
import type { Conflict, JointWorksProposal } from '../../src/lib/types/api';

const defaults = { center: [115.995, 29.712] as [number, number], zoom: 13, from: 84, to: 95 };
const box: [number, number, number, number] = [115.9, 29.6, 116.1, 29.8];
const query = (url: string | null) => Object.fromEntries(new URL(url!, 'http://x').searchParams);

describe('the works and conflicts the planners map asks for', () => {
	it('asks for the works in the fetch box, in the period, through the filters', () => {
		const view: FeedView = new MapState(defaults);
		view.utilities = ['gas', 'water'];
		view.organisations = ['jj-gas'];
		view.district = '360403';
		view.statuses = ['in_progress'];
		const q = query(worksUrl(view, box));
		expect(q).toEqual({
			bbox: '115.90000,29.60000,116.10000,29.80000',
			from: q.from,
			to: q.to,
			utility: 'gas,water',
			organisation: 'jj-gas',
			district: '360403',
			status: 'in_progress'
		});
		expect(q.from < q.to && q.from.endsWith('-01')).toBe(true);
		expect(worksUrl(view, box)!.startsWith('/api/works?')).toBe(true);
	});

	it('asks for no works before the map is placed or when no status is chosen', () => {
		const view = new MapState(defaults);
		expect(worksUrl(view, null)).toBeNull();
		expect(query(worksUrl(view, box)).status).toBe('draft,submitted,approved,in_progress,backfilled,restored');
		view.statuses = [];
		expect(worksUrl(view, box)).toBeNull();
	});

	it('asks for conflicts only when signed in, without the box or the utilities', () => {
		const view = new MapState(defaults);
		view.utilities = ['gas'];
		view.district = '360403';
		expect(conflictsUrl(view, false)).toBeNull();
		const q = query(conflictsUrl(view, true));
		expect(Object.keys(q).sort()).toEqual(['district', 'format', 'from', 'to']);
		expect(q.format).toBe('geojson');
	});

	it('filters neighbourhoods by district and batch, and rain–sewage by its state too', () => {
		const view = new MapState(defaults);
		expect(neighbourhoodFilter(view)).toEqual(['all']);
		view.district = '360403';
		view.batchYears = [2024];
		view.rainSewage = ['combined'];
		const nb = [
			['==', ['get', 'district_code'], '360403'],
			['in', ['get', 'batch_year'], ['literal', [2024]]]
		];
		expect(neighbourhoodFilter(view)).toEqual(['all', ...nb]);
		expect(rainSewageFilter(view)).toEqual(['all', ...nb, ['in', ['get', 'rain_sewage_state'], ['literal', ['combined']]]]);
	});
});

describe('what the desk points at on the map', () => {
	const conflict = (ids: number[]) => ({ work_ids: ids, where: null }) as unknown as Conflict;
	const proposal = (key: string, ids: (number | null)[]) => ({ key, works: ids.map((id) => ({ id })) }) as unknown as JointWorksProposal;
	const desk = (over: Partial<DeskSource>): DeskSource => ({
		mode: null,
		draft: null,
		saved: null,
		selectedProposal: null,
		check: { answer: null },
		proposals: { data: null },
		...over
	});

	it('highlights the works a draft being registered would meet, until it is saved', () => {
		const d = desk({ mode: 'register', draft: { utility: 'gas' }, check: { answer: { conflicts: [conflict([3, 4]), conflict([7])] } } });
		expect(new DeskOnMap(() => d).highlight).toEqual([3, 4, 7]);
		expect(new DeskOnMap(() => ({ ...d, saved: { id: 9 } })).highlight).toEqual([]);
	});

	it('highlights the chosen proposal’s works, leaving out a member not yet saved', () => {
		const d = desk({ mode: 'proposals', selectedProposal: 'b', proposals: { data: { proposals: [proposal('a', [1]), proposal('b', [2, null, 5])] } } });
		expect(new DeskOnMap(() => d).highlight).toEqual([2, 5]);
		expect(new DeskOnMap(() => ({ ...d, selectedProposal: null })).highlight).toEqual([]);
		expect(new DeskOnMap(() => null).highlight).toEqual([]);
	});
});

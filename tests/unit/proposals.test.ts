import { describe, expect, it } from 'vitest';
import { commonWindow, digOrder, groupLinkedWorks, type ProposalMember } from '../../src/lib/server/conflicts/proposals';

const member = (id: number, utility: ProposalMember['utility'], start: string, end: string, depth: number | null = null): ProposalMember => ({
	id,
	utility,
	start_date: start,
	end_date: end,
	depth_m: depth,
	organisation: `org-${utility}`,
	organisation_name: utility,
	kind: 'new_pipe',
	title: null,
	status: 'approved'
});

describe('joint-works proposals', () => {
	it('groups a single linked pair', () => {
		expect(groupLinkedWorks([{ kind: 'time_overlap', work_ids: [661, 575] }], () => true)).toEqual([[575, 661]]);
	});

	it('joins chains into one group and keeps separate groups apart', () => {
		const rows = [
			{ kind: 'time_overlap' as const, work_ids: [1, 2] },
			{ kind: 'repeat_excavation' as const, work_ids: [3, 2] },
			{ kind: 'time_overlap' as const, work_ids: [10, 11] }
		];
		expect(groupLinkedWorks(rows, () => true).sort((a, b) => a[0] - b[0])).toEqual([
			[1, 2, 3],
			[10, 11]
		]);
	});

	it('links only by overlap or repeat, and only works that can still join', () => {
		const rows = [
			{ kind: 'moratorium' as const, work_ids: [1, 2] },
			{ kind: 'sequence' as const, work_ids: [1, 3] },
			{ kind: 'time_overlap' as const, work_ids: [4, 5] }
		];
		expect(groupLinkedWorks(rows, () => true)).toEqual([[4, 5]]);
		expect(groupLinkedWorks(rows, (id) => id !== 5)).toEqual([]);
	});

	it('orders the trench deepest first, pave last', () => {
		const order = digOrder([
			member(1, 'road', '2025-01-01', '2025-01-10'),
			member(2, 'telecom', '2025-01-01', '2025-01-10'),
			member(3, 'gas', '2025-02-01', '2025-02-10', 1.2),
			member(4, 'sewage', '2025-03-01', '2025-03-10', 3),
			member(5, 'water', '2025-02-01', '2025-02-10', 1.5)
		]);
		expect(order.map((m) => m.utility)).toEqual(['sewage', 'water', 'gas', 'telecom', 'road']);
	});

	it('opens the common window with the earliest member and adds a week per extra network', () => {
		const w = commonWindow([member(1, 'gas', '2027-01-04', '2027-02-05'), member(2, 'water', '2027-01-11', '2027-01-29')]);
		expect(w).toEqual({ start: '2027-01-04', end: '2027-02-12', days: 40, daysSaved: 33 + 19 - 40 });
	});
});

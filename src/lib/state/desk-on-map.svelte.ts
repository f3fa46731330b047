import type { Geometry } from 'geojson';
import type { Utility } from '$lib/domain/codes';
import { UTILITY_COLOURS } from '$lib/map/palette';
import type { Conflict, JointWorksProposal } from '$lib/types/api';
import type { WorkDesk } from './work-desk.svelte';

/** the part of the desk the map draws from */
export type DeskSource = {
	mode: WorkDesk['mode'];
	draft: { utility: Utility } | null;
	saved: unknown;
	selectedProposal: string | null;
	check: { answer: { conflicts?: Conflict[] } | null };
	proposals: { data: { proposals: JointWorksProposal[] } | null };
};

/**
 * What the staff desk puts on the planners' map: the draft being drawn and what it would meet, the
 * proposals listed and the works either points at.
 */
export class DeskOnMap {
	readonly #desk: () => DeskSource | null;

	constructor(desk: () => DeskSource | null) {
		this.#desk = desk;
	}

	get #d() {
		return this.#desk();
	}

	/** a draft open and not yet saved: clicks on the map draw, they select nothing */
	readonly registering = $derived(this.#d?.mode === 'register' && !!this.#d.draft && !this.#d.saved);
	readonly draftColour = $derived(UTILITY_COLOURS[this.#d?.draft?.utility ?? 'water']);
	readonly draftConflicts = $derived(
		this.registering ? (this.#d!.check.answer?.conflicts ?? []).map((c) => ({ ...c, where: c.where as Geometry | null })) : []
	);
	readonly proposalList = $derived(this.#d?.mode === 'proposals' ? (this.#d.proposals.data?.proposals ?? []) : []);
	readonly selectedProposal = $derived(this.proposalList.find((p) => p.key === this.#d?.selectedProposal) ?? null);
	/** works the desk points at: those the draft would conflict with, or a chosen proposal's */
	readonly highlight = $derived.by(() => {
		if (this.registering) return this.draftConflicts.flatMap((c) => c.work_ids);
		if (this.selectedProposal) return this.selectedProposal.works.flatMap((w) => (w.id === null ? [] : [w.id]));
		return [];
	});
}

import type { ConflictKind, Severity, Utility, WorkKind, WorkStatus } from '$lib/domain/codes';

/*
 * The shapes the API answers with, shared by the server that builds them and the pages that read
 * them: the browser may not import from $lib/server (SvelteKit refuses it, and the pages would
 * depend on queries they never run), so the types live here and the server modules re-export them.
 */

export interface ConflictWork {
	id: number;
	organisation: string;
	organisation_name: string;
	utility: string;
	kind: string;
	title: string | null;
	start_date: string;
	end_date: string;
	status: string;
}

/** A conflict as the API and the map show it. */
export interface Conflict {
	id: string;
	kind: ConflictKind;
	severity: Severity;
	message: string;
	suggestion: string;
	/** the other works involved (seen from a work), or all of them (in the scan) */
	work_ids: number[];
	works: ConflictWork[];
	historic_district: { id: string; name: string } | null;
	neighbourhood: { id: string; name: string; renovation_start: string; renovation_end: string } | null;
	where: { type: string; coordinates: unknown } | null;
	gap_m: number | null;
	overlap_days: number | null;
	gap_days: number | null;
	moratorium_until: string | null;
}

export interface ProposalMember {
	/** null for the work being checked, which is not stored */
	id: number | null;
	organisation: string;
	organisation_name: string;
	utility: Utility;
	kind: string;
	title: string | null;
	start_date: string;
	end_date: string;
	status: WorkStatus;
	depth_m: number | null;
}

export interface JointWorksProposal {
	/** the member work ids, sorted: stable while the group is the same (null in a check's preview) */
	key: string | null;
	/** members in the order to dig them: deepest first, pave last */
	works: ProposalMember[];
	organisations: { id: string; name: string; decision: 'accepted' | 'declined' | null; reason: string | null }[];
	status: 'open' | 'agreed' | 'declined';
	common_window: { start: string; end: string };
	/** what the whole group saves */
	savings: ProposalSavings;
	/**
	 * In the answer to a check or a save: what this work adds by joining, the group's saving less
	 * what the same group saves without it (a short crossing joining a long shared trench adds little).
	 */
	marginal_savings?: ProposalSavings;
	where: { type: string; coordinates: unknown } | null;
}

export interface ProposalSavings {
	trench_m: number;
	reinstatement_m2: number;
	days: number;
	cost_cny: number;
}

/** A work as a resident reads it: public facts and one plain sentence. */
export interface PublicWork {
	id: number;
	sentence: string;
	purpose: string;
	organisation: string;
	organisation_name: string;
	hotline: string | null;
	utility: Utility;
	kind: WorkKind;
	start_date: string;
	end_date: string;
	status: WorkStatus;
	emergency: boolean;
	distance_m: number;
}

export interface DistrictOverview {
	code: string;
	name: string;
	neighbourhoods: number;
	households: number;
	works: number;
	historic_districts: number;
}

export interface NeighbourhoodHit {
	id: string;
	name: string;
	district_name: string;
	sub_district_name: string | null;
	/** the box the map flies to */
	bbox: [number, number, number, number];
}

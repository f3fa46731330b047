/**
 * The catalogue of conflict rules (DESIGN.md §3): each rule's kind, how severe it is, whether it
 * links works into a joint-works proposal, and the order a shared trench is dug in. The app reads
 * them from here. The conflict engine's SQL (sql/functions/0100_rules.sql `utility_layer`,
 * 0200_conflicts.sql, 0600_check.sql) keeps its own copy of what it needs per pair of works, where
 * reading a table would cost every pair of a scan; tests/db/conflict-rules.test.ts holds the two
 * equal on both databases.
 */
import type { ConflictKind, Severity, Utility } from './codes';

export { CONFLICT_KINDS, type ConflictKind, type Severity } from './codes';
export const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

export interface ConflictRule {
	/** between two works, or between a work and an area (a historic district, a neighbourhood) */
	between: 'works' | 'area';
	severity: Severity;
	/** sequence: a road paved before the pipes under it costs a new surface, not only a reshuffle */
	severityWithRoad?: Severity;
	/** the works it joins dig one trench in one window (a joint-works proposal) */
	linksWorks: boolean;
}

export const CONFLICT_RULES: Record<ConflictKind, ConflictRule> = {
	time_overlap: { between: 'works', severity: 'high', linksWorks: true },
	repeat_excavation: { between: 'works', severity: 'medium', linksWorks: true },
	// 城市道路管理条例 art. 33: a dig the law forbids
	moratorium: { between: 'works', severity: 'high', linksWorks: false },
	historic_district: { between: 'area', severity: 'medium', linksWorks: false },
	renovation_window: { between: 'area', severity: 'medium', linksWorks: false },
	sequence: { between: 'works', severity: 'low', severityWithRoad: 'medium', linksWorks: false }
};

/** How severe a conflict of this kind is; `withRoad`: one of the works is the road's. */
export const severityOf = (kind: ConflictKind, withRoad = false): Severity => {
	const rule = CONFLICT_RULES[kind];
	return (withRoad && rule.severityWithRoad) || rule.severity;
};

export const linksWorks = (kind: ConflictKind): boolean => CONFLICT_RULES[kind].linksWorks;

/**
 * The order a shared trench is dug in, "deepest first, pave last": drainage, then water and gas,
 * then power, telecom and lighting, then the road (the lower layer first).
 */
export const DIG_LAYER: Record<Utility, number> = { rain: 1, sewage: 1, water: 2, gas: 2, power: 3, telecom: 3, lighting: 3, road: 4 };

/** Works that can still join a trench: planned, approved or open right now. */
export const JOINABLE_STATUSES = ['submitted', 'approved', 'in_progress'] as const;

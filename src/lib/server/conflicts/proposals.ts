import type { Db, Queryable } from '../db';
import type { SessionUser } from '../auth/session';
import { Forbidden, Invalid, NotFound } from '../errors';
import { addDays, daysBetween } from '$lib/domain/work-rules';
import { sharedTrench, type MetricGeometry } from '$lib/domain/shared-trench';
import type { Utility, WorkStatus } from '$lib/domain/codes';
import { ruleSettings, scanConflicts, type ConflictRow, type RuleSettings } from './engine';
import type { JointWorksProposal, ProposalMember } from '$lib/types/api';

/** Works that can still join a trench: planned, approved or open right now. */
const ACTIONABLE: readonly WorkStatus[] = ['submitted', 'approved', 'in_progress'];
const LINKS = new Set(['time_overlap', 'repeat_excavation']);
/** Each extra network in an open trench adds about a week of laying. */
const DAYS_PER_EXTRA_MEMBER = 7;

const LAYER: Record<Utility, number> = { rain: 1, sewage: 1, water: 2, gas: 2, power: 3, telecom: 3, lighting: 3, road: 4 };

export type { JointWorksProposal, ProposalMember } from '$lib/types/api';

/** Groups works linked by time_overlap or repeat_excavation into connected components. */
export function groupLinkedWorks(rows: Pick<ConflictRow, 'kind' | 'work_ids'>[], eligible: (id: number) => boolean): number[][] {
	const parent = new Map<number, number>();
	const find = (x: number): number => {
		const p = parent.get(x) ?? x;
		if (p === x) return x;
		const root = find(p);
		parent.set(x, root);
		return root;
	};
	for (const row of rows) {
		if (!LINKS.has(row.kind) || row.work_ids.length < 2) continue;
		const [a, b] = row.work_ids;
		if (!eligible(a) || !eligible(b)) continue;
		for (const id of [a, b]) if (!parent.has(id)) parent.set(id, id);
		parent.set(find(a), find(b));
	}
	const groups = new Map<number, number[]>();
	for (const id of parent.keys()) {
		const root = find(id);
		groups.set(root, [...(groups.get(root) ?? []), id]);
	}
	return [...groups.values()].filter((g) => g.length > 1).map((g) => g.sort((a, b) => a - b));
}

/** Deepest first, pave last; then the deeper trench, then the earlier start. */
export function digOrder(works: ProposalMember[]): ProposalMember[] {
	return [...works].sort((a, b) => LAYER[a.utility] - LAYER[b.utility] || (b.depth_m ?? 0) - (a.depth_m ?? 0) || a.start_date.localeCompare(b.start_date) || (a.id ?? 0) - (b.id ?? 0));
}

/**
 * One window for the whole group: it opens when the earliest member would have, and lasts as long
 * as the longest member plus a week per further network laid in the open trench.
 */
export function commonWindow(works: ProposalMember[]) {
	const start = works.map((w) => w.start_date).sort()[0];
	const longest = Math.max(...works.map((w) => daysBetween(w.start_date, w.end_date) + 1));
	const days = longest + DAYS_PER_EXTRA_MEMBER * (works.length - 1);
	const separate = works.reduce((sum, w) => sum + daysBetween(w.start_date, w.end_date) + 1, 0);
	return { start, end: addDays(start, days - 1), days, daysSaved: Math.max(0, separate - days) };
}

/** What `proposal_facts_json` answers for a group of works (sql/functions/0300_proposals.sql). */
export interface ProposalFacts {
	key: string;
	where_geojson: string | null;
	/** the surface area members share with the corridors of the members before them */
	area_m2_saved: number;
	/** what the saving is measured from: the order it is counted in, the width and the metric geometry */
	members: (ProposalMember & { rank: number; width_m: number; geometry_m: MetricGeometry })[];
}

interface ProposalAnswer {
	proposal_key: string;
	organisation_id: string;
	decision: 'accepted' | 'declined';
	reason: string | null;
}

/** A group's facts as a proposal: members in digging order, the common window, the saving in CNY, the answers so far. */
export function shapeProposal(facts: ProposalFacts, settings: RuleSettings, answers: ProposalAnswer[]): JointWorksProposal {
	const works = digOrder(
		facts.members.map(({ rank: _rank, width_m: _width, geometry_m: _geometry, ...m }) => ({ ...m, id: Number(m.id), depth_m: m.depth_m === null ? null : Number(m.depth_m) }))
	);
	const counted = [...facts.members].sort((a, b) => a.rank - b.rank).map((m) => ({ geometry: m.geometry_m, width_m: Number(m.width_m) }));
	const shared = sharedTrench(counted, settings.co_location_m);
	const window = commonWindow(works);
	const orgs = new Map<string, string>();
	for (const w of works) orgs.set(w.organisation, w.organisation_name);
	const organisations = [...orgs].map(([id, name]) => {
		const r = answers.find((x) => x.proposal_key === facts.key && x.organisation_id === id);
		return { id, name, decision: r?.decision ?? null, reason: r?.reason ?? null };
	});
	const trench = shared.trench_m;
	const area = shared.reinstatement_m2 + Number(facts.area_m2_saved);
	const cost = trench * settings.trench_cost_cny_per_m + area * settings.reinstatement_cost_cny_per_m2 + window.daysSaved * settings.disruption_cost_cny_per_day;
	return {
		key: facts.key,
		works,
		organisations,
		status: organisations.some((o) => o.decision === 'declined') ? 'declined' : organisations.every((o) => o.decision === 'accepted') ? 'agreed' : 'open',
		common_window: { start: window.start, end: window.end },
		savings: { trench_m: Math.round(trench), reinstatement_m2: Math.round(area), days: window.daysSaved, cost_cny: Math.round(cost / 100) * 100 },
		where: facts.where_geojson ? JSON.parse(facts.where_geojson) : null
	};
}

async function buildProposals(db: Queryable, groups: number[][], settings: RuleSettings): Promise<JointWorksProposal[]> {
	if (!groups.length) return [];
	const { rows } = await db.query<{ f: ProposalFacts }>(
		`SELECT proposal_facts_json(ARRAY(SELECT json_array_elements_text(j)::bigint)) AS f FROM json_array_elements($1::json) j`,
		[JSON.stringify(groups)]
	);
	const { rows: answers } = await db.query<ProposalAnswer>(
		'SELECT proposal_key, organisation_id, decision, reason FROM joint_proposal_response WHERE proposal_key = ANY($1::text[])',
		[rows.map((r) => r.f.key)]
	);
	return rows.map((r) => shapeProposal(r.f, settings, answers));
}

/** Every open joint-works proposal of a city, the largest saving first. */
export async function listProposals(db: Queryable, cityCode: string, filter: { organisation?: string } = {}): Promise<JointWorksProposal[]> {
	const rows = await scanConflicts(db, cityCode);
	const ids = [...new Set(rows.filter((r) => LINKS.has(r.kind)).flatMap((r) => r.work_ids))];
	const { rows: statuses } = await db.query<{ id: number; status: WorkStatus }>('SELECT id, status FROM work WHERE id = ANY($1::bigint[])', [ids]);
	const actionable = new Set(statuses.filter((s) => ACTIONABLE.includes(s.status)).map((s) => Number(s.id)));
	const proposals = await buildProposals(db, groupLinkedWorks(rows, (id) => actionable.has(id)), await ruleSettings(db, cityCode));
	return proposals
		.filter((p) => !filter.organisation || p.organisations.some((o) => o.id === filter.organisation))
		.sort((a, b) => b.savings.cost_cny - a.savings.cost_cny || String(a.key).localeCompare(String(b.key)));
}

/** The proposal a stored work is part of: the work and every work it is directly linked to. */
export async function proposalForWork(db: Queryable, workId: number, rows: ConflictRow[], settings: RuleSettings): Promise<JointWorksProposal | null> {
	const partners = rows.filter((r) => LINKS.has(r.kind) && r.work_ids.length > 1).flatMap((r) => r.work_ids);
	const ids = [...new Set([workId, ...partners])].sort((a, b) => a - b);
	if (ids.length < 2) return null;
	const [proposal] = await buildProposals(db, [ids], settings);
	return proposal ?? null;
}

/** A utility in the group accepts or declines the proposal for its organisation. */
export async function answerProposal(db: Db, key: string, decision: 'accepted' | 'declined', reason: string | undefined, user: SessionUser, cityCode: string) {
	const proposal = (await listProposals(db, cityCode)).find((p) => p.key === key);
	if (!proposal) throw new NotFound(key);
	if (user.role !== 'utility' || !proposal.organisations.some((o) => o.id === user.organisationId)) {
		throw new Forbidden();
	}
	if (decision === 'declined' && !reason?.trim()) throw new Invalid('reason_required', 'proposal.error.reason_required');
	await db.query(
		`INSERT INTO joint_proposal_response (proposal_key, organisation_id, decision, reason, user_id) VALUES ($1, $2, $3, $4, $5)
		 ON CONFLICT (proposal_key, organisation_id) DO UPDATE SET decision = excluded.decision, reason = excluded.reason, user_id = excluded.user_id, at = now()`,
		[key, user.organisationId, decision, reason?.trim() || null, user.id]
	);
	return (await listProposals(db, cityCode)).find((p) => p.key === key)!;
}


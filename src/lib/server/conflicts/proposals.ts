import type { Db, Queryable } from '../db';
import type { SessionUser } from '../auth/session';
import { Forbidden, Invalid, NotFound } from '../errors';
import { addDays, daysBetween } from '$lib/domain/work-rules';
import { sharedTrench, type MetricGeometry } from '$lib/domain/shared-trench';
import { DIG_LAYER, JOINABLE_STATUSES, linksWorks } from '$lib/domain/conflict-rules';
import type { WorkStatus } from '$lib/domain/codes';
import { ruleSettings, scanConflicts, spreadConflicts, type ConflictRow, type EngineRow, type RuleSettings } from './engine';
import type { JointWorksProposal, ProposalMember, ProposalSavings } from '$lib/types/api';

/** Each extra network in an open trench adds about a week of laying. */
const DAYS_PER_EXTRA_MEMBER = 7;

export type { JointWorksProposal, ProposalMember, ProposalSavings } from '$lib/types/api';

/** Groups works linked by a rule that links works (conflict-rules.ts) into connected components. */
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
		if (!linksWorks(row.kind) || row.work_ids.length < 2) continue;
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
	return [...works].sort(
		(a, b) =>
			DIG_LAYER[a.utility] - DIG_LAYER[b.utility] ||
			(b.depth_m ?? 0) - (a.depth_m ?? 0) ||
			a.start_date.localeCompare(b.start_date) ||
			(a.id ?? 0) - (b.id ?? 0)
	);
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

/** What a group's facts save, unrounded: trench metres, road surface, days and CNY. */
function measureSavings(facts: ProposalFacts, works: ProposalMember[], settings: RuleSettings): ProposalSavings {
	const counted = [...facts.members].sort((a, b) => a.rank - b.rank).map((m) => ({ geometry: m.geometry_m, width_m: Number(m.width_m) }));
	const shared = sharedTrench(counted, settings.co_location_m);
	const days = commonWindow(works).daysSaved;
	const trench_m = shared.trench_m;
	const reinstatement_m2 = shared.reinstatement_m2 + Number(facts.area_m2_saved);
	const cost_cny =
		trench_m * settings.trench_cost_cny_per_m + reinstatement_m2 * settings.reinstatement_cost_cny_per_m2 + days * settings.disruption_cost_cny_per_day;
	return { trench_m, reinstatement_m2, days, cost_cny };
}

const rounded = (s: ProposalSavings): ProposalSavings => ({
	trench_m: Math.round(s.trench_m),
	reinstatement_m2: Math.round(s.reinstatement_m2),
	days: s.days,
	cost_cny: Math.round(s.cost_cny / 100) * 100
});

const membersOf = (facts: ProposalFacts): ProposalMember[] =>
	facts.members.map(({ rank: _rank, width_m: _width, geometry_m: _geometry, ...m }) => ({
		...m,
		id: Number(m.id),
		depth_m: m.depth_m === null ? null : Number(m.depth_m)
	}));

/**
 * A group's facts as a proposal: members in digging order, the common window, the saving in CNY,
 * the answers so far. Given the facts of the same group without one work (`without`; null when
 * only one work would be left, which saves nothing), also what that work adds by joining.
 */
export function shapeProposal(facts: ProposalFacts, settings: RuleSettings, answers: ProposalAnswer[], without?: ProposalFacts | null): JointWorksProposal {
	const works = digOrder(membersOf(facts));
	const window = commonWindow(works);
	const orgs = new Map<string, string>();
	for (const w of works) orgs.set(w.organisation, w.organisation_name);
	const organisations = [...orgs].map(([id, name]) => {
		const r = answers.find((x) => x.proposal_key === facts.key && x.organisation_id === id);
		return { id, name, decision: r?.decision ?? null, reason: r?.reason ?? null };
	});
	const total = measureSavings(facts, works, settings);
	const proposal: JointWorksProposal = {
		key: facts.key,
		works,
		organisations,
		status: organisations.some((o) => o.decision === 'declined') ? 'declined' : organisations.every((o) => o.decision === 'accepted') ? 'agreed' : 'open',
		common_window: { start: window.start, end: window.end },
		savings: rounded(total),
		where: facts.where_geojson ? JSON.parse(facts.where_geojson) : null
	};
	if (without !== undefined) {
		const before = without ? measureSavings(without, membersOf(without), settings) : { trench_m: 0, reinstatement_m2: 0, days: 0, cost_cny: 0 };
		proposal.marginal_savings = rounded({
			trench_m: total.trench_m - before.trench_m,
			reinstatement_m2: total.reinstatement_m2 - before.reinstatement_m2,
			days: total.days - before.days,
			cost_cny: total.cost_cny - before.cost_cny
		});
	}
	return proposal;
}

/** `proposal_facts_json` of each group (sql/functions/0300_proposals.sql), in the same order. */
export async function proposalFacts(db: Queryable, groups: number[][]): Promise<ProposalFacts[]> {
	if (!groups.length) return [];
	const { rows } = await db.query<{ f: ProposalFacts }>(
		`SELECT proposal_facts_json(ARRAY(SELECT json_array_elements_text(j.value)::bigint)) AS f
		   FROM json_array_elements($1::json) WITH ORDINALITY j ORDER BY j.ordinality`,
		[JSON.stringify(groups)]
	);
	return rows.map((r) => r.f);
}

async function answersTo(db: Queryable, keys: string[]): Promise<ProposalAnswer[]> {
	const { rows } = await db.query<ProposalAnswer>(
		'SELECT proposal_key, organisation_id, decision, reason FROM joint_proposal_response WHERE proposal_key = ANY($1::text[])',
		[keys]
	);
	return rows;
}

/** Whose proposals: a utility's include its own drafts, which no one else sees. */
export interface ProposalViewer {
	draftsOf?: string | null;
}

/**
 * The groups of works that would share one trench: works joined, directly or through others, by a
 * rule that links works, among those that can still join (JOINABLE_STATUSES) and the viewer's own
 * drafts. The one way proposals are chosen: the list, an answer and a save's reply all read it,
 * so the key a save answers is one the list knows.
 */
export async function proposalGroups(db: Queryable, cityCode: string, viewer: ProposalViewer = {}): Promise<number[][]> {
	let rows: ConflictRow[] = await scanConflicts(db, cityCode);
	if (viewer.draftsOf) {
		// drafts take part in no rule of the scan (they are their organisation's own until submitted);
		// a draft's links are found from the draft
		const { rows: found } = await db.query<EngineRow>(
			`SELECT c.kind, c.severity, c.subject_id, c.work_ids, c.historic_district_id, c.neighbourhood_id, c.time_overlap,
			        c.repeat_excavation, c.moratorium, c.sequence, c.gap_m, c.overlap_days, c.gap_days, c.later_id, c.moratorium_subject,
			        c.road_id, c.road_end, c.moratorium_until, c.sequence_subject, c.sequence_severity, NULL::text AS where_geojson
			   FROM work d CROSS JOIN LATERAL work_conflicts(d.id) c
			  WHERE d.city_code = $1 AND d.status = 'draft' AND d.organisation_id = $2 AND c.kind IS NULL`,
			[cityCode, viewer.draftsOf]
		);
		rows = rows.concat(spreadConflicts(found));
	}
	const ids = [...new Set(rows.filter((r) => linksWorks(r.kind)).flatMap((r) => r.work_ids))];
	const { rows: statuses } = await db.query<{ id: number; status: WorkStatus; organisation_id: string }>(
		'SELECT id, status, organisation_id FROM work WHERE id = ANY($1::bigint[])',
		[ids]
	);
	const joinable = new Set(
		statuses
			.filter((s) => (JOINABLE_STATUSES as readonly WorkStatus[]).includes(s.status) || (s.status === 'draft' && s.organisation_id === viewer.draftsOf))
			.map((s) => Number(s.id))
	);
	return groupLinkedWorks(rows, (id) => joinable.has(id));
}

/** Every open joint-works proposal of a city, the largest saving first. */
export async function listProposals(
	db: Queryable,
	cityCode: string,
	filter: { organisation?: string } = {},
	viewer: ProposalViewer = {}
): Promise<JointWorksProposal[]> {
	const facts = await proposalFacts(db, await proposalGroups(db, cityCode, viewer));
	const answers = await answersTo(
		db,
		facts.map((f) => f.key)
	);
	const settings = await ruleSettings(db, cityCode);
	return facts
		.map((f) => shapeProposal(f, settings, answers))
		.filter((p) => !filter.organisation || p.organisations.some((o) => o.id === filter.organisation))
		.sort((a, b) => b.savings.cost_cny - a.savings.cost_cny || String(a.key).localeCompare(String(b.key)));
}

/**
 * The proposal a stored work is part of, as the list shows it to `viewer`, with what the work adds
 * by joining; null when it is in none.
 */
export async function proposalForWork(db: Queryable, workId: number, cityCode: string, viewer: ProposalViewer): Promise<JointWorksProposal | null> {
	const group = (await proposalGroups(db, cityCode, viewer)).find((g) => g.includes(workId));
	if (!group) return null;
	const rest = group.filter((id) => id !== workId);
	const [facts, without = null] = await proposalFacts(db, rest.length > 1 ? [group, rest] : [group]);
	return shapeProposal(facts, await ruleSettings(db, cityCode), await answersTo(db, [facts.key]), without);
}

/** A utility in the group accepts or declines the proposal for its organisation. */
export async function answerProposal(db: Db, key: string, decision: 'accepted' | 'declined', reason: string | undefined, user: SessionUser, cityCode: string) {
	const viewer = { draftsOf: user.role === 'utility' ? user.organisationId : null };
	const proposal = (await listProposals(db, cityCode, {}, viewer)).find((p) => p.key === key);
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
	return (await listProposals(db, cityCode, {}, viewer)).find((p) => p.key === key)!;
}

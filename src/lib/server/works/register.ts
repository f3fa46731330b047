import type { Db, Queryable } from '../db';
import type { SessionUser } from '../auth/session';
import type { Lang } from '$lib/i18n';
import type { InputCrs } from '$lib/domain/work-rules';
import { conflictContext, conflictsOfWork, contextFromJson, spreadConflicts, type ContextJson, type EngineRow, type WorkGeometries } from '../conflicts/engine';
import { proposalFacts, proposalForWork, shapeProposal, type JointWorksProposal, type ProposalFacts } from '../conflicts/proposals';
import { describeConflicts, type Conflict } from '../conflicts/describe';
import { defaults, factsFromJson, registrationFacts, toWgs84, validated, type FactsJson, type ValidWork } from './validate';
import type { WorkFeature } from './input';
import { Invalid, NotFound } from '../errors';

/** Validates a work from the API or the form; throws an Invalid listing every problem. */
export async function validateWork(db: Queryable, feature: WorkFeature, user: SessionUser, crs: InputCrs, cityCode: string, lang: Lang): Promise<ValidWork> {
	const facts = await registrationFacts(db, feature.geometry, crs, cityCode, feature.properties.organisation, feature.properties.neighbourhood_id ?? undefined);
	return defaults(feature.properties, validated(feature, user, facts, crs, cityCode, lang));
}

/** Inserts a work (sql/functions/0600_check.sql `work_insert`) and records its 'created' event. */
export async function insertWork(tx: Queryable, w: ValidWork, user: SessionUser, cityCode: string): Promise<number> {
	const { rows } = await tx.query<{ id: number }>('SELECT work_insert($1, $2, $3) AS id', [cityCode, JSON.stringify(w), user.id]);
	const id = Number(rows[0].id);
	await tx.query(`INSERT INTO work_event (work_id, user_id, action, to_status) VALUES ($1, $2, 'created', $3)`, [id, user.id, w.status]);
	return id;
}

export async function describeWorkConflicts(tx: Queryable, workId: number, cityCode: string, lang: Lang): Promise<Conflict[]> {
	const rows = await conflictsOfWork(tx, workId);
	return describeConflicts(rows, await conflictContext(tx, cityCode, rows), lang, workId);
}

export interface CheckResult {
	conflicts: Conflict[];
	/**
	 * the joint works this work would form with those it overlaps or repeats: one trench, one
	 * window; with what joining adds (marginal_savings) beside the group's total (savings)
	 */
	proposal: JointWorksProposal | null;
}

/**
 * The conflicts a work would have, found by the same engine as a save, in one statement
 * (`work_check_feature`): the facts its validation needs are read and, when the work can be stored,
 * it is stored inside a block that is rolled back, so nothing is written. Checking an edit
 * (`replaces`), the stored version of the work steps aside. Throws an Invalid listing every
 * problem of an invalid work, as `validateWork` does.
 */
export async function checkWork(
	db: Queryable,
	feature: WorkFeature,
	user: SessionUser,
	crs: InputCrs,
	cityCode: string,
	lang: Lang,
	replaces?: number
): Promise<CheckResult> {
	const wgs84 = toWgs84(feature.geometry, crs);
	const { rows } = await db.query<{ r: { facts: FactsJson; check?: CheckJson } }>('SELECT work_check_feature($1, $2, $3, $4, $5, $6) AS r', [
		cityCode,
		JSON.stringify(defaults(feature.properties, wgs84.geometry)),
		wgs84.srid,
		user.id,
		replaces ?? null,
		user.role === 'utility' ? user.organisationId : null
	]);
	const { facts, check } = rows[0].r;
	const known = factsFromJson(facts, wgs84.geometry);
	validated(feature, user, known, crs, cityCode, lang);
	if (!check) throw new Invalid('constraint', 'error.constraint', { rule: 'work' });
	if (check.replaced_missing) throw new NotFound(`#${replaces}`);
	// the rule settings came with the validation facts, read once in the same statement
	const settings = known.settings;
	const conflicts = describeConflicts(spreadConflicts(check.rows, check.subject), contextFromJson(check.context, settings), lang, check.id);
	// what the group saves without the candidate: its partners are stored, and measured as they are
	const partners = check.proposal?.members.map((w) => Number(w.id)).filter((id) => id !== check.id) ?? [];
	const [without = null] = partners.length > 1 ? await proposalFacts(db, [partners]) : [];
	// the candidate's id existed only inside the check, and a proposal without a key has no answers
	const proposal = check.proposal ? shapeProposal(check.proposal, settings, [], without) : null;
	return {
		conflicts,
		proposal: proposal && { ...proposal, key: null, works: proposal.works.map((m) => (m.id === check.id ? { ...m, id: null } : m)) }
	};
}

interface CheckJson {
	replaced_missing?: true;
	id: number;
	rows: EngineRow[];
	/** null when no row has a stretch to cut */
	subject: WorkGeometries | null;
	context: ContextJson;
	proposal: ProposalFacts | null;
}

/**
 * Saves a work and answers with its conflicts, in one transaction, and then with the proposal it
 * is part of as the proposals list shows it to this user (so joining it finds it there). Read once
 * the work is committed: the list's groups come from the city's scan, kept across requests only
 * outside a transaction.
 */
export async function registerWork(db: Db, w: ValidWork, user: SessionUser, cityCode: string, lang: Lang): Promise<CheckResult & { id: number }> {
	const saved = await db.transaction(async (tx) => {
		const id = await insertWork(tx, w, user, cityCode);
		return { id, conflicts: await describeWorkConflicts(tx, id, cityCode, lang) };
	});
	const viewer = { draftsOf: user.role === 'utility' ? user.organisationId : null };
	return { ...saved, proposal: await proposalForWork(db, saved.id, cityCode, viewer) };
}

import type { Db, Queryable } from '../db';
import type { SessionUser } from '../auth/session';
import type { Lang } from '$lib/i18n';
import type { InputCrs } from '$lib/domain/work-rules';
import { conflictContext, conflictsOfWork, ruleSettings } from '../conflicts/engine';
import { proposalForWork, type JointWorksProposal } from '../conflicts/proposals';
import { describeConflicts, type Conflict } from '../conflicts/describe';
import { checkGeometry, checkProperties, defaults, invalidWork, type ValidWork } from './validate';
import type { WorkFeature } from './input';
import { notFound } from '../http/errors';

/** Validates a work from the API or the form; throws an ApiError listing every problem. */
export async function validateWork(db: Queryable, feature: WorkFeature, user: SessionUser, crs: InputCrs, cityCode: string, lang: Lang): Promise<ValidWork> {
	const settings = await ruleSettings(db, cityCode);
	const geometry = await checkGeometry(db, feature.geometry, crs, cityCode, lang);
	const problems = [...geometry.problems, ...(await checkProperties(db, feature.properties, user, cityCode, lang, settings))];
	if (problems.length) throw invalidWork(problems, lang);
	return defaults(feature.properties, geometry.geometry);
}

export async function insertWork(tx: Queryable, w: ValidWork, user: SessionUser, cityCode: string): Promise<number> {
	const { rows } = await tx.query<{ id: number }>(
		`INSERT INTO work (city_code, organisation_id, utility, kind, title, description, geom, width_m, depth_m,
		                   start_date, end_date, status, emergency, needs_review, internal_note, created_by, neighbourhood_id)
		 SELECT $1, $2, $3, $4, $5, $6, g.geom, $8, $9, $10, $11, $12, $13, $14, $15, $16,
		        coalesce($17, (SELECT n.id FROM neighbourhood n WHERE n.city_code = $1 AND ST_Intersects(n.boundary, g.geom) ORDER BY n.id LIMIT 1))
		   FROM (SELECT ST_SetSRID(ST_GeomFromGeoJSON($7), 4326) AS geom) g
		 RETURNING id`,
		[
			cityCode,
			w.organisation,
			w.utility,
			w.kind,
			w.title ?? null,
			w.description ?? null,
			JSON.stringify(w.geometry),
			w.width_m,
			w.depth_m ?? null,
			w.start_date,
			w.end_date,
			w.status,
			w.emergency,
			w.needs_review,
			w.internal_note ?? null,
			user.id,
			w.neighbourhood_id ?? null
		]
	);
	const id = Number(rows[0].id);
	await tx.query(`INSERT INTO work_event (work_id, user_id, action, to_status) VALUES ($1, $2, 'created', $3)`, [id, user.id, w.status]);
	return id;
}

export async function describeWorkConflicts(tx: Queryable, workId: number, cityCode: string, lang: Lang): Promise<Conflict[]> {
	return (await conflictsAndProposal(tx, workId, cityCode, lang)).conflicts;
}

export interface CheckResult {
	conflicts: Conflict[];
	/** the joint works this work would form with those it overlaps or repeats: one trench, one window */
	proposal: JointWorksProposal | null;
}

async function conflictsAndProposal(tx: Queryable, workId: number, cityCode: string, lang: Lang): Promise<CheckResult> {
	const rows = await conflictsOfWork(tx, workId);
	const conflicts = describeConflicts(rows, await conflictContext(tx, cityCode, rows), lang, workId);
	return { conflicts, proposal: await proposalForWork(tx, workId, rows, cityCode) };
}

/** Thrown to roll a check's transaction back while carrying its answer out. */
class CheckDone {
	constructor(readonly result: CheckResult) {}
}

/**
 * The conflicts a work would have, found by the same engine as a save: the work is inserted in a
 * transaction that is always rolled back, so nothing is written.
 */
export async function checkWork(db: Db, w: ValidWork, user: SessionUser, cityCode: string, lang: Lang, replaces?: number): Promise<CheckResult> {
	try {
		await db.transaction(async (tx) => {
			// Checking an edit: the stored version of the work steps aside (cancelled works take part
			// in no rule), so the work is not found in conflict with itself. Rolled back with the rest.
			if (replaces !== undefined) {
				const { rows } = await tx.query(
					`UPDATE work SET status = 'cancelled' WHERE id = $1 AND city_code = $2 AND ($3::text IS NULL OR organisation_id = $3) RETURNING id`,
					[replaces, cityCode, user.role === 'utility' ? user.organisationId : null]
				);
				if (!rows.length) throw notFound(`#${replaces}`);
			}
			const id = await insertWork(tx, w, user, cityCode);
			const result = await conflictsAndProposal(tx, id, cityCode, lang);
			// the candidate's id existed only inside this transaction
			if (result.proposal) {
				result.proposal = { ...result.proposal, key: null, works: result.proposal.works.map((m) => (m.id === id ? { ...m, id: null } : m)) };
			}
			throw new CheckDone(result);
		});
	} catch (err) {
		if (err instanceof CheckDone) return err.result;
		throw err;
	}
	throw new Error('unreachable: a check always rolls back');
}

/** Saves a work and answers with its conflicts, in one transaction. */
export async function registerWork(db: Db, w: ValidWork, user: SessionUser, cityCode: string, lang: Lang): Promise<CheckResult & { id: number }> {
	return db.transaction(async (tx) => {
		const id = await insertWork(tx, w, user, cityCode);
		return { id, ...(await conflictsAndProposal(tx, id, cityCode, lang)) };
	});
}

import type { Db, Queryable } from '../db';
import type { SessionUser } from '../auth/session';
import { Forbidden, Invalid, NotFound, StateConflict } from '../errors';
import { t, type Lang, type MessageKey } from '$lib/i18n';
import { EDITABLE_STATUSES, TRANSITIONS, type InputCrs } from '$lib/domain/work-rules';
import type { WorkStatus } from '$lib/domain/codes';
import { featureCollectionSql, SqlParams } from '../geojson';
import { draftCondition, PUBLIC_WORK_FIELDS, STAFF_WORK_FIELDS, workGeometry, workSource, type Viewer } from './queries';
import { describeWorkConflicts, validateWork } from './register';
import type { WorkFeature, WorkPatch } from './input';
import type { Conflict } from '../conflicts/describe';

interface StoredWork {
	id: number;
	organisation_id: string;
	status: WorkStatus;
	emergency: boolean;
	needs_review: boolean;
}

async function lockWork(tx: Queryable, id: number, cityCode: string): Promise<StoredWork> {
	const { rows } = await tx.query<StoredWork>(
		'SELECT id, organisation_id, status, emergency, needs_review FROM work WHERE id = $1 AND city_code = $2 FOR UPDATE',
		[id, cityCode]
	);
	if (!rows[0]) throw new NotFound(`#${id}`);
	return rows[0];
}

/** A utility may act on its own organisation's works only; planners on all. */
function assertMayChange(work: StoredWork, user: SessionUser) {
	if (user.role === 'utility' && work.organisation_id !== user.organisationId) {
		throw new Forbidden();
	}
}

export interface WorkDetail {
	feature: { type: 'Feature'; id: number; geometry: unknown; properties: Record<string, unknown> };
	conflicts: Conflict[];
	events?: {
		at: string;
		action: string;
		from_status: string | null;
		to_status: string | null;
		reason: string | null;
		user: string | null;
		/** the conflicts the planner confirmed when approving despite them */
		conflicts: ApprovedConflict[] | null;
	}[];
}

/** What an approval keeps of each conflict it was confirmed over: enough to read it later. */
export type ApprovedConflict = Pick<Conflict, 'id' | 'kind' | 'severity' | 'message' | 'work_ids'>;

export async function workDetail(db: Queryable, id: number, viewer: Viewer, cityCode: string, lang: Lang): Promise<WorkDetail> {
	const p = new SqlParams();
	const where = [`w.id = ${p.add(id)}`, `w.city_code = ${p.add(cityCode)}`];
	where.push(draftCondition(p, viewer));
	const sql = featureCollectionSql({
		from: workSource(viewer),
		id: 'w.id',
		geometry: workGeometry(viewer),
		properties: viewer.audience === 'staff' ? STAFF_WORK_FIELDS : PUBLIC_WORK_FIELDS,
		where,
		orderBy: 'w.id'
	});
	const { rows } = await db.query<{ body: string }>(sql, p.values);
	const feature = JSON.parse(rows[0].body).features[0];
	if (!feature) throw new NotFound(`#${id}`);
	if (viewer.audience !== 'staff') return { feature, conflicts: [] };
	const { rows: events } = await db.query<NonNullable<WorkDetail['events']>[number]>(
		`SELECT e.at, e.action, e.from_status, e.to_status, e.reason, u.display_name AS user, e.conflicts
		   FROM work_event e LEFT JOIN app_user u ON u.id = e.user_id WHERE e.work_id = $1 ORDER BY e.at, e.id`,
		[id]
	);
	return { feature, conflicts: await describeWorkConflicts(db, id, cityCode, lang), events };
}

export interface StatusChange {
	status: WorkStatus;
	reason?: string;
	/** the planner has seen the work's conflicts and approves it all the same */
	confirmConflicts?: boolean;
}

/**
 * Moves a work through its statuses (DESIGN.md §2); rejecting or cancelling needs a reason.
 * Approving a work that still has conflicts needs the planner's confirmation and a reason: without
 * them the answer lists the conflicts and nothing is written; with them the conflicts of that
 * moment are recorded with the approval.
 */
export async function changeStatus(db: Db, id: number, change: StatusChange, user: SessionUser, cityCode: string, lang: Lang) {
	const { status: to, reason, confirmConflicts = false } = change;
	return db.transaction(async (tx) => {
		const work = await lockWork(tx, id, cityCode);
		assertMayChange(work, user);
		const allowed = TRANSITIONS[work.status][user.role];
		if (!allowed.includes(to)) {
			throw new StateConflict('invalid_transition', 'work.error.transition', {
				id,
				from: t(lang, `work_status.${work.status}` as MessageKey),
				to: t(lang, `work_status.${to}` as MessageKey),
				allowed: allowed.length ? allowed.map((s) => t(lang, `work_status.${s}` as MessageKey)).join('、') : '—'
			});
		}
		const rejecting = user.role === 'planner' && to === 'draft' && work.status !== 'draft';
		if ((rejecting || to === 'cancelled') && !reason?.trim()) throw new Invalid('reason_required', 'work.error.reason_required');
		let confirmed: ApprovedConflict[] | null = null;
		if (to === 'approved') {
			const open = await describeWorkConflicts(tx, id, cityCode, lang);
			if (open.length) {
				confirmed = open.map(({ id, kind, severity, message, work_ids }) => ({ id, kind, severity, message, work_ids }));
				if (!confirmConflicts || !reason?.trim()) {
					throw new StateConflict(
						'conflicts_unconfirmed',
						confirmConflicts ? 'work.error.approve_conflicts_reason' : 'work.error.approve_conflicts',
						{ id, count: open.length, kinds: [...new Set(open.map((c) => t(lang, `conflict_kind.${c.kind}` as MessageKey)))].join('、') },
						{ conflicts: confirmed }
					);
				}
			}
		}
		await tx.query('UPDATE work SET status = $2, status_reason = $3 WHERE id = $1', [id, to, reason?.trim() || null]);
		const action = rejecting ? 'rejected' : to === 'approved' ? 'approved' : to === 'cancelled' ? 'cancelled' : 'status';
		await tx.query('INSERT INTO work_event (work_id, user_id, action, from_status, to_status, reason, conflicts) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)', [
			id,
			user.id,
			action,
			work.status,
			to,
			reason?.trim() || null,
			confirmed && JSON.stringify(confirmed)
		]);
		return { id, status: to, conflicts: await describeWorkConflicts(tx, id, cityCode, lang) };
	});
}

/** A planner has looked at an emergency repair registered after the fact. */
export async function reviewWork(db: Db, id: number, user: SessionUser, cityCode: string) {
	return db.transaction(async (tx) => {
		await lockWork(tx, id, cityCode);
		await tx.query('UPDATE work SET needs_review = false, reviewed_by = $2, reviewed_at = now() WHERE id = $1', [id, user.id]);
		await tx.query(`INSERT INTO work_event (work_id, user_id, action) VALUES ($1, $2, 'reviewed')`, [id, user.id]);
		return { id, needs_review: false };
	});
}

/**
 * Changes a work's shape, dates or details while digging has not started. The whole work is
 * validated again; an approved work goes back to the planners as submitted.
 */
export async function editWork(db: Db, id: number, patch: WorkPatch, user: SessionUser, crs: InputCrs, cityCode: string, lang: Lang) {
	const { rows } = await db.query<{ body: string }>(
		`SELECT json_build_object('type', 'Feature', 'geometry', ST_AsGeoJSON(geom, 7)::json, 'properties', json_build_object(
		   'organisation', organisation_id, 'utility', utility, 'kind', kind, 'start_date', start_date, 'end_date', end_date,
		   'width_m', width_m, 'depth_m', depth_m, 'title', title, 'description', description, 'emergency', emergency,
		   'internal_note', internal_note, 'neighbourhood_id', neighbourhood_id, 'status', status))::text AS body
		   FROM work WHERE id = $1 AND city_code = $2`,
		[id, cityCode]
	);
	if (!rows[0]) throw new NotFound(`#${id}`);
	const current = JSON.parse(rows[0].body) as WorkFeature & { properties: { status: WorkStatus } };
	const status = current.properties.status;
	assertMayChange({ id, organisation_id: current.properties.organisation, status, emergency: false, needs_review: false }, user);
	if (!EDITABLE_STATUSES.includes(status)) {
		throw new StateConflict('not_editable', 'work.error.not_editable', { id, status: t(lang, `work_status.${status}` as MessageKey) });
	}
	const nextStatus = status === 'approved' && user.role === 'utility' ? 'submitted' : status;
	const merged: WorkFeature = {
		type: 'Feature',
		geometry: patch.geometry ?? current.geometry,
		properties: { ...current.properties, ...patch.properties, status: status === 'draft' ? 'draft' : 'submitted' }
	};
	// the geometry we hold is WGS84 already; only a new one comes in the request's CRS
	const valid = await validateWork(db, merged, user, patch.geometry ? crs : 'EPSG:4326', cityCode, lang);
	return db.transaction(async (tx) => {
		const locked = await lockWork(tx, id, cityCode);
		if (locked.status !== status)
			throw new StateConflict('not_editable', 'work.error.not_editable', { id, status: t(lang, `work_status.${locked.status}` as MessageKey) });
		await tx.query(
			`UPDATE work SET utility = $2, kind = $3, title = $4, description = $5, geom = ST_SetSRID(ST_GeomFromGeoJSON($6), 4326),
			        width_m = $7, depth_m = $8, start_date = $9, end_date = $10, emergency = $11, internal_note = $12,
			        neighbourhood_id = coalesce($13, neighbourhood_id), status = $14
			  WHERE id = $1`,
			[
				id,
				valid.utility,
				valid.kind,
				valid.title ?? null,
				valid.description ?? null,
				JSON.stringify(valid.geometry),
				valid.width_m,
				valid.depth_m ?? null,
				valid.start_date,
				valid.end_date,
				valid.emergency,
				valid.internal_note ?? null,
				valid.neighbourhood_id ?? null,
				nextStatus
			]
		);
		await tx.query('INSERT INTO work_event (work_id, user_id, action, from_status, to_status) VALUES ($1, $2, $3, $4, $5)', [
			id,
			user.id,
			'edited',
			status,
			nextStatus
		]);
		return { id, status: nextStatus, conflicts: await describeWorkConflicts(tx, id, cityCode, lang) };
	});
}

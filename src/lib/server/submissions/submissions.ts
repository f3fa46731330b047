import { createHash, randomBytes } from 'node:crypto';
import type { Db, Queryable } from '../db';
import type { SessionUser } from '../auth/session';
import { Invalid, NotFound, StateConflict, TooMany } from '../errors';
import { t, type Lang, type MessageKey } from '$lib/i18n';
import { BODY_MAX, BODY_MIN, SUBMISSION_CATEGORIES, SUBMISSION_RATE_LIMIT, type SubmissionCategory, type SubmissionStatus } from '$lib/domain/codes';

// the codes live with the other domain codes, where the browser can read them too
export { SUBMISSION_CATEGORIES, type SubmissionCategory };
export const BODY_LENGTH = { min: BODY_MIN, max: BODY_MAX } as const;
export const RATE_LIMIT = SUBMISSION_RATE_LIMIT;

export interface SubmissionInput {
	neighbourhood_id: string;
	kind: 'need' | 'evaluation';
	category?: SubmissionCategory;
	rating?: number;
	body: string;
}

/** A salt kept in the database, so the hash of a client is stable across restarts and servers. */
async function clientSalt(db: Queryable): Promise<string> {
	await db.query(`INSERT INTO dataset_info (key, value) VALUES ('client_salt', $1) ON CONFLICT (key) DO NOTHING`, [randomBytes(24).toString('hex')]);
	const { rows } = await db.query<{ value: string }>(`SELECT value FROM dataset_info WHERE key = 'client_salt'`);
	return rows[0].value;
}

export async function clientHash(db: Queryable, address: string, userAgent: string): Promise<string> {
	return createHash('sha256')
		.update(`${await clientSalt(db)}|${address}|${userAgent}`)
		.digest('hex');
}

const HTML = /<\s*\/?\s*[a-z!][^>]*>/i;

const receiptHash = (receipt: string) => createHash('sha256').update(receipt).digest('hex');
/** A receipt is 24 characters of base64url (144 random bits). */
export const RECEIPT_FORMAT = /^[A-Za-z0-9_-]{24}$/;

/**
 * Stores a resident's need or evaluation as pending, after checking it; every refusal says why.
 * The rate limit is counted in the database, inside the same transaction as the insert.
 */
export async function submitResident(
	db: Db,
	input: SubmissionInput,
	client: string,
	cityCode: string,
	lang: Lang
): Promise<{ id: number; status: 'pending'; receipt: string }> {
	const body = input.body.trim();
	if (HTML.test(body)) throw new Invalid('invalid_submission', 'submission.error.html');
	if ([...body].length < BODY_LENGTH.min) throw new Invalid('invalid_submission', 'submission.error.empty', { min: BODY_LENGTH.min });
	if ([...body].length > BODY_LENGTH.max)
		throw new Invalid('invalid_submission', 'submission.error.too_long', { max: BODY_LENGTH.max, length: [...body].length });
	if (input.kind === 'need' && !input.category) {
		throw new Invalid('invalid_submission', 'submission.error.category', {
			allowed: SUBMISSION_CATEGORIES.map((c) => t(lang, `submission.category.${c}`)).join('、')
		});
	}
	if (input.kind === 'evaluation' && !(Number.isInteger(input.rating) && input.rating! >= 1 && input.rating! <= 5)) {
		throw new Invalid('invalid_submission', 'submission.error.rating');
	}
	return db.transaction(async (tx) => {
		const { rows: nbs } = await tx.query<{ name: string; status: string }>('SELECT name, status FROM neighbourhood WHERE id = $1 AND city_code = $2', [
			input.neighbourhood_id,
			cityCode
		]);
		const nb = nbs[0];
		if (!nb) throw new Invalid('invalid_submission', 'submission.error.neighbourhood_unknown', { value: input.neighbourhood_id });
		if (input.kind === 'evaluation' && !['completed', 'accepted'].includes(nb.status)) {
			throw new Invalid('invalid_submission', 'submission.error.not_completed', { name: nb.name, status: t(lang, `nb_status.${nb.status}` as MessageKey) });
		}
		const { rows: counts } = await tx.query<{ hour: number; day: number; oldest_in_hour: string | null }>(
			`SELECT count(*) FILTER (WHERE created_at > now() - interval '1 hour')::int AS hour,
			        count(*)::int AS day,
			        min(created_at) FILTER (WHERE created_at > now() - interval '1 hour') AS oldest_in_hour
			   FROM resident_submission WHERE client_hash = $1 AND created_at > now() - interval '1 day'`,
			[client]
		);
		const { hour, day, oldest_in_hour } = counts[0];
		if (hour >= RATE_LIMIT.perHour || day >= RATE_LIMIT.perDay) {
			const minutes =
				hour >= RATE_LIMIT.perHour && oldest_in_hour ? Math.max(1, Math.ceil((Date.parse(oldest_in_hour) + 3_600_000 - Date.now()) / 60_000)) : 24 * 60;
			throw new TooMany('rate_limited', 'submission.error.rate_limited', { per_hour: RATE_LIMIT.perHour, per_day: RATE_LIMIT.perDay, minutes });
		}
		// the sender's device keeps the receipt to learn later what became of it (submissionReceipts)
		const receipt = randomBytes(18).toString('base64url');
		const { rows } = await tx.query<{ id: number }>(
			`INSERT INTO resident_submission (city_code, neighbourhood_id, kind, category, rating, body, client_hash, receipt_hash)
			 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
			[
				cityCode,
				input.neighbourhood_id,
				input.kind,
				input.kind === 'need' ? input.category : null,
				input.kind === 'evaluation' ? input.rating : null,
				body,
				client,
				receiptHash(receipt)
			]
		);
		return { id: Number(rows[0].id), status: 'pending' as const, receipt };
	});
}

/** What the public sees of a submission (published only): never who sent it. */
export interface PublicSubmission {
	id: number;
	neighbourhood_id: string;
	kind: 'need' | 'evaluation';
	category: SubmissionCategory | null;
	rating: number | null;
	body: string;
	created_at: string;
}

export interface StaffSubmission extends PublicSubmission {
	neighbourhood_name: string;
	status: 'pending' | 'published' | 'hidden';
	moderation_reason: string | null;
	moderated_at: string | null;
	moderated_by: string | null;
}

export async function listSubmissions(db: Queryable, cityCode: string, filter: { status?: string[]; neighbourhood?: string }): Promise<StaffSubmission[]> {
	const { rows } = await db.query<StaffSubmission>(
		`SELECT s.id, s.neighbourhood_id, n.name AS neighbourhood_name, s.kind, s.category, s.rating, s.body, s.status,
		        s.moderation_reason, s.moderated_at, u.display_name AS moderated_by, s.created_at
		   FROM resident_submission s JOIN neighbourhood n ON n.id = s.neighbourhood_id
		   LEFT JOIN app_user u ON u.id = s.moderated_by
		  WHERE s.city_code = $1 AND ($2::text[] IS NULL OR s.status = ANY($2::text[])) AND ($3::text IS NULL OR s.neighbourhood_id = $3)
		  ORDER BY s.created_at DESC, s.id DESC`,
		[cityCode, filter.status?.length ? filter.status : null, filter.neighbourhood ?? null]
	);
	return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** How many submissions await a decision, are published and are hidden (of one neighbourhood, if given). */
export async function submissionCounts(db: Queryable, cityCode: string, neighbourhood?: string): Promise<Record<SubmissionStatus, number>> {
	const { rows } = await db.query<Record<SubmissionStatus, number>>(
		`SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
		        count(*) FILTER (WHERE status = 'published')::int AS published,
		        count(*) FILTER (WHERE status = 'hidden')::int AS hidden
		   FROM resident_submission WHERE city_code = $1 AND ($2::text IS NULL OR neighbourhood_id = $2)`,
		[cityCode, neighbourhood ?? null]
	);
	return rows[0];
}

/** Published submissions of a neighbourhood and their counts: what its public page shows. */
export async function publishedSubmissions(db: Queryable, neighbourhoodId: string) {
	const { rows } = await db.query<PublicSubmission>(
		`SELECT id, neighbourhood_id, kind, category, rating, body, created_at
		   FROM resident_submission WHERE neighbourhood_id = $1 AND status = 'published' ORDER BY created_at DESC, id DESC`,
		[neighbourhoodId]
	);
	const items = rows.map((r) => ({ ...r, id: Number(r.id) }));
	const needs: Partial<Record<SubmissionCategory, number>> = {};
	for (const r of items) if (r.kind === 'need' && r.category) needs[r.category] = (needs[r.category] ?? 0) + 1;
	const ratings = items.filter((r) => r.kind === 'evaluation').map((r) => r.rating ?? 0);
	return {
		items,
		counts: {
			needs,
			needs_total: items.filter((r) => r.kind === 'need').length,
			evaluations: ratings.length,
			average_rating: ratings.length ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 10) / 10 : null
		}
	};
}

/** What the holder of a receipt learns about their own submission: never more than they sent and its outcome. */
export interface SubmissionReceipt {
	id: number;
	status: SubmissionStatus;
	/** why it was not published, as the planner wrote it (the resident is told) */
	reason: string | null;
	moderated_at: string | null;
}

/** The outcome of the submissions whose receipts a device holds; unknown receipts are left out. */
export async function submissionReceipts(db: Queryable, cityCode: string, receipts: string[]): Promise<SubmissionReceipt[]> {
	const hashes = [...new Set(receipts.filter((r) => RECEIPT_FORMAT.test(r)))].map(receiptHash);
	if (!hashes.length) return [];
	const { rows } = await db.query<SubmissionReceipt>(
		`SELECT id, status, CASE WHEN status = 'hidden' THEN moderation_reason END AS reason, moderated_at
		   FROM resident_submission WHERE city_code = $1 AND receipt_hash = ANY($2::text[]) ORDER BY id`,
		[cityCode, hashes]
	);
	return rows.map((r) => ({ ...r, id: Number(r.id), moderated_at: r.moderated_at === null ? null : new Date(r.moderated_at).toISOString() }));
}

/** A planner publishes or hides (with a reason) a pending submission; published ones may be hidden later. */
export async function moderateSubmission(
	db: Db,
	id: number,
	action: 'publish' | 'hide',
	reason: string | undefined,
	user: SessionUser,
	cityCode: string,
	lang: Lang
) {
	if (action === 'hide' && !reason?.trim()) throw new Invalid('reason_required', 'submission.error.reason_required');
	return db.transaction(async (tx) => {
		const { rows } = await tx.query<{ status: string }>('SELECT status FROM resident_submission WHERE id = $1 AND city_code = $2 FOR UPDATE', [id, cityCode]);
		if (!rows[0]) throw new NotFound(`#${id}`);
		const to = action === 'publish' ? 'published' : 'hidden';
		if (rows[0].status === to) {
			throw new StateConflict('already_moderated', 'submission.error.already_moderated', {
				status: t(lang, `submission.status.${rows[0].status}` as MessageKey)
			});
		}
		await tx.query(`UPDATE resident_submission SET status = $2, moderation_reason = $3, moderated_by = $4, moderated_at = now() WHERE id = $1`, [
			id,
			to,
			action === 'hide' ? reason!.trim() : null,
			user.id
		]);
		return { id, status: to };
	});
}

/** Needs per neighbourhood (pending and published, never hidden), for the planners' map: where to act first. */
export async function needsByNeighbourhood(db: Queryable, cityCode: string): Promise<string> {
	const { rows } = await db.query<{ body: string }>(
		`SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
		          'type', 'Feature', 'id', n.id, 'geometry', ST_AsGeoJSON(ST_PointOnSurface(n.boundary), 6)::json,
		          'properties', json_build_object('name', n.name, 'needs', x.needs, 'by_category', x.by_category,
		                                          'pending', x.pending, 'average_rating', x.average_rating))
		          ORDER BY x.needs DESC, n.id), '[]'::json))::text AS body
		   FROM (SELECT s.neighbourhood_id,
		                count(*) FILTER (WHERE s.kind = 'need')::int AS needs,
		                count(*) FILTER (WHERE s.status = 'pending')::int AS pending,
		                round(avg(s.rating), 1) AS average_rating,
		                coalesce((SELECT json_object_agg(c.category, c.n) FROM (
		                   SELECT category, count(*)::int AS n FROM resident_submission
		                    WHERE neighbourhood_id = s.neighbourhood_id AND kind = 'need' AND status <> 'hidden' GROUP BY category) c), '{}'::json) AS by_category
		           FROM resident_submission s
		          WHERE s.city_code = $1 AND s.status <> 'hidden'
		          GROUP BY s.neighbourhood_id) x
		   JOIN neighbourhood n ON n.id = x.neighbourhood_id`,
		[cityCode]
	);
	return rows[0].body;
}

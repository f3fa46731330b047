import type { Queryable } from '$lib/server/db';
import { featureCollectionSql, SqlParams } from '$lib/server/geojson';
import type { Role, Utility, WorkKind, WorkStatus } from '$lib/domain/codes';
import type { SessionUser } from '../auth/session';

/**
 * What anyone may see of a work. Names follow the body of `POST /api/works` (DESIGN.md §5),
 * plus `status`. Depths, internal notes and who registered it stay with staff.
 */
export const PUBLIC_WORK_FIELDS = {
	organisation: 'w.organisation_id',
	organisation_name: 'o.name',
	utility: 'w.utility',
	kind: 'w.kind',
	title: 'w.title',
	description: 'w.description',
	width_m: 'w.width_m',
	start_date: 'w.start_date',
	end_date: 'w.end_date',
	status: 'w.status',
	emergency: 'w.emergency',
	neighbourhood_id: 'w.neighbourhood_id'
} as const;

export const STAFF_WORK_FIELDS = {
	...PUBLIC_WORK_FIELDS,
	depth_m: 'w.depth_m',
	internal_note: 'w.internal_note',
	status_reason: 'w.status_reason',
	/** an emergency repair registered after it started, not yet looked at by a planner */
	needs_review: 'w.needs_review',
	created_at: 'w.created_at',
	updated_at: 'w.updated_at',
	/** since when it waits for the planners: its last submission (works loaded as data have no events) */
	submitted_at: `coalesce((SELECT max(e.at) FROM work_event e WHERE e.work_id = w.id AND e.to_status = 'submitted'), w.created_at)`
} as const;

/** Who is looking: the public, or a signed-in planner or utility. */
export type Viewer = { audience: 'public' } | { audience: 'staff'; role: Role; organisationId: string | null };

export const viewerOf = (user: SessionUser | null): Viewer =>
	user ? { audience: 'staff', role: user.role, organisationId: user.organisationId } : { audience: 'public' };

/** A draft is its organisation's own until submitted; planners, who reject works back to draft, see all. */
export function draftCondition(p: SqlParams, viewer: Viewer): string {
	if (viewer.audience === 'public') return `w.status <> 'draft'`;
	if (viewer.role === 'planner') return 'true';
	return viewer.organisationId ? `(w.status <> 'draft' OR w.organisation_id = ${p.add(viewer.organisationId)})` : `w.status <> 'draft'`;
}

export interface WorkFilter {
	cityCode: string;
	bbox?: [number, number, number, number];
	/** the excavation window meets [from, to] (inclusive dates) */
	from?: string;
	to?: string;
	organisation?: string[];
	utility?: Utility[];
	kind?: WorkKind[];
	status?: WorkStatus[];
	district?: string[];
	neighbourhood?: string;
	/** only emergency repairs still waiting for a planner's review (staff only) */
	needsReview?: boolean;
}

/**
 * Staff see the trench as drawn; the public sees gas and power works at street level only. The
 * public place is stored (`work_public_geometry`, sql/functions/0500_public.sql) so that what the
 * public is answered is filtered, counted and measured on the very geometry it is shown.
 */
export const workGeometry = (viewer: Viewer) => (viewer.audience === 'staff' ? 'w.geom' : 'pw.geom');

/** The works with their organisations, and for the public their public place as `pw`. */
export const workSource = (viewer: Viewer) =>
	viewer.audience === 'staff'
		? 'work w JOIN organisation o ON o.id = w.organisation_id'
		: 'work w JOIN work_public_geometry pw ON pw.work_id = w.id JOIN organisation o ON o.id = w.organisation_id';

export function workConditions(p: SqlParams, filter: WorkFilter, viewer: Viewer): string[] {
	const where = [`w.city_code = ${p.add(filter.cityCode)}`];
	where.push(draftCondition(p, viewer));
	if (filter.bbox) where.push(p.bbox(workGeometry(viewer), filter.bbox));
	if (filter.from || filter.to) {
		where.push(
			`w.excavation_window && daterange(coalesce(${p.add(filter.from ?? null)}::date, '-infinity'), coalesce(${p.add(filter.to ?? null)}::date, 'infinity'), '[]')`
		);
	}
	if (filter.organisation?.length) where.push(`w.organisation_id = ANY(${p.add(filter.organisation)}::text[])`);
	if (filter.utility?.length) where.push(`w.utility = ANY(${p.add(filter.utility)}::text[])`);
	if (filter.kind?.length) where.push(`w.kind = ANY(${p.add(filter.kind)}::text[])`);
	if (filter.status?.length) where.push(`w.status = ANY(${p.add(filter.status)}::text[])`);
	if (filter.neighbourhood) where.push(`w.neighbourhood_id = ${p.add(filter.neighbourhood)}`);
	if (filter.needsReview !== undefined && viewer.audience === 'staff') where.push(`w.needs_review = ${p.add(filter.needsReview)}`);
	if (filter.district?.length) {
		where.push(
			`EXISTS (SELECT 1 FROM district d WHERE d.code = ANY(${p.add(filter.district)}::text[]) AND ST_Intersects(d.boundary, ${workGeometry(viewer)}))`
		);
	}
	return where;
}

export async function workCollection(db: Queryable, filter: WorkFilter, viewer: Viewer): Promise<string> {
	const p = new SqlParams();
	const sql = featureCollectionSql({
		from: workSource(viewer),
		id: 'w.id',
		geometry: workGeometry(viewer),
		properties: viewer.audience === 'staff' ? STAFF_WORK_FIELDS : PUBLIC_WORK_FIELDS,
		where: workConditions(p, filter, viewer),
		orderBy: 'w.id'
	});
	const { rows } = await db.query<{ body: string }>(sql, p.values);
	return rows[0].body;
}

import type { Queryable } from '../db';
import type { Lang } from '$lib/i18n';
import { conflictContext, scanConflicts, SEVERITY_RANK, type ConflictKind, type ConflictRow, type Severity } from './engine';
import { describeConflicts, type Conflict } from './describe';

export interface ConflictFilter {
	cityCode: string;
	bbox?: [number, number, number, number];
	/** every work involved has a window meeting [from, to] */
	from?: string;
	to?: string;
	district?: string[];
	kind?: ConflictKind[];
	severity?: Severity[];
	organisation?: string[];
	work?: number;
}

type Position = number[];
function extent(geometry: { type: string; coordinates: unknown }): [number, number, number, number] {
	const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
	const walk = (c: unknown): void => {
		if (typeof (c as Position)[0] === 'number') {
			const [x, y] = c as Position;
			box[0] = Math.min(box[0], x);
			box[1] = Math.min(box[1], y);
			box[2] = Math.max(box[2], x);
			box[3] = Math.max(box[3], y);
		} else (c as unknown[]).forEach(walk);
	};
	if (geometry.type === 'GeometryCollection')
		(geometry as unknown as { geometries: { type: string; coordinates: unknown }[] }).geometries.forEach((g) => walk(g.coordinates));
	else walk(geometry.coordinates);
	return box;
}
const overlaps = (a: number[], b: number[]) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/**
 * The planners' conflict list: the (cached) full scan, filtered by kind, severity, time,
 * organisation, view and district, most severe first.
 */
export async function listConflicts(db: Queryable, filter: ConflictFilter, lang: Lang): Promise<Conflict[]> {
	let rows: ConflictRow[] = (await scanConflicts(db, filter.cityCode)).filter(
		(r) =>
			(!filter.kind?.length || filter.kind.includes(r.kind)) &&
			(!filter.severity?.length || filter.severity.includes(r.severity)) &&
			(filter.work === undefined || r.work_ids.includes(filter.work))
	);
	if (filter.bbox) rows = rows.filter((r) => r.where_geojson && overlaps(extent(JSON.parse(r.where_geojson)), filter.bbox!));
	if (filter.from || filter.to || filter.organisation?.length) {
		const ids = [...new Set(rows.flatMap((r) => r.work_ids))];
		const { rows: works } = await db.query<{ id: number; organisation_id: string; start_date: string; end_date: string }>(
			'SELECT id, organisation_id, start_date, end_date FROM work WHERE id = ANY($1::bigint[])',
			[ids]
		);
		const byId = new Map(works.map((w) => [Number(w.id), w]));
		rows = rows.filter((r) => {
			const involved = r.work_ids.map((id) => byId.get(id)!);
			const inTime = involved.every((w) => (!filter.to || w.start_date <= filter.to) && (!filter.from || w.end_date >= filter.from));
			return inTime && (!filter.organisation?.length || involved.some((w) => filter.organisation!.includes(w.organisation_id)));
		});
	}
	if (filter.district?.length && rows.length) {
		const { rows: inside } = await db.query<{ i: number }>(
			`SELECT (c.ordinality - 1)::int AS i
			   FROM json_array_elements_text($1::json) WITH ORDINALITY c
			  WHERE EXISTS (SELECT 1 FROM district d WHERE d.code = ANY($2::text[])
			                   AND ST_Intersects(d.boundary, ST_SetSRID(ST_GeomFromGeoJSON(c.value), 4326)))`,
			[JSON.stringify(rows.map((r) => r.where_geojson ?? '{"type":"GeometryCollection","geometries":[]}')), filter.district]
		);
		const keep = new Set(inside.map((x) => x.i));
		rows = rows.filter((_, i) => keep.has(i));
	}
	const conflicts = describeConflicts(rows, await conflictContext(db, filter.cityCode, rows), lang);
	return conflicts.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
}

/** Conflicts as GeoJSON: each located where the works meet. */
export function conflictCollection(conflicts: Conflict[]) {
	return {
		type: 'FeatureCollection' as const,
		features: conflicts.filter((c) => c.where).map(({ where, ...properties }) => ({ type: 'Feature' as const, id: properties.id, geometry: where, properties }))
	};
}

import type { Queryable } from '../db';
import type { Lang } from '$lib/i18n';
import { SqlParams } from '../geojson';
import { conflictContext, normalise, SEVERITY_RANK, type ConflictKind, type ConflictRow, type Severity } from './engine';
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

/** The planners' conflict list: the full scan, filtered, most severe first. */
export async function listConflicts(db: Queryable, filter: ConflictFilter, lang: Lang): Promise<Conflict[]> {
	const p = new SqlParams();
	const where: string[] = [];
	if (filter.from || filter.to) {
		where.push(`NOT EXISTS (SELECT 1 FROM work w WHERE w.id = ANY(c.work_ids)
		             AND NOT w.excavation_window && daterange(coalesce(${p.add(filter.from ?? null)}::date, '-infinity'), coalesce(${p.add(filter.to ?? null)}::date, 'infinity'), '[]'))`);
	}
	if (filter.bbox) where.push(p.bbox('ST_SetSRID(ST_GeomFromGeoJSON(c.where_geojson), 4326)', filter.bbox));
	if (filter.district?.length) {
		where.push(`EXISTS (SELECT 1 FROM district d WHERE d.code = ANY(${p.add(filter.district)}::text[])
		             AND ST_Intersects(d.boundary, ST_SetSRID(ST_GeomFromGeoJSON(c.where_geojson), 4326)))`);
	}
	if (filter.kind?.length) where.push(`c.kind = ANY(${p.add(filter.kind)}::text[])`);
	if (filter.severity?.length) where.push(`c.severity = ANY(${p.add(filter.severity)}::text[])`);
	if (filter.organisation?.length) {
		where.push(`EXISTS (SELECT 1 FROM work w WHERE w.id = ANY(c.work_ids) AND w.organisation_id = ANY(${p.add(filter.organisation)}::text[]))`);
	}
	if (filter.work !== undefined) where.push(`${p.add(filter.work)}::bigint = ANY(c.work_ids)`);
	const city = p.add(filter.cityCode);
	const { rows } = await db.query<ConflictRow>(
		`SELECT c.* FROM conflict_scan(${city}) c ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
		p.values
	);
	const normalised = rows.map(normalise);
	const conflicts = describeConflicts(normalised, await conflictContext(db, filter.cityCode, normalised), lang);
	return conflicts.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
}

/** Conflicts as GeoJSON: each located where the works meet. */
export function conflictCollection(conflicts: Conflict[]) {
	return {
		type: 'FeatureCollection' as const,
		features: conflicts
			.filter((c) => c.where)
			.map(({ where, ...properties }) => ({ type: 'Feature' as const, id: properties.id, geometry: where, properties }))
	};
}

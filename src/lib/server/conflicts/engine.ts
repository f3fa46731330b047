import type { Queryable } from '../db';
import type { Geometry } from 'geojson';
import type { Utility, WorkKind, WorkStatus } from '$lib/domain/codes';
import type { MetricGeometry } from '$lib/domain/corridor';
import { meetingStretch, trenchLines } from '$lib/domain/meeting-stretch';

export const CONFLICT_KINDS = ['time_overlap', 'repeat_excavation', 'moratorium', 'historic_district', 'renovation_window', 'sequence'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];
export type Severity = 'high' | 'medium' | 'low';
export const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

/** One row of `work_conflicts` / `conflict_scan` (sql/functions/0200_conflicts.sql). */
export interface ConflictRow {
	kind: ConflictKind;
	severity: Severity;
	subject_id: number;
	/** every work involved, the subject first */
	work_ids: number[];
	historic_district_id: string | null;
	neighbourhood_id: string | null;
	gap_m: number | null;
	overlap_days: number | null;
	gap_days: number | null;
	road_id: number | null;
	road_end: string | null;
	moratorium_until: string | null;
	where_geojson: string | null;
}

export interface WorkSummary {
	id: number;
	organisation: string;
	organisation_name: string;
	organisation_short_name: string;
	utility: Utility;
	kind: WorkKind;
	title: string | null;
	start_date: string;
	end_date: string;
	status: WorkStatus;
	emergency: boolean;
}

export interface ConflictContext {
	works: Map<number, WorkSummary>;
	historicDistricts: Map<string, { id: string; name: string; protection_level: string }>;
	neighbourhoods: Map<string, { id: string; name: string; renovation_start: string; renovation_end: string; status: string }>;
	settings: RuleSettings;
}

export interface RuleSettings {
	co_location_m: number;
	repeat_horizon_years: number;
	moratorium_reconstruction_years: number;
	moratorium_major_repair_years: number;
	emergency_registration_hours: number;
	trench_cost_cny_per_m: number;
	reinstatement_cost_cny_per_m2: number;
	disruption_cost_cny_per_day: number;
}

const CONFLICT_COLUMNS = `kind, severity, subject_id, work_ids, historic_district_id, neighbourhood_id, gap_m,
	overlap_days, gap_days, road_id, road_end, moratorium_until, where_geojson`;

/** A row of `work_conflicts`: for a trench, a pair's row carries what its stretch is cut from, and no where_geojson. */
export interface WorkConflictRow extends ConflictRow {
	other_geom_m?: MetricGeometry | null;
	reach_m?: number | null;
}

/** A work's geometry in lon/lat and in metres, the same vertices (`work_geometries_json`). */
export interface WorkGeometries {
	geometry: Geometry;
	geometry_m: MetricGeometry;
}

export async function conflictsOfWork(db: Queryable, workId: number): Promise<ConflictRow[]> {
	const { rows } = await db.query<WorkConflictRow>(`SELECT ${CONFLICT_COLUMNS}, other_geom_m, reach_m FROM work_conflicts($1)`, [workId]);
	const subject = rows.some((r) => r.other_geom_m)
		? (await db.query<{ g: WorkGeometries }>('SELECT work_geometries_json($1) AS g', [workId])).rows[0].g
		: null;
	return withStretches(rows.map(normalise), workId, subject);
}

/**
 * Where a trench meets each other work of its rows (meeting-stretch.ts), cut once per other work: a
 * pair breaking two rules has two rows.
 */
export function withStretches(rows: WorkConflictRow[], workId: number, subject: WorkGeometries | null): ConflictRow[] {
	const g = subject?.geometry;
	const lines = g && (g.type === 'LineString' || g.type === 'MultiLineString') ? trenchLines(g, subject.geometry_m) : null;
	const cut = new Map<number, string>();
	return rows.map(({ other_geom_m, reach_m, ...row }) => {
		if (!other_geom_m || reach_m == null || !lines) return row;
		const other = row.work_ids.find((id) => id !== workId) ?? workId;
		let where = cut.get(other);
		if (where === undefined) cut.set(other, (where = JSON.stringify(meetingStretch(lines, other_geom_m, Number(reach_m)))));
		return { ...row, where_geojson: where };
	});
}

/**
 * The full scan of a city, kept per database handle until `data_version` moves: the planners' map
 * asks for it on every pan and time step, and it only changes when works, neighbourhoods, historic
 * districts, organisations or rules do.
 */
const scanCache = new WeakMap<Queryable, Map<string, { version: number; rows: Promise<ConflictRow[]> }>>();

export async function scanConflicts(db: Queryable, cityCode: string): Promise<ConflictRow[]> {
	const { rows: v } = await db.query<{ version: number }>('SELECT version FROM data_version');
	const version = Number(v[0].version);
	const perDb = scanCache.get(db) ?? new Map();
	scanCache.set(db, perDb);
	const cached = perDb.get(cityCode);
	if (cached && cached.version === version) return cached.rows;
	const rows = db
		.query<ConflictRow>(`SELECT ${CONFLICT_COLUMNS} FROM conflict_scan($1)`, [cityCode])
		.then((r) => r.rows.map(normalise));
	perDb.set(cityCode, { version, rows });
	rows.catch(() => perDb.delete(cityCode));
	return rows;
}

/** int8 arrays arrive as strings from one driver and numbers from the other. */
export const normalise = (row: ConflictRow): ConflictRow => ({
	...row,
	subject_id: Number(row.subject_id),
	work_ids: row.work_ids.map(Number),
	road_id: row.road_id === null ? null : Number(row.road_id)
});

/** A city's rule settings (the city's value, or the default), as read by `rule_settings_json`. */
export const settingsFromJson = (json: Record<string, number | string>): RuleSettings =>
	Object.fromEntries(Object.entries(json).map(([k, v]) => [k, Number(v)])) as unknown as RuleSettings;

export async function ruleSettings(db: Queryable, cityCode: string): Promise<RuleSettings> {
	const { rows } = await db.query<{ s: Record<string, number> }>('SELECT rule_settings_json($1) AS s', [cityCode]);
	return settingsFromJson(rows[0].s);
}

/** What `conflict_context_json` answers. */
export interface ContextJson {
	works: WorkSummary[];
	historic_districts: { id: string; name: string; protection_level: string }[];
	neighbourhoods: { id: string; name: string; renovation_start: string; renovation_end: string; status: string }[];
}

export const contextFromJson = (c: ContextJson, settings: RuleSettings): ConflictContext => ({
	works: new Map(c.works.map((w) => [Number(w.id), { ...w, id: Number(w.id) }])),
	historicDistricts: new Map(c.historic_districts.map((h) => [h.id, h])),
	neighbourhoods: new Map(c.neighbourhoods.map((n) => [n.id, n])),
	settings
});

/** Everything a message about these conflicts names: the works, districts and neighbourhoods. */
export async function conflictContext(db: Queryable, cityCode: string, rows: ConflictRow[], settings?: RuleSettings): Promise<ConflictContext> {
	const workIds = [...new Set(rows.flatMap((r) => [...r.work_ids, ...(r.road_id ? [r.road_id] : [])]))];
	const hdIds = [...new Set(rows.map((r) => r.historic_district_id).filter((v): v is string => !!v))];
	const nbIds = [...new Set(rows.map((r) => r.neighbourhood_id).filter((v): v is string => !!v))];
	const { rows: found } = await db.query<{ c: ContextJson }>('SELECT conflict_context_json($1::bigint[], $2::text[], $3::text[]) AS c', [workIds, hdIds, nbIds]);
	return contextFromJson(found[0].c, settings ?? (await ruleSettings(db, cityCode)));
}

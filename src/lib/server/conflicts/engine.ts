import type { Queryable } from '../db';
import type { Geometry } from 'geojson';
import type { Utility, WorkKind, WorkStatus } from '$lib/domain/codes';
import type { MetricGeometry } from '$lib/domain/corridor';
import { meetingStretch, trenchLines } from '$lib/domain/meeting-stretch';
import { severityOf, type ConflictKind, type Severity } from '$lib/domain/conflict-rules';

export { CONFLICT_KINDS, SEVERITY_RANK, type ConflictKind, type Severity } from '$lib/domain/conflict-rules';

/** One conflict: one rule one work breaks, alone or with another (spreadConflicts). */
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

/**
 * A row of `work_conflicts` / `conflict_scan` (sql/functions/0200_conflicts.sql): a pair of works
 * with the rules it breaks as flags and the facts of each (kind null), or one area rule of a work.
 * spreadConflicts makes its conflicts, one per rule. int8 arrive as strings from one driver and
 * numbers from the other.
 */
export interface EngineRow {
	kind: 'historic_district' | 'renovation_window' | null;
	severity: Severity | null;
	subject_id: number | string | null;
	/** a pair: both works (for a check, the checked work first); an area rule: the work */
	work_ids: (number | string)[];
	historic_district_id: string | null;
	neighbourhood_id: string | null;
	time_overlap: boolean | null;
	repeat_excavation: boolean | null;
	moratorium: boolean | null;
	sequence: boolean | null;
	gap_m: number | null;
	overlap_days: number | null;
	gap_days: number | null;
	/** time_overlap and repeat_excavation: the work that should fit in with the other */
	later_id: number | string | null;
	moratorium_subject: number | string | null;
	road_id: number | string | null;
	road_end: string | null;
	moratorium_until: string | null;
	sequence_subject: number | string | null;
	sequence_severity: Severity | null;
	where_geojson: string | null;
	/** work_conflicts, for a trench: the other work's metric geometry, and how far from it the stretch reaches */
	other_geom_m?: MetricGeometry | null;
	reach_m?: number | null;
}

const ENGINE_COLUMNS = `kind, severity, subject_id, work_ids, historic_district_id, neighbourhood_id, time_overlap,
	repeat_excavation, moratorium, sequence, gap_m, overlap_days, gap_days, later_id, moratorium_subject, road_id, road_end,
	moratorium_until, sequence_subject, sequence_severity, where_geojson`;

/** A work's geometry in lon/lat and in metres, the same vertices (`work_geometries_json`). */
export interface WorkGeometries {
	geometry: Geometry;
	geometry_m: MetricGeometry;
}

export async function conflictsOfWork(db: Queryable, workId: number): Promise<ConflictRow[]> {
	const { rows } = await db.query<EngineRow>(`SELECT ${ENGINE_COLUMNS}, other_geom_m, reach_m FROM work_conflicts($1)`, [workId]);
	const subject = rows.some((r) => r.other_geom_m) ? (await db.query<{ g: WorkGeometries }>('SELECT work_geometries_json($1) AS g', [workId])).rows[0].g : null;
	return spreadConflicts(rows, subject);
}

/**
 * The conflicts of engine rows: one for each rule a pair breaks (time_overlap, repeat_excavation,
 * moratorium, sequence, in that order), each with the facts its message needs, the work that should
 * give way first; an area rule as it is. Given the checked work's geometries (`subject`), where a
 * trench meets each other work is cut here (meeting-stretch.ts), once per pair.
 */
export function spreadConflicts(rows: EngineRow[], subject: WorkGeometries | null = null): ConflictRow[] {
	const g = subject?.geometry;
	const lines = g && (g.type === 'LineString' || g.type === 'MultiLineString') ? trenchLines(g, subject.geometry_m) : null;
	const out: ConflictRow[] = [];
	for (const r of rows) {
		const cut = lines && r.other_geom_m && r.reach_m != null;
		const where_geojson = cut ? JSON.stringify(meetingStretch(lines, r.other_geom_m!, Number(r.reach_m))) : r.where_geojson;
		const ids = r.work_ids.map(Number);
		if (r.kind) {
			const { historic_district_id, neighbourhood_id } = r;
			out.push({
				...NO_FACTS,
				kind: r.kind,
				severity: r.severity!,
				subject_id: Number(r.subject_id),
				work_ids: ids,
				historic_district_id,
				neighbourhood_id,
				where_geojson
			});
			continue;
		}
		const [a, b] = ids;
		const conflict = (kind: ConflictKind, severity: Severity, subject: number, facts: Partial<ConflictRow> = {}) =>
			out.push({
				...NO_FACTS,
				kind,
				severity,
				subject_id: subject,
				work_ids: subject === a ? [a, b] : [b, a],
				gap_m: r.gap_m,
				overlap_days: 0,
				gap_days: r.gap_days,
				where_geojson,
				...facts
			});
		if (r.time_overlap) conflict('time_overlap', severityOf('time_overlap'), Number(r.later_id), { overlap_days: r.overlap_days, gap_days: 0 });
		if (r.repeat_excavation) conflict('repeat_excavation', severityOf('repeat_excavation'), Number(r.later_id));
		if (r.moratorium) {
			conflict('moratorium', severityOf('moratorium'), Number(r.moratorium_subject), {
				road_id: Number(r.road_id),
				road_end: r.road_end,
				moratorium_until: r.moratorium_until
			});
		}
		if (r.sequence) conflict('sequence', r.sequence_severity!, Number(r.sequence_subject), { overlap_days: Math.max(r.overlap_days ?? 0, 0) });
	}
	return out;
}

const NO_FACTS = {
	historic_district_id: null,
	neighbourhood_id: null,
	gap_m: null,
	overlap_days: null,
	gap_days: null,
	road_id: null,
	road_end: null,
	moratorium_until: null
} as const;

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
	const rows = db.query<EngineRow>(`SELECT ${ENGINE_COLUMNS} FROM conflict_scan($1)`, [cityCode]).then((r) => spreadConflicts(r.rows));
	perDb.set(cityCode, { version, rows });
	rows.catch(() => perDb.delete(cityCode));
	return rows;
}

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
	const { rows: found } = await db.query<{ c: ContextJson }>('SELECT conflict_context_json($1::bigint[], $2::text[], $3::text[]) AS c', [
		workIds,
		hdIds,
		nbIds
	]);
	return contextFromJson(found[0].c, settings ?? (await ruleSettings(db, cityCode)));
}

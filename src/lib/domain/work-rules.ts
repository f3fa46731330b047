import type { OrganisationKind, Utility, WorkKind, WorkStatus } from './codes';

/**
 * Rules a work must satisfy before it is stored. The server enforces them; the registration form
 * uses the same module to say so while the user types.
 */

/** Which networks an organisation of each kind may dig for. Planners' departments may register any. */
export const UTILITIES_BY_ORGANISATION_KIND: Record<OrganisationKind, readonly Utility[]> = {
	water: ['water'],
	drainage: ['rain', 'sewage'],
	gas: ['gas'],
	power: ['power', 'lighting'],
	telecom: ['telecom'],
	municipal: ['water', 'rain', 'sewage', 'gas', 'power', 'telecom', 'lighting', 'road'],
	urban_management: ['road', 'lighting', 'rain', 'sewage'],
	housing: ['water', 'rain', 'sewage', 'gas', 'power', 'telecom', 'lighting', 'road']
};

/** Work kinds that belong to particular networks; the rest apply to any. */
export const UTILITIES_BY_WORK_KIND: Partial<Record<WorkKind, readonly Utility[]>> = {
	rain_sewage_separation: ['rain', 'sewage'],
	cable_undergrounding: ['power', 'telecom', 'lighting'],
	gas_to_homes: ['gas'],
	fibre_to_homes: ['telecom'],
	road_reconstruction: ['road'],
	road_major_repair: ['road']
};

/** Longest excavation window, in days, per kind. */
export const MAX_DURATION_DAYS: Record<WorkKind, number> = {
	new_pipe: 365,
	replacement: 365,
	rain_sewage_separation: 730,
	cable_undergrounding: 365,
	gas_to_homes: 365,
	fibre_to_homes: 180,
	road_reconstruction: 1095,
	road_major_repair: 365,
	emergency_repair: 30
};

export const WIDTH_M = { min: 0.1, max: 20, default: 1 } as const;
export const DEPTH_M = { min: 0.1, max: 15 } as const;
export const LINE_LENGTH_M = { min: 1, max: 10_000 } as const;
export const AREA_M2 = { min: 1, max: 200_000 } as const;
/** Works are registered at most this far ahead. */
export const MAX_YEARS_AHEAD = 5;
export const MAX_FEATURES_PER_UPLOAD = 200;

export const INPUT_CRS = ['EPSG:4326', 'EPSG:4490', 'EPSG:4548', 'GCJ-02'] as const;
export type InputCrs = (typeof INPUT_CRS)[number];

/** The statuses a work may move to from each status, and who may move it. */
export const TRANSITIONS: Record<WorkStatus, { utility: readonly WorkStatus[]; planner: readonly WorkStatus[] }> = {
	draft: { utility: ['submitted', 'cancelled'], planner: ['submitted', 'cancelled'] },
	submitted: { utility: ['draft', 'cancelled'], planner: ['approved', 'draft', 'cancelled'] },
	approved: { utility: ['in_progress', 'cancelled'], planner: ['in_progress', 'draft', 'cancelled'] },
	in_progress: { utility: ['backfilled'], planner: ['backfilled', 'cancelled'] },
	backfilled: { utility: ['restored'], planner: ['restored'] },
	restored: { utility: [], planner: [] },
	cancelled: { utility: [], planner: [] }
};

/** Shape and dates can change until digging starts. */
export const EDITABLE_STATUSES: readonly WorkStatus[] = ['draft', 'submitted', 'approved'];

/** Today in China (UTC+8), as YYYY-MM-DD. */
export function chinaToday(now = new Date()): string {
	return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

export function daysBetween(start: string, end: string): number {
	return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000);
}

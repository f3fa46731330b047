/** The stable codes of DESIGN.md §2. The database enforces the same lists (sql/migrations). */
export const ORGANISATION_KINDS = ['water', 'drainage', 'gas', 'power', 'telecom', 'municipal', 'urban_management', 'housing'] as const;
export const UTILITIES = ['water', 'rain', 'sewage', 'gas', 'power', 'telecom', 'lighting', 'road'] as const;
export const WORK_KINDS = [
	'new_pipe',
	'replacement',
	'rain_sewage_separation',
	'cable_undergrounding',
	'gas_to_homes',
	'fibre_to_homes',
	'road_reconstruction',
	'road_major_repair',
	'emergency_repair'
] as const;
export const WORK_STATUSES = ['draft', 'submitted', 'approved', 'in_progress', 'backfilled', 'restored', 'cancelled'] as const;
export const NEIGHBOURHOOD_STATUSES = ['planned', 'approved', 'under_construction', 'completed', 'accepted'] as const;
export const RAIN_SEWAGE_STATES = ['combined', 'separating', 'separated'] as const;
export const MANAGEMENT_MODES = ['property_company', 'community', 'owners_self_governance'] as const;
export const PROTECTION_LEVELS = ['national', 'provincial', 'municipal', 'county'] as const;
export const RENOVATION_ITEMS = [
	'pipes_underground',
	'rain_sewage_separation',
	'gas_to_homes',
	'fibre_to_homes',
	'roof_waterproofing',
	'elevator',
	'parking',
	'lighting',
	'greening',
	'facade',
	'illegal_structure_removal',
	'fire_safety',
	'septic_tank',
	'road_paving',
	'water_supply',
	'power_upgrade'
] as const;
export const ROLES = ['planner', 'utility'] as const;
/** The conflict rules of DESIGN.md §3. */
export const CONFLICT_KINDS = ['time_overlap', 'repeat_excavation', 'moratorium', 'historic_district', 'renovation_window', 'sequence'] as const;
/** What residents tell the city (the source's 化粪池不通、下水道不畅、雨污不分、停车困难, 屋顶漏水…). */
export const SUBMISSION_KINDS = ['need', 'evaluation'] as const;
export const SUBMISSION_CATEGORIES = [
	'septic_tank_blocked',
	'sewer_blocked',
	'rain_sewage_not_separated',
	'parking',
	'roof_leak',
	'lighting',
	'other'
] as const;
export const SUBMISSION_STATUSES = ['pending', 'published', 'hidden'] as const;
/** A submission's text, in characters (code points); the database enforces the same bounds. */
export const BODY_MIN = 2;
export const BODY_MAX = 500;
/** Submissions one client may send (a salted hash of address and browser, never stored in clear). */
export const SUBMISSION_RATE_LIMIT = { perHour: 5, perDay: 20 } as const;

export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export type Utility = (typeof UTILITIES)[number];
export type WorkKind = (typeof WORK_KINDS)[number];
export type WorkStatus = (typeof WORK_STATUSES)[number];
export type NeighbourhoodStatus = (typeof NEIGHBOURHOOD_STATUSES)[number];
export type RainSewageState = (typeof RAIN_SEWAGE_STATES)[number];
export type Role = (typeof ROLES)[number];
export type ConflictKind = (typeof CONFLICT_KINDS)[number];
export type Severity = 'high' | 'medium' | 'low';
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];
export type SubmissionCategory = (typeof SUBMISSION_CATEGORIES)[number];
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Utility, WorkKind, WorkStatus } from '$lib/domain/codes';

/** A work as GET /api/works sends it (public fields; staff see more). */
export interface WorkProperties {
	organisation: string;
	organisation_name: string;
	utility: Utility;
	kind: WorkKind;
	title: string | null;
	description: string | null;
	width_m: number | null;
	start_date: string;
	end_date: string;
	status: WorkStatus;
	emergency: boolean;
	neighbourhood_id: string | null;
	depth_m?: number | null;
	internal_note?: string | null;
}
export type WorkFeature = Feature<Geometry, WorkProperties> & { id: number };
export type WorkCollection = FeatureCollection<Geometry, WorkProperties> & { features: WorkFeature[] };

export interface ConflictWork {
	id: number;
	organisation: string;
	organisation_name: string;
	utility: Utility;
	kind: WorkKind;
	title: string | null;
	start_date: string;
	end_date: string;
	status: WorkStatus;
}

/** A conflict as GET /api/conflicts sends it, located where the works meet. */
export interface ConflictProperties {
	id: string;
	kind: string;
	severity: 'high' | 'medium' | 'low';
	message: string;
	suggestion: string;
	work_ids: number[];
	works: ConflictWork[];
	historic_district: { id: string; name: string } | null;
	neighbourhood: { id: string; name: string; renovation_start: string; renovation_end: string } | null;
	gap_m: number | null;
	overlap_days: number | null;
	gap_days: number | null;
	moratorium_until: string | null;
}
export type ConflictFeature = Feature<Geometry, ConflictProperties> & { id: string };
export interface ConflictCollection {
	type: 'FeatureCollection';
	features: ConflictFeature[];
}

/** A conflict's marker on the map: where the works meet (representativePoint). */
export interface ConflictMarker {
	id: string;
	severity: 'high' | 'medium' | 'low';
	position: [number, number];
}

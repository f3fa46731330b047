import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Utility, WorkKind, WorkStatus } from '$lib/domain/codes';
import type { Conflict } from '$lib/types/api';

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
	/** staff only: why it was rejected back to draft or cancelled */
	status_reason?: string | null;
	/** staff only: an emergency repair registered after it started, not yet reviewed */
	needs_review?: boolean;
	/** staff only: when it was last submitted, i.e. since when it waits for approval */
	submitted_at?: string;
}
export type WorkFeature = Feature<Geometry, WorkProperties> & { id: number };
export type WorkCollection = FeatureCollection<Geometry, WorkProperties> & { features: WorkFeature[] };

/**
 * A conflict as GET /api/conflicts sends it (the server's own type, less `where`, which is the
 * feature's geometry). Type-only: nothing of the server module reaches the browser.
 */
export type ConflictProperties = Omit<Conflict, 'where'>;
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

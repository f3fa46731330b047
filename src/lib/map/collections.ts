import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { labelPoint } from '$lib/geo/label-point';

export type AnyFeature = Feature<Geometry, Record<string, unknown>>;

/** The features with their id among their properties too, where MapLibre's filters and picks read it. */
export const withIds = (fc: FeatureCollection<Geometry, Record<string, unknown>> | null) => ({
	type: 'FeatureCollection' as const,
	features: (fc?.features ?? []).map((f): AnyFeature => ({ ...f, properties: { ...f.properties, id: f.id } }))
});

/** A point where each feature's label goes (inside its polygon), with the feature's properties. */
export const asLabels = (fc: { features: AnyFeature[] }): FeatureCollection => ({
	type: 'FeatureCollection',
	features: fc.features.flatMap((f) => {
		const at = labelPoint(f.geometry);
		return at ? [{ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: at }, properties: f.properties }] : [];
	})
});

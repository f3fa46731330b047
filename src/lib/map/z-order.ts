import type { Map as MaplibreMap } from 'maplibre-gl';

/**
 * The stacking of the overlay families, bottom to top. MapLibre layers and deck.gl layer groups are
 * inserted by this number, whatever order their components mount in and whatever basemap lies
 * below (the basemap's own layers have no number and stay underneath).
 */
export const Z = {
	neighbourhoodFill: 10,
	rainSewageFill: 12,
	neighbourhoodOutline: 14,
	rainSewageOutline: 16,
	selectionOutline: 18,
	streetHistory: 22,
	proposals: 28,
	works: 30,
	historicFill: 40,
	historicOutline: 42,
	conflicts: 50,
	/** the work being registered: its uploaded shape and where it would conflict */
	draft: 55,
	/** the place a resident asked "my street" about (public map) */
	place: 55,
	labels: 60,
	/** residents' needs per neighbourhood (planners' map): over the names, since where they are is what it says */
	needs: 64
} as const;

const Z_KEY = 'digonce:z';
const DECK_GROUP = 'deck-maplibre-layer-group-before:';

export const zMetadata = (z: number) => ({ [Z_KEY]: z });

function zOf(map: MaplibreMap, id: string): number | undefined {
	// deck.gl's interleaved overlay names each of its groups after the layer it is drawn before
	// (@deck.gl/maplibre layer-utils.ts), so a group sits just under that layer.
	if (id.startsWith(DECK_GROUP)) {
		const below = zOf(map, id.slice(DECK_GROUP.length));
		return below === undefined ? undefined : below - 0.5;
	}
	const layer = map.getLayer(id) as { metadata?: Record<string, unknown> } | undefined;
	const z = layer?.metadata?.[Z_KEY];
	return typeof z === 'number' ? z : undefined;
}

/**
 * The id of the first layer that must be drawn above a layer at `z`, or undefined: on top.
 * `mapLayersOnly` skips deck.gl's groups: a deck layer's `beforeId` must name a MapLibre layer.
 */
export function beforeIdFor(map: MaplibreMap, z: number, mapLayersOnly = false): string | undefined {
	for (const id of map.getLayersOrder()) {
		if (mapLayersOnly && id.startsWith(DECK_GROUP)) continue;
		const other = zOf(map, id);
		if (other !== undefined && other > z) return id;
	}
	return undefined;
}

import { getContext, setContext } from 'svelte';
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { Layer } from '@deck.gl/core';

/**
 * One map root; sources and layers are its children and find the map through this context, keyed
 * by a Symbol so no other context can collide with it (the pattern of MIERUNE/svelte-maplibre-gl).
 */
const MAP_CONTEXT = Symbol('digonce.map');

export interface MapContext {
	/** the MapLibre map: children are rendered only once its style has loaded */
	readonly map: MaplibreMap;
	/**
	 * Puts a child's deck.gl layers into the map's one overlay. `z` places them among the MapLibre
	 * layers (see z-order.ts); layers of one key replace that key's previous layers.
	 */
	setDeckLayers(key: string, z: number, layers: Layer[]): void;
	removeDeckLayers(key: string): void;
}

export const setMapContext = (ctx: MapContext) => setContext(MAP_CONTEXT, ctx);

export function getMapContext(): MapContext {
	const ctx = getContext<MapContext | undefined>(MAP_CONTEXT);
	if (!ctx) throw new Error('map layers must be children of <MapRoot>');
	return ctx;
}

const SOURCE_CONTEXT = Symbol('digonce.map.source');
export const setSourceContext = (id: string) => setContext(SOURCE_CONTEXT, id);
export const getSourceId = () => getContext<string | undefined>(SOURCE_CONTEXT);

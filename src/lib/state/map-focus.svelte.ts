import { tick, untrack } from 'svelte';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { overlayPadding, visibleBounds, type Padding } from '$lib/map/visible-area';

type Box = [number, number, number, number];

export interface MapFocusSource {
	map: MaplibreMap | null;
	/** the map's element; its parent holds the panels laid over it */
	mapArea: HTMLElement | undefined;
	bounds: Box | null;
	/** what opens and closes panels over the map (the desk, the selection): read to measure again */
	panels: unknown;
}

/**
 * The visible area of the planners' map, the map less the panels over it (MapLibre's padding), and
 * moves that place a box or a point in it. Built during a component's set-up.
 */
export class MapFocus {
	readonly #source: () => MapFocusSource;
	padding = $state.raw<Padding>({ top: 0, right: 0, bottom: 0, left: 0 });

	constructor(source: () => MapFocusSource) {
		this.#source = source;
		$effect(() => {
			// panels open and close with the desk and the selection; the window and the panels resize
			const { map, mapArea, panels } = this.#source();
			void panels;
			if (!map || !mapArea) return;
			untrack(() => this.measure());
			const root = mapArea.parentElement!;
			const observer = new ResizeObserver(() => this.measure());
			observer.observe(mapArea);
			for (const el of root.querySelectorAll('[data-testid=panel], [data-testid=desk], .details-slot > *, .time-slot')) observer.observe(el);
			return () => observer.disconnect();
		});
	}

	get #map() {
		return this.#source().map;
	}

	/** the part of the map not under a panel: what "in view" counts */
	readonly visible = $derived.by(() => {
		const { map, bounds } = this.#source();
		return map && bounds ? visibleBounds(map, this.padding) : null;
	});

	/** Measures the panels now over the map. */
	measure() {
		const { map, mapArea } = this.#source();
		if (!map || !mapArea) return;
		const root = mapArea.parentElement!;
		const next = overlayPadding(mapArea.getBoundingClientRect(), {
			left: [root.querySelector('[data-testid=panel]'), root.querySelector('[data-testid=desk]')],
			right: [root.querySelector('.details-slot > *')],
			bottom: [root.querySelector('.time-slot')]
		});
		const p = this.padding;
		if (next.top !== p.top || next.right !== p.right || next.bottom !== p.bottom || next.left !== p.left) this.padding = next;
	}

	/** Fits a box into the visible area, once the panels the move opens are measured. */
	async flyToBox(box: Box, maxZoom = 17) {
		await tick();
		this.measure();
		const p = this.padding;
		this.#map?.fitBounds(box, { padding: { top: p.top + 40, right: p.right + 40, bottom: p.bottom + 40, left: p.left + 40 }, maxZoom, duration: 900 });
	}

	/** Centres a point in the visible area. */
	async flyToPoint(point: [number, number], zoom = 17) {
		await tick();
		this.measure();
		const map = this.#map;
		const p = this.padding;
		// an offset, not MapLibre's padding: that would stay on the map and deck.gl would pick beside it
		map?.flyTo({ center: point, zoom: Math.max(map.getZoom(), zoom), duration: 900, offset: [(p.left - p.right) / 2, (p.top - p.bottom) / 2] });
	}
}

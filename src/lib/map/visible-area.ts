import type { Map as MaplibreMap, PaddingOptions } from 'maplibre-gl';

/** MapLibre's padding with every side given. */
export type Padding = Required<PaddingOptions>;

/** Panels drawn over the map, by the side of the map they cover. */
export interface MapOverlays {
	left: (Element | null | undefined)[];
	right: (Element | null | undefined)[];
	bottom: (Element | null | undefined)[];
}

/** Never less than this share of the canvas, each way, is left visible, however wide the panels. */
const MIN_VISIBLE = 0.3;

/**
 * How far the panels over the map reach into it from each side, in CSS pixels: MapLibre's
 * `padding`, so that the map's centre, its fly-tos and what it counts "in view" are in the part a
 * person can see. A hidden panel (no box) covers nothing.
 */
export function overlayPadding(area: DOMRect, overlays: MapOverlays): Padding {
	const boxes = (els: MapOverlays['left']) => els.flatMap((el) => (el ? [el.getBoundingClientRect()] : [])).filter((r) => r.width > 0 && r.height > 0);
	const reach = (values: number[]) => Math.max(0, ...values.map((v) => Math.round(v)));
	let left = reach(boxes(overlays.left).map((r) => r.right - area.left));
	let right = reach(boxes(overlays.right).map((r) => area.right - r.left));
	const bottom = Math.min(reach(boxes(overlays.bottom).map((r) => area.bottom - r.top)), Math.round(area.height * (1 - MIN_VISIBLE)));
	const widest = area.width * (1 - MIN_VISIBLE);
	if (left + right > widest) {
		const k = widest / (left + right);
		left = Math.round(left * k);
		right = Math.round(right * k);
	}
	return { top: 0, right, bottom, left };
}

/**
 * The lon/lat box of the part of the map a person sees: the canvas less the panels' padding, each
 * corner unprojected (`getBounds()` is the whole canvas, panels included). The padding is not given
 * to MapLibre itself: deck.gl's picking viewport ignores it (@deck.gl/maplibre passes it in the view
 * state, but picks at the canvas centre), so clicks on deck.gl layers would miss.
 */
export function visibleBounds(map: MaplibreMap, p: Padding): [number, number, number, number] {
	const canvas = map.getCanvas();
	const [w, h] = [canvas.clientWidth, canvas.clientHeight];
	if (w - p.left - p.right <= 0 || h - p.top - p.bottom <= 0) {
		const b = map.getBounds();
		return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
	}
	const corners = [
		[p.left, p.top],
		[w - p.right, p.top],
		[w - p.right, h - p.bottom],
		[p.left, h - p.bottom]
	].map(([x, y]) => map.unproject([x, y]));
	const lons = corners.map((c) => c.lng);
	const lats = corners.map((c) => c.lat);
	return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}

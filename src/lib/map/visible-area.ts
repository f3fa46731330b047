import type { Map as MaplibreMap, PaddingOptions } from 'maplibre-gl';

/** MapLibre's padding with every side given. */
export type Padding = Required<PaddingOptions>;
const sides = (p: PaddingOptions): Padding => ({ top: p.top ?? 0, right: p.right ?? 0, bottom: p.bottom ?? 0, left: p.left ?? 0 });

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

const samePadding = (a: Padding, b: Padding) => a.top === b.top && a.right === b.right && a.bottom === b.bottom && a.left === b.left;

/**
 * Gives the map a new padding without moving what is drawn: the place now under the new visible
 * centre becomes the map's centre. (Plain `setPadding` keeps the centre and so slides the whole map
 * by half of what a panel opening covers.)
 */
export function applyPadding(map: MaplibreMap, padding: Padding) {
	if (samePadding(sides(map.getPadding()), padding)) return;
	const canvas = map.getCanvas();
	const x = padding.left + (canvas.clientWidth - padding.left - padding.right) / 2;
	const y = padding.top + (canvas.clientHeight - padding.top - padding.bottom) / 2;
	const centre = map.unproject([x, y]);
	map.jumpTo({ center: centre, padding });
}

/**
 * The lon/lat box of the part of the map a person sees: the canvas less the map's padding, each
 * corner unprojected (`getBounds()` is the whole canvas, panels included).
 */
export function visibleBounds(map: MaplibreMap): [number, number, number, number] {
	const p = sides(map.getPadding());
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

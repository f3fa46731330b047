import { describe, expect, it } from 'vitest';
import { overlayPadding } from '../../src/lib/map/visible-area';

/** a box as the browser measures it, in page pixels */
const rect = (left: number, top: number, width: number, height: number) =>
	({ left, top, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON: () => ({}) }) as DOMRect;
const panel = (r: DOMRect) => ({ getBoundingClientRect: () => r }) as Element;
// the dashboard's map at 1280 × 800 under a 60 px header
const MAP = rect(0, 60, 1280, 740);

describe('the map padding measured from the panels over it', () => {
	it('reaches from each side as far as the panels do: side panel, details panel, time bar', () => {
		const padding = overlayPadding(MAP, {
			left: [panel(rect(10, 70, 336, 720))],
			right: [panel(rect(918, 70, 352, 400))],
			bottom: [panel(rect(355, 700, 788, 70))]
		});
		expect(padding).toEqual({ top: 0, left: 346, right: 362, bottom: 100 });
	});

	it('counts a hidden panel (no box) and a missing one as covering nothing', () => {
		expect(overlayPadding(MAP, { left: [panel(rect(0, 0, 0, 0)), null], right: [undefined], bottom: [] })).toEqual({ top: 0, left: 0, right: 0, bottom: 0 });
	});

	it('takes the wider of the side panel and the desk', () => {
		expect(overlayPadding(MAP, { left: [panel(rect(10, 70, 336, 720)), panel(rect(10, 70, 384, 720))], right: [], bottom: [] }).left).toBe(394);
	});

	it('leaves some of the map visible however wide the panels are (a narrow window)', () => {
		const narrow = rect(0, 60, 600, 740);
		const p = overlayPadding(narrow, {
			left: [panel(rect(10, 70, 384, 720))],
			right: [panel(rect(240, 70, 352, 400))],
			bottom: [panel(rect(0, 100, 600, 700))]
		});
		expect(600 - p.left - p.right).toBeGreaterThanOrEqual(180);
		expect(740 - p.bottom).toBeGreaterThanOrEqual(222);
	});
});

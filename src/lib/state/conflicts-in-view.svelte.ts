import type { Utility, WorkStatus } from '$lib/domain/codes';
import type { ConflictFeature, ConflictMarker } from '$lib/map/work-types';
import { representativePoint } from '$lib/geo/representative-point';

type Box = [number, number, number, number];
export type SeverityCounts = { high: number; medium: number; low: number };

/** What the conflicts shown depend on: the city-wide answer, the work filters, the visible area. */
export interface ConflictsInViewSource {
	/** the API's conflicts, most severe first; null until asked for or answered */
	all: ConflictFeature[] | null;
	utilities: readonly Utility[];
	statusCodes: readonly WorkStatus[];
	/** the part of the map not under a panel (MapLibre's padding), or null before the map is placed */
	visible: Box | null;
}

export const withinBox = (box: Box | null, p: [number, number]) => !!box && p[0] >= box[0] && p[0] <= box[2] && p[1] >= box[1] && p[1] <= box[3];

/**
 * The conflicts the planners' map shows and counts. A conflict follows the work filters: it is shown
 * when one of its works passes them. "In view" is where its marker stands, in the area a person can
 * see, so a marker under the side panel or the desk is not counted.
 */
export class ConflictsInView {
	readonly #source: () => ConflictsInViewSource;

	constructor(source: () => ConflictsInViewSource) {
		this.#source = source;
	}

	readonly list = $derived.by(() => {
		const { all, utilities, statusCodes } = this.#source();
		return (all ?? []).filter((c) =>
			c.properties.works.some((w) => (!utilities.length || utilities.includes(w.utility as Utility)) && statusCodes.includes(w.status as WorkStatus))
		);
	});

	/** each conflict with where its marker goes, in the API's order */
	readonly placed = $derived(
		this.list.flatMap((c) => {
			const position = representativePoint(c.geometry);
			return position ? [{ conflict: c, marker: { id: c.id, severity: c.properties.severity, position } satisfies ConflictMarker }] : [];
		})
	);

	readonly markers = $derived(this.placed.map((p) => p.marker));

	readonly inView = $derived.by(() => {
		const { visible } = this.#source();
		return this.placed.filter((p) => withinBox(visible, p.marker.position)).map((p) => p.conflict);
	});

	/** per severity, those in view; null while there is no answer to count */
	readonly counts = $derived.by((): SeverityCounts | null => {
		if (this.#source().all === null) return null;
		const counts = { high: 0, medium: 0, low: 0 };
		for (const c of this.inView) counts[c.properties.severity]++;
		return counts;
	});
}

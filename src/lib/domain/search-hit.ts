/** What the one search box finds (GET /api/search), in the order a tie between kinds is broken. */
export const SEARCH_KINDS = ['neighbourhood', 'street', 'address', 'organisation', 'work'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchHit {
	kind: SearchKind;
	/** the neighbourhood's id (neighbourhood, address), the street's name, the organisation's id or the work's number */
	id: string;
	label: string;
	/** what tells hits of one label apart: the district, the neighbourhood, the organisation */
	detail: string | null;
	/** the box the map flies to; null for an organisation with no work the viewer may see */
	bbox: [number, number, number, number] | null;
	/** a place on the hit (on the street, inside the neighbourhood) to stand at */
	point: [number, number] | null;
	/** a work's excavation window (inclusive dates), so the map can show its period */
	start_date?: string;
	end_date?: string;
}

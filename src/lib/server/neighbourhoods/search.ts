import { match } from 'pinyin-pro';
import type { Queryable } from '$lib/server/db';
import type { NeighbourhoodHit } from '$lib/types/api';

export type { NeighbourhoodHit } from '$lib/types/api';

/** How well a name answers the query: lower is better; null when it does not. */
export function nameRank(name: string, query: string): number | null {
	if (name === query) return 0;
	if (name.startsWith(query)) return 1;
	if (name.includes(query)) return 2;
	// pinyin-pro's `match` takes full pinyin, initials ("hhex" → 荷花二巷) or a mix, and returns the
	// indices of the matched characters; a match from the first character ranks higher.
	const hit = match(name, query, { continuous: true });
	if (hit && hit.length) return hit[0] === 0 ? 3 : 4;
	return null;
}

/**
 * Neighbourhoods by name: Chinese characters, full pinyin or pinyin initials. Names are matched in
 * the server (pinyin-pro's dictionary is too large to ship to every browser); a city's few hundred
 * to few thousand names are ranked in well under a millisecond each.
 */
export async function searchNeighbourhoods(db: Queryable, cityCode: string, query: string, limit: number): Promise<NeighbourhoodHit[]> {
	const q = query.trim().toLowerCase().replace(/\s+/g, '');
	if (!q) return [];
	const { rows } = await db.query<{
		id: string;
		name: string;
		district_name: string;
		sub_district_name: string | null;
		xmin: number;
		ymin: number;
		xmax: number;
		ymax: number;
	}>(
		`SELECT n.id, n.name, d.name AS district_name, s.name AS sub_district_name,
		        ST_XMin(n.boundary) AS xmin, ST_YMin(n.boundary) AS ymin, ST_XMax(n.boundary) AS xmax, ST_YMax(n.boundary) AS ymax
		   FROM neighbourhood n JOIN district d ON d.code = n.district_code LEFT JOIN sub_district s ON s.code = n.sub_district_code
		  WHERE n.city_code = $1`,
		[cityCode]
	);
	return rows
		.map((r) => ({ r, score: nameRank(r.name.toLowerCase(), q) }))
		.filter((x): x is { r: (typeof rows)[number]; score: number } => x.score !== null)
		.sort((a, b) => a.score - b.score || a.r.name.length - b.r.name.length || a.r.name.localeCompare(b.r.name, 'zh-CN'))
		.slice(0, limit)
		.map(({ r }) => ({
			id: r.id,
			name: r.name,
			district_name: r.district_name,
			sub_district_name: r.sub_district_name,
			bbox: [r.xmin, r.ymin, r.xmax, r.ymax].map(Number) as NeighbourhoodHit['bbox']
		}));
}

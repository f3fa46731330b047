import type { Queryable } from '$lib/server/db';
import { SqlParams } from '$lib/server/geojson';
import { nameRank } from '$lib/server/neighbourhoods/search';
import { draftCondition, workGeometry, workSource, type Viewer } from '$lib/server/works/queries';
import { SEARCH_KINDS, type SearchHit } from '$lib/domain/search-hit';

type Box = [number, number, number, number];
interface Placed {
	xmin: number | null;
	ymin: number | null;
	xmax: number | null;
	ymax: number | null;
	px: number | null;
	py: number | null;
}
const place = (r: Placed): Pick<SearchHit, 'bbox' | 'point'> =>
	r.xmin === null ? { bbox: null, point: null } : { bbox: [r.xmin, r.ymin, r.xmax, r.ymax].map(Number) as Box, point: [Number(r.px), Number(r.py)] };
// the box and a point on the geometry near its middle, as the columns `place` reads
const placeSql = (g: string) =>
	`ST_XMin(${g}) AS xmin, ST_YMin(${g}) AS ymin, ST_XMax(${g}) AS xmax, ST_YMax(${g}) AS ymax,
	 ST_X(ST_ClosestPoint(${g}, ST_Centroid(${g}))) AS px, ST_Y(ST_ClosestPoint(${g}, ST_Centroid(${g}))) AS py`;

/** How well a text holds the query in its characters only: exact 0, prefix 1, anywhere 2. */
function textRank(text: string | null, q: string): number | null {
	if (!text) return null;
	const s = text.toLowerCase();
	return s === q ? 0 : s.startsWith(q) ? 1 : s.includes(q) ? 2 : null;
}

/** `599`, `#599`, `＃599`, `No.599`: a work's number. */
const workNumber = (q: string) => /^(?:#|＃|no\.?)?(\d{1,15})$/.exec(q)?.[1] ?? null;

// a work's title is matched in SQL, so a city's hundred thousand works are not read to rank them
const WORK_CANDIDATES = 200;

/**
 * One search over what a person looks for on the map: neighbourhoods, streets, addresses,
 * organisations and works. Names are ranked by characters, full pinyin or initials (pinyin-pro,
 * in the server as for neighbourhoods); addresses and work titles by characters, a work also by
 * its number. Ranks: exact before prefix before contained before pinyin; a tie goes by kind
 * (`SEARCH_KINDS`), then the shorter label. What the viewer gets is what they may see: no drafts
 * for the public, and every box or point from `workGeometry(viewer)` — gas and power works only
 * at the street stretches they are published as.
 */
export async function searchEverything(db: Queryable, cityCode: string, query: string, limit: number, viewer: Viewer): Promise<SearchHit[]> {
	const q = query.trim().toLowerCase().replace(/\s+/g, '');
	if (!q) return [];
	const scored: { hit: SearchHit; score: number }[] = [];
	const add = (hit: SearchHit, score: number | null) => score !== null && scored.push({ hit, score });

	const nbs = await db.query<Placed & { id: string; name: string; address: string | null; district_name: string; sub_district_name: string | null }>(
		`SELECT n.id, n.name, n.address, d.name AS district_name, s.name AS sub_district_name, ${placeSql('n.boundary')}
		   FROM neighbourhood n JOIN district d ON d.code = n.district_code LEFT JOIN sub_district s ON s.code = n.sub_district_code
		  WHERE n.city_code = $1`,
		[cityCode]
	);
	for (const r of nbs.rows) {
		const where = r.sub_district_name ? `${r.district_name} · ${r.sub_district_name}` : r.district_name;
		add({ kind: 'neighbourhood', id: r.id, label: r.name, detail: where, ...place(r) }, nameRank(r.name.toLowerCase(), q));
		add({ kind: 'address', id: r.id, label: r.address ?? '', detail: r.name, ...place(r) }, textRank(r.address, q));
	}

	// a street drawn in several pieces is one street: one hit, the box of all its pieces
	const streets = await db.query<Placed & { name: string; districts: string | null }>(
		`SELECT st.name, st.districts, ${placeSql('st.geom')}
		   FROM (SELECT s.name, ST_Collect(s.geom) AS geom,
		                (SELECT string_agg(DISTINCT d.name, '、') FROM district d
		                  WHERE d.city_code = $1 AND ST_Intersects(d.boundary, ST_Collect(s.geom))) AS districts
		           FROM street s WHERE s.city_code = $1 GROUP BY s.name) st`,
		[cityCode]
	);
	for (const r of streets.rows) add({ kind: 'street', id: r.name, label: r.name, detail: r.districts, ...place(r) }, nameRank(r.name.toLowerCase(), q));

	const orgs = await db.query<{ id: string; name: string; short_name: string }>(`SELECT id, name, short_name FROM organisation WHERE city_code = $1`, [
		cityCode
	]);
	const orgHits = orgs.rows.flatMap((r) => {
		const ranks = [nameRank(r.name.toLowerCase(), q), nameRank(r.short_name.toLowerCase(), q)].filter((x): x is number => x !== null);
		return ranks.length ? [{ r, score: Math.min(...ranks) }] : [];
	});
	if (orgHits.length) {
		// an organisation is where its works are, as this viewer sees them
		const p = new SqlParams();
		const ids = p.add(orgHits.map((o) => o.r.id));
		const extents = await db.query<Placed & { id: string }>(
			`SELECT e.id, ${placeSql('e.extent')}
			   FROM (SELECT w.organisation_id AS id, ST_Envelope(ST_Collect(${workGeometry(viewer)})) AS extent
			           FROM ${workSource(viewer)} WHERE w.organisation_id = ANY(${ids}::text[]) AND w.status <> 'cancelled' AND ${draftCondition(p, viewer)}
			          GROUP BY w.organisation_id) e`,
			p.values
		);
		const byId = new Map(extents.rows.map((e) => [e.id, e]));
		for (const { r, score } of orgHits) {
			const e = byId.get(r.id);
			add({ kind: 'organisation', id: r.id, label: r.name, detail: r.short_name, ...(e ? place(e) : { bbox: null, point: null }) }, score);
		}
	}

	const p = new SqlParams();
	const number = p.add(workNumber(q));
	const works = await db.query<Placed & { id: string; title: string | null; organisation: string; start_date: string; end_date: string }>(
		`SELECT w.id::text AS id, w.title, o.short_name AS organisation, w.start_date::text AS start_date, w.end_date::text AS end_date, ${placeSql('g.geom')}
		   FROM ${workSource(viewer)}
		  CROSS JOIN LATERAL (SELECT ${workGeometry(viewer)} AS geom) g
		  WHERE w.city_code = ${p.add(cityCode)} AND ${draftCondition(p, viewer)}
		    AND (w.id = ${number}::bigint OR strpos(lower(w.title), ${p.add(q)}) > 0)
		  ORDER BY w.id = ${number}::bigint DESC NULLS LAST, w.start_date DESC, w.id DESC
		  LIMIT ${WORK_CANDIDATES}`,
		p.values
	);
	for (const r of works.rows) {
		const score = r.id === workNumber(q) ? 0 : textRank(r.title, q);
		const label = r.title ? `#${r.id} ${r.title}` : `#${r.id}`;
		add({ kind: 'work', id: r.id, label, detail: r.organisation, ...place(r), start_date: r.start_date, end_date: r.end_date }, score);
	}

	const order = (k: SearchHit['kind']) => SEARCH_KINDS.indexOf(k);
	return scored
		.sort(
			(a, b) =>
				a.score - b.score || order(a.hit.kind) - order(b.hit.kind) || a.hit.label.length - b.hit.label.length || a.hit.label.localeCompare(b.hit.label, 'zh-CN')
		)
		.slice(0, limit)
		.map((s) => s.hit);
}

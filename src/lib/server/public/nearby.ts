import type { Queryable } from '../db';
import type { Lang } from '$lib/i18n';
import { workPurpose, workSentence } from '$lib/domain/plain-words';
import { addDays } from '$lib/domain/work-rules';
import { serverToday } from '../clock';
import type { PublicWork } from '$lib/types/api';
import { workSource, type Viewer } from '../works/queries';

export type { PublicWork } from '$lib/types/api';

type Row = Omit<PublicWork, 'sentence' | 'purpose'>;

const SELECT = `w.id, w.organisation_id AS organisation, o.name AS organisation_name, o.hotline, w.utility, w.kind,
	w.start_date, w.end_date, w.status, w.emergency`;

function toPublic(rows: Row[], lang: Lang, today: string): PublicWork[] {
	const year = Number(today.slice(0, 4));
	return rows.map((r) => ({
		...r,
		id: Number(r.id),
		distance_m: Math.round(Number(r.distance_m)),
		purpose: workPurpose(lang, r.kind, r.utility),
		sentence: workSentence(lang, r, year)
	}));
}

const PUBLIC: Viewer = { audience: 'public' };

/**
 * The public place of a work (`pw.geom`) lies within `metres` of `place` (in the city's metric
 * CRS `srid`). The box test finds the candidates by the public place's own index; the margin covers
 * the box's corners bending when it is taken back to lon/lat.
 */
export const publicPlaceWithin = (place: string, srid: string, metres: number) =>
	`pw.geom && ST_Transform(ST_Expand(${place}, ${metres + 10}), 4326)
	 AND ST_DWithin(ST_Transform(pw.geom, ${srid}), ${place}, ${metres})`;

/**
 * "My street": works within `radiusM` of a point or of a neighbourhood whose window meets the next
 * `days` days, soonest first. Which works, and their distances, run from the public geometry only,
 * so a gas main is not located more precisely than its street.
 */
export async function worksNearby(
	db: Queryable,
	where: { cityCode: string; point?: [number, number]; neighbourhood?: string },
	opts: { radiusM: number; days: number; lang: Lang; today?: string }
): Promise<PublicWork[]> {
	const today = opts.today ?? serverToday();
	const place = where.point
		? `ST_Transform(ST_SetSRID(ST_MakePoint($4, $5), 4326), c.metric_srid)`
		: `(SELECT ST_Transform(n.boundary, c.metric_srid) FROM neighbourhood n WHERE n.id = $4 AND n.city_code = c.code)`;
	const params: unknown[] = [where.cityCode, today, addDays(today, opts.days), ...(where.point ?? [where.neighbourhood])];
	const { rows } = await db.query<Row>(
		`WITH c AS (SELECT code, metric_srid FROM city WHERE code = $1),
		      here AS (SELECT ${place} AS g, c.metric_srid FROM c)
		 SELECT ${SELECT}, ST_Distance(ST_Transform(pw.geom, here.metric_srid), here.g) AS distance_m
		   FROM ${workSource(PUBLIC)}, here
		  WHERE w.city_code = $1 AND w.status NOT IN ('draft', 'cancelled')
		    AND w.excavation_window && daterange($2::date, $3::date, '[]')
		    AND here.g IS NOT NULL
		    AND ${publicPlaceWithin('here.g', 'here.metric_srid', Number(opts.radiusM))}
		  ORDER BY w.start_date, w.id`,
		params
	);
	return toPublic(rows, opts.lang, today);
}

/** Works affecting a neighbourhood (inside it or, as the public sees them, within 50 m), past and future, latest first. */
export async function worksAffecting(db: Queryable, cityCode: string, neighbourhoodId: string, lang: Lang, today = serverToday()): Promise<PublicWork[]> {
	const { rows } = await db.query<Row>(
		`SELECT ${SELECT}, 0 AS distance_m
		   FROM ${workSource(PUBLIC)}
		   JOIN (SELECT n.id, ST_Transform(n.boundary, c.metric_srid) AS boundary_m, c.metric_srid
		           FROM neighbourhood n JOIN city c ON c.code = n.city_code
		          WHERE n.id = $2 AND n.city_code = $1) n ON true
		  WHERE w.city_code = $1 AND w.status NOT IN ('draft', 'cancelled')
		    AND (w.neighbourhood_id = n.id OR ${publicPlaceWithin('n.boundary_m', 'n.metric_srid', 50)})
		  ORDER BY w.start_date DESC, w.id DESC`,
		[cityCode, neighbourhoodId]
	);
	return toPublic(rows, lang, today);
}

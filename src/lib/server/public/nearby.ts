import type { Queryable } from '../db';
import type { Lang } from '$lib/i18n';
import { workPurpose, workSentence } from '$lib/domain/plain-words';
import { addDays } from '$lib/domain/work-rules';
import { serverToday } from '../clock';
import type { PublicWork } from '$lib/types/api';

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

/**
 * "My street": works within `radiusM` of a point or of a neighbourhood whose window meets the next
 * `days` days, soonest first. Distances run from the public geometry, so a gas main is not located
 * more precisely than its street.
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
		 SELECT ${SELECT}, ST_Distance(ST_Transform(public_work_geometry(w), here.metric_srid), here.g) AS distance_m
		   FROM work w JOIN organisation o ON o.id = w.organisation_id, here
		  WHERE w.city_code = $1 AND w.status NOT IN ('draft', 'cancelled')
		    AND w.excavation_window && daterange($2::date, $3::date, '[]')
		    AND here.g IS NOT NULL
		    AND ST_DWithin(w.geom_m, here.g, ${Number(opts.radiusM) + 150})
		    AND ST_DWithin(ST_Transform(public_work_geometry(w), here.metric_srid), here.g, ${Number(opts.radiusM)})
		  ORDER BY w.start_date, w.id`,
		params
	);
	return toPublic(rows, opts.lang, today);
}

/** Works affecting a neighbourhood (inside it or within 50 m), past and future, latest first. */
export async function worksAffecting(db: Queryable, cityCode: string, neighbourhoodId: string, lang: Lang, today = serverToday()): Promise<PublicWork[]> {
	const { rows } = await db.query<Row>(
		`SELECT ${SELECT}, 0 AS distance_m
		   FROM work w JOIN organisation o ON o.id = w.organisation_id
		   JOIN (SELECT n.id, ST_Transform(n.boundary, c.metric_srid) AS boundary_m
		           FROM neighbourhood n JOIN city c ON c.code = n.city_code
		          WHERE n.id = $2 AND n.city_code = $1) n ON true
		  WHERE w.city_code = $1 AND w.status NOT IN ('draft', 'cancelled')
		    AND (w.neighbourhood_id = n.id OR ST_DWithin(w.geom_m, n.boundary_m, 50))
		  ORDER BY w.start_date DESC, w.id DESC`,
		[cityCode, neighbourhoodId]
	);
	return toPublic(rows, lang, today);
}

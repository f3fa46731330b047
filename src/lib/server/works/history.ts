import type { Queryable } from '../db';
import { addDays } from '$lib/domain/work-rules';
import { serverToday } from '../clock';
import type { Viewer } from './queries';

/**
 * The repeat-excavation heat map: how often each ~100 m stretch of street was opened in `years`.
 * The public's map counts a work shown at street level only on the stretches it is shown along.
 */
export async function streetHistory(
	db: Queryable,
	cityCode: string,
	years: number,
	until = serverToday(),
	viewer: Viewer = { audience: 'public' }
): Promise<string> {
	const since = addDays(until, -Math.round(years * 365.25));
	const { rows } = await db.query<{ body: string }>(
		`SELECT json_build_object('type', 'FeatureCollection', 'since', $2::text, 'until', $3::text, 'features', coalesce(json_agg(json_build_object(
		          'type', 'Feature', 'id', h.street_id || '-' || h.stretch, 'geometry', h.geojson::json,
		          'properties', json_build_object('street_id', h.street_id, 'name', h.name, 'class', h.class,
		                                          'openings', h.openings, 'work_ids', h.work_ids))
		          ORDER BY h.street_id, h.stretch), '[]'::json))::text AS body
		   FROM street_openings($1, $2::date, $3::date, $4) h`,
		[cityCode, since, until, viewer.audience !== 'staff']
	);
	return rows[0].body;
}

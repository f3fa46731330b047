import { createEvents, type EventAttributes } from 'ics';
import type { Queryable } from '../db';
import { t, type Lang, type MessageKey } from '$lib/i18n';
import { workPurpose } from '$lib/domain/plain-words';
import { addDays } from '$lib/domain/work-rules';
import { serverToday } from '../clock';
import { NotFound } from '../errors';
import { publicPlaceWithin, type PublicWork } from './nearby';
import { workSource } from '../works/queries';

/** The public facts of a work (as residents read them near their street), and where the public sees it. */
interface FeedRow extends Pick<PublicWork, 'id' | 'organisation_name' | 'hotline' | 'utility' | 'kind' | 'start_date' | 'end_date' | 'status'> {
	street: string | null;
	neighbourhood: string | null;
	lon: number;
	lat: number;
}

const ymd = (date: string) => date.split('-').map(Number) as [number, number, number];

/**
 * An RFC 5545 calendar of the works of a neighbourhood or an area: one all-day event per work
 * (DTEND is the day after the last day), cancelled works kept as STATUS:CANCELLED so subscribers
 * see them go. Works that ended more than half a year ago are left out.
 */
export async function worksCalendar(
	db: Queryable,
	scope: { cityCode: string; neighbourhood?: string; bbox?: [number, number, number, number] },
	lang: Lang,
	host: string,
	today = serverToday()
): Promise<string> {
	let name: string;
	let where: string;
	const params: unknown[] = [scope.cityCode, addDays(today, -183)];
	if (scope.neighbourhood) {
		const { rows } = await db.query<{ name: string }>('SELECT name FROM neighbourhood WHERE id = $1 AND city_code = $2', [scope.neighbourhood, scope.cityCode]);
		if (!rows[0]) throw new NotFound(scope.neighbourhood);
		name = t(lang, 'feed.calendar_name', { name: rows[0].name });
		params.push(scope.neighbourhood);
		where = `(w.neighbourhood_id = $3 OR EXISTS (SELECT 1 FROM neighbourhood n WHERE n.id = $3 AND ${publicPlaceWithin('ST_Transform(n.boundary, c.metric_srid)', 'c.metric_srid', 50)}))`;
	} else {
		name = t(lang, 'feed.area_name');
		params.push(...scope.bbox!);
		where = `pw.geom && ST_MakeEnvelope($3, $4, $5, $6, 4326)`;
	}
	const { rows } = await db.query<FeedRow>(
		`SELECT w.id, o.name AS organisation_name, o.hotline, w.utility, w.kind, w.start_date, w.end_date, w.status,
		        (SELECT s.name FROM street s WHERE s.city_code = w.city_code ORDER BY s.geom <-> ST_PointOnSurface(pw.geom) LIMIT 1) AS street,
		        (SELECT n.name FROM neighbourhood n WHERE n.id = w.neighbourhood_id) AS neighbourhood,
		        ST_X(ST_PointOnSurface(pw.geom)) AS lon, ST_Y(ST_PointOnSurface(pw.geom)) AS lat
		   FROM ${workSource({ audience: 'public' })} JOIN city c ON c.code = w.city_code
		  WHERE w.city_code = $1 AND w.status <> 'draft' AND w.end_date >= $2 AND ${where}
		  ORDER BY w.start_date, w.id`,
		params
	);
	const events: EventAttributes[] = rows.map((w) => {
		const purpose = workPurpose(lang, w.kind, w.utility);
		return {
			uid: `work-${w.id}@${host}`,
			title: `${purpose} · ${w.organisation_name}`,
			description: t(lang, 'feed.description', {
				purpose,
				organisation: w.organisation_name,
				hotline: w.hotline ?? '—',
				status: t(lang, `work_status.${w.status}` as MessageKey)
			}),
			location: [w.street, w.neighbourhood].filter(Boolean).join(' · '),
			geo: { lat: Math.round(w.lat * 1e5) / 1e5, lon: Math.round(w.lon * 1e5) / 1e5 },
			start: ymd(w.start_date),
			end: ymd(addDays(w.end_date, 1)),
			status: w.status === 'cancelled' ? 'CANCELLED' : w.status === 'submitted' ? 'TENTATIVE' : 'CONFIRMED',
			categories: [t(lang, `utility.${w.utility}` as MessageKey)],
			productId: 'digonce/works'
		};
	});
	const { error, value } = createEvents(events, { calName: name, productId: 'digonce/works' });
	if (error || !value) throw error ?? new Error('calendar could not be written');
	return value;
}

/**
 * A check through the app's own domain code without HTTP: `checkWork`
 * (src/lib/server/works/register.ts), exactly what `POST /api/works/check` calls. Set beside the
 * SQL path and the HTTP path, it splits a check's time into the engine, the rest of the domain
 * (validation queries, messages) and the HTTP/SvelteKit layer.
 */
import type { Db } from '../src/lib/server/db/types';
import type { SessionUser } from '../src/lib/server/auth/session';
import { checkWork } from '../src/lib/server/works/register';
import type { WorkFeature } from '../src/lib/server/works/input';
import { PLANNER } from './database';
import { checkBody } from './http';
import type { SyntheticWork } from './synthetic';

export async function benchPlanner(db: Db): Promise<SessionUser> {
	const { rows } = await db.query<SessionUser>(
		`SELECT u.id, u.email, u.role, u.organisation_id AS "organisationId", o.name AS "organisationName",
		        u.display_name AS "displayName", u.city_code AS "cityCode"
		   FROM app_user u LEFT JOIN organisation o ON o.id = u.organisation_id WHERE u.email = $1`,
		[PLANNER.email]
	);
	return { ...rows[0], id: Number(rows[0].id) };
}

/** One check as the endpoint makes it, without HTTP; `user` is the bench planner (see `benchPlanner`). */
export async function domainCheck(db: Db, user: SessionUser, w: SyntheticWork): Promise<{ ms: number; rows: number }> {
	const started = performance.now();
	const { conflicts } = await checkWork(db, checkBody(w) as WorkFeature, user, 'EPSG:4326', w.city_code, 'zh');
	return { ms: performance.now() - started, rows: conflicts.length };
}

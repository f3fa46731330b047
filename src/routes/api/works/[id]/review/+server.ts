import { json } from '@sveltejs/kit';
import type { RequestEvent } from './$types';
import { endpoint } from '$lib/server/http/endpoint';
import { workIdParam } from '$lib/server/http/ids';
import { requireRole } from '$lib/server/auth/guard';
import { reviewWork } from '$lib/server/works/lifecycle';
import { defaultCityCode } from '$lib/server/city';

/** A planner marks an emergency repair, registered after it started, as reviewed. */
export const POST = endpoint(async ({ params, locals }: RequestEvent) => {
	const user = requireRole(locals.user, 'planner');
	return json(await reviewWork(locals.db, workIdParam(params.id), user, defaultCityCode()));
});

import { json } from '@sveltejs/kit';
import type { RequestEvent } from './$types';
import { endpoint } from '$lib/server/http/endpoint';
import { parseBody, readJson } from '$lib/server/http/validate';
import { crsParam } from '$lib/server/http/crs';
import { workIdParam } from '$lib/server/http/ids';
import { requireRole } from '$lib/server/auth/guard';
import { workPatchSchema } from '$lib/server/works/input';
import { editWork, workDetail } from '$lib/server/works/lifecycle';
import { viewerOf } from '$lib/server/works/queries';
import { defaultCityCode } from '$lib/server/city';

/** One work with its conflicts and history (staff), or its public facts. */
export const GET = endpoint(async ({ params, locals }: RequestEvent) => {
	return json(await workDetail(locals.db, workIdParam(params.id), viewerOf(locals.user), defaultCityCode(), locals.lang));
});

export const PATCH = endpoint(async ({ params, request, url, locals }: RequestEvent) => {
	const user = requireRole(locals.user, 'planner', 'utility');
	const patch = parseBody(await readJson(request), workPatchSchema, locals.lang);
	return json(await editWork(locals.db, workIdParam(params.id), patch, user, crsParam(url), defaultCityCode(), locals.lang));
});

import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/http/endpoint';
import { parseBody, readJson } from '$lib/server/http/validate';
import { crsParam } from '$lib/server/http/crs';
import { requireRole } from '$lib/server/auth/guard';
import { workFeatureSchema } from '$lib/server/works/input';
import { checkWork } from '$lib/server/works/register';
import { defaultCityCode } from '$lib/server/city';
import { workIdParam } from '$lib/server/http/ids';

/**
 * The conflicts a work would have; writes nothing. `?replaces=<id>` checks an edit of a stored work
 * (one of the user's own organisation, for a utility) as if it were already changed.
 */
export const POST = endpoint(async ({ request, url, locals }) => {
	const user = requireRole(locals.user, 'planner', 'utility');
	const replaces = url.searchParams.has('replaces') ? workIdParam(url.searchParams.get('replaces')!) : undefined;
	const feature = parseBody(await readJson(request), workFeatureSchema, locals.lang);
	return json(await checkWork(locals.db, feature, user, crsParam(url), defaultCityCode(), locals.lang, replaces));
});

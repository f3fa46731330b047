import { endpoint } from '$lib/server/http/endpoint';
import { geojsonResponse } from '$lib/server/http/responses';
import { requireRole } from '$lib/server/auth/guard';
import { needsByNeighbourhood } from '$lib/server/submissions/submissions';
import { defaultCityCode } from '$lib/server/city';

/** Residents' needs per neighbourhood as points, for the planners' map. */
export const GET = endpoint(async ({ locals }) => {
	requireRole(locals.user, 'planner');
	return geojsonResponse(await needsByNeighbourhood(locals.db, defaultCityCode()));
});

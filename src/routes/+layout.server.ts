import type { LayoutServerLoad } from './$types';
import { publicUser } from '$lib/server/auth/public-user';
import { isDemoData } from '$lib/server/overview/queries';
import { submissionCounts } from '$lib/server/submissions/submissions';
import { defaultCityCode } from '$lib/server/city';

export const load: LayoutServerLoad = async ({ locals }) => ({
	lang: locals.lang,
	user: publicUser(locals.user),
	demo: await isDemoData(locals.db),
	/** planners see how many residents' submissions await them, on every page */
	pendingSubmissions: locals.user?.role === 'planner' ? (await submissionCounts(locals.db, defaultCityCode())).pending : null
});

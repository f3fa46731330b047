import type { LayoutServerLoad } from './$types';
import { publicUser } from '$lib/server/auth/public-user';
import { isDemoData } from '$lib/server/overview/queries';

export const load: LayoutServerLoad = async ({ locals }) => ({
	lang: locals.lang,
	user: publicUser(locals.user),
	demo: await isDemoData(locals.db)
});

import { env } from '$env/dynamic/private';
import type { PageServerLoad } from './$types';
import { cityView } from '$lib/server/basemap/queries';
import { basemapConfig } from '$lib/server/basemap/config';
import { defaultCityCode } from '$lib/server/city';
import { addDays } from '$lib/domain/work-rules';
import { serverToday } from '$lib/server/clock';

/** The residents' map: the city's view and the basemap; the layers' data comes from the public API. */
export const load: PageServerLoad = async ({ locals }) => {
	const today = serverToday();
	return {
		city: await cityView(locals.db, defaultCityCode()),
		basemap: basemapConfig(env),
		today,
		/** works shown on the map: those dug now or in the coming year */
		worksUntil: addDays(today, 365)
	};
};

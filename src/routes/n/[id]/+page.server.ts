import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { neighbourhoodPage } from '$lib/server/public/neighbourhood-page';
import { worksNearby } from '$lib/server/public/nearby';
import { defaultCityCode } from '$lib/server/city';
import { NEARBY_DAYS, NEARBY_RADIUS_M } from '$lib/domain/my-street';
import { serverToday } from '$lib/server/clock';
import { t } from '$lib/i18n';

/**
 * A neighbourhood's public page, rendered on the server so it paints at once on a slow phone and
 * reads without JavaScript. Always the public view, whoever is signed in: what it shows, and what
 * its HTML carries, is the 公示 — staff see more on their map.
 */
export const load: PageServerLoad = async ({ params, locals }) => {
	const city = defaultCityCode();
	const found = await neighbourhoodPage(locals.db, city, params.id, 'public', locals.lang);
	if (!found) error(404, t(locals.lang, 'error.not_found', { what: params.id }));
	const { feature, ...rest } = found;
	return {
		// the boundary stays out: the page draws no map, it links to one
		neighbourhood: { id: feature.id, ...feature.properties },
		...rest,
		nearby: await worksNearby(locals.db, { cityCode: city, neighbourhood: params.id }, { radiusM: NEARBY_RADIUS_M, days: NEARBY_DAYS, lang: locals.lang }),
		today: serverToday()
	};
};

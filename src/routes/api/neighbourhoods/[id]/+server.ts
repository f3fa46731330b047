import { json } from '@sveltejs/kit';
import type { RequestEvent } from './$types';
import { endpoint } from '$lib/server/http/endpoint';
import { notFound } from '$lib/server/http/errors';
import { neighbourhoodCollection, rainSewageHistory } from '$lib/server/neighbourhoods/queries';
import { worksAffecting } from '$lib/server/public/nearby';
import { publishedSubmissions } from '$lib/server/submissions/submissions';
import { defaultCityCode } from '$lib/server/city';

/** A neighbourhood's page: its facts (网格化 公示), the works affecting it, its drainage, what residents said. */
export const GET = endpoint(async ({ params, locals }: RequestEvent) => {
	const city = defaultCityCode();
	const fc = JSON.parse(await neighbourhoodCollection(locals.db, { cityCode: city, id: params.id }, locals.user ? 'staff' : 'public'));
	if (!fc.features.length) throw notFound(params.id);
	return json({
		feature: fc.features[0],
		works: await worksAffecting(locals.db, city, params.id, locals.lang),
		rain_sewage_history: await rainSewageHistory(locals.db, params.id),
		submissions: await publishedSubmissions(locals.db, params.id)
	});
});

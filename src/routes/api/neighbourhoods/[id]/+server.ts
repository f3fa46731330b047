import { json } from '@sveltejs/kit';
import type { RequestEvent } from './$types';
import { endpoint } from '$lib/server/http/endpoint';
import { notFound } from '$lib/server/http/errors';
import { neighbourhoodPage } from '$lib/server/public/neighbourhood-page';
import { defaultCityCode } from '$lib/server/city';

/** A neighbourhood's page: its facts (网格化 公示), the works affecting it, its drainage, what residents said. */
export const GET = endpoint(async ({ params, locals }: RequestEvent) => {
	const page = await neighbourhoodPage(locals.db, defaultCityCode(), params.id, locals.user ? 'staff' : 'public', locals.lang);
	if (!page) throw notFound(params.id);
	return json(page);
});

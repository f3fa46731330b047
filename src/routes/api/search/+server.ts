import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { endpoint } from '$lib/server/http/endpoint';
import { parseSearchParams } from '$lib/server/http/validate';
import { searchEverything } from '$lib/server/search/search';
import { viewerOf } from '$lib/server/works/queries';
import { defaultCityCode } from '$lib/server/city';

const query = z.object({
	q: z.string().trim().min(1, { error: 'error.search_any' }).max(50, { error: 'error.search_any' }),
	limit: z.coerce.number().int().min(1).max(50).optional()
});

/** Neighbourhoods, streets, addresses, organisations and works matching `q`, best first, as this viewer may see them. */
export const GET = endpoint(async ({ url, locals }) => {
	const q = parseSearchParams(url, query, locals.lang);
	return json({ hits: await searchEverything(locals.db, defaultCityCode(), q.q, q.limit ?? 10, viewerOf(locals.user)) });
});

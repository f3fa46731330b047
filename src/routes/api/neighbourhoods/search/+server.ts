import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { endpoint } from '$lib/server/http/endpoint';
import { parseSearchParams } from '$lib/server/http/validate';
import { searchNeighbourhoods } from '$lib/server/neighbourhoods/search';
import { defaultCityCode } from '$lib/server/city';

const query = z.object({
	q: z.string().trim().min(1, { error: 'error.search_query' }).max(50, { error: 'error.search_query' }),
	limit: z.coerce.number().int().min(1).max(50).optional()
});

/** Neighbourhoods whose name matches `q` (characters, pinyin or initials), best first. */
export const GET = endpoint(async ({ url, locals }) => {
	const q = parseSearchParams(url, query, locals.lang);
	return json({ neighbourhoods: await searchNeighbourhoods(locals.db, defaultCityCode(), q.q, q.limit ?? 10) });
});

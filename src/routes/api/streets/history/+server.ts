import { z } from 'zod';
import { endpoint } from '$lib/server/http/endpoint';
import { parseSearchParams } from '$lib/server/http/validate';
import { isoDate } from '$lib/server/http/params';
import { geojsonResponse } from '$lib/server/http/responses';
import { streetHistory } from '$lib/server/works/history';
import { defaultCityCode } from '$lib/server/city';
import { viewerOf } from '$lib/server/works/queries';

const query = z.object({
	years: z
		.string()
		.regex(/^([1-9]|10)$/, { error: 'error.years_format' })
		.transform(Number)
		.optional(),
	until: isoDate.optional()
});

/** How often each stretch of street was opened in the last `years` (5 by default): the heat map. */
export const GET = endpoint(async ({ url, locals }) => {
	const q = parseSearchParams(url, query, locals.lang);
	return geojsonResponse(await streetHistory(locals.db, defaultCityCode(), q.years ?? 5, q.until, viewerOf(locals.user)));
});

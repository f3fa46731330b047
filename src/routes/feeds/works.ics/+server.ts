import { z } from 'zod';
import { endpoint } from '$lib/server/http/endpoint';
import { ApiError } from '$lib/server/http/errors';
import { parseSearchParams } from '$lib/server/http/validate';
import { bboxParam } from '$lib/server/http/params';
import { worksCalendar } from '$lib/server/public/calendar';
import { defaultCityCode } from '$lib/server/city';

const query = z.object({
	neighbourhood: z
		.string()
		.regex(/^[a-z0-9][a-z0-9_-]{1,62}$/, { error: 'error.neighbourhood_format' })
		.optional(),
	bbox: bboxParam.optional()
});

/** A subscribable calendar (RFC 5545) of the works of a neighbourhood or of a drawn area. */
export const GET = endpoint(async ({ url, locals }) => {
	const q = parseSearchParams(url, query, locals.lang);
	if (!q.neighbourhood === !q.bbox) throw new ApiError(400, 'invalid_query', 'feed.error.scope');
	const body = await worksCalendar(locals.db, { cityCode: defaultCityCode(), ...q }, locals.lang, url.hostname);
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `inline; filename="works${q.neighbourhood ? `-${q.neighbourhood}` : ''}.ics"`,
			'cache-control': 'public, max-age=900'
		}
	});
});

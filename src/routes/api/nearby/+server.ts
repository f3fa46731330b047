import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { endpoint } from '$lib/server/http/endpoint';
import { ApiError } from '$lib/server/http/errors';
import { parseSearchParams } from '$lib/server/http/validate';
import { worksNearby } from '$lib/server/public/nearby';
import { defaultCityCode } from '$lib/server/city';
import { NEARBY_DAYS, NEARBY_RADIUS_M } from '$lib/domain/my-street';

const coordinate = (min: number, max: number) =>
	z
		.string()
		.regex(/^-?\d+(\.\d+)?$/, { error: 'error.coordinate_format' })
		.transform(Number)
		.refine((v) => v >= min && v <= max, { error: 'error.coordinate_format' });
const query = z.object({
	lon: coordinate(-180, 180).optional(),
	lat: coordinate(-90, 90).optional(),
	neighbourhood: z
		.string()
		.regex(/^[a-z0-9][a-z0-9_-]{1,62}$/, { error: 'error.neighbourhood_format' })
		.optional(),
	radius: z
		.string()
		.regex(/^\d{1,4}$/, { error: 'error.radius_format' })
		.transform(Number)
		.refine((v) => v >= 10 && v <= 2000, { error: 'error.radius_format' })
		.optional(),
	days: z
		.string()
		.regex(/^\d{1,3}$/, { error: 'error.days_format' })
		.transform(Number)
		.refine((v) => v >= 1 && v <= 365, { error: 'error.days_format' })
		.optional()
});

/** "My street": works within 200 m of a point or a neighbourhood in the next 90 days, in plain words. */
export const GET = endpoint(async ({ url, locals }) => {
	const q = parseSearchParams(url, query, locals.lang);
	const hasPoint = q.lon !== undefined && q.lat !== undefined;
	if (hasPoint === !!q.neighbourhood) throw new ApiError(400, 'invalid_query', 'error.nearby_scope');
	const works = await worksNearby(
		locals.db,
		{ cityCode: defaultCityCode(), point: hasPoint ? [q.lon!, q.lat!] : undefined, neighbourhood: q.neighbourhood },
		{ radiusM: q.radius ?? NEARBY_RADIUS_M, days: q.days ?? NEARBY_DAYS, lang: locals.lang }
	);
	return json({ radius_m: q.radius ?? NEARBY_RADIUS_M, days: q.days ?? NEARBY_DAYS, works });
});

import { z } from 'zod';
import { endpoint } from '$lib/server/http/endpoint';
import { parseSearchParams } from '$lib/server/http/validate';
import { bboxParam } from '$lib/server/http/params';
import { geojsonResponse } from '$lib/server/http/responses';
import { historicDistrictCollection } from '$lib/server/historic-districts/queries';
import { defaultCityCode } from '$lib/server/city';

const query = z.object({ bbox: bboxParam.optional() });

export const GET = endpoint(async ({ url, locals }) => {
	const q = parseSearchParams(url, query, locals.lang);
	return geojsonResponse(await historicDistrictCollection(locals.db, { cityCode: defaultCityCode(), bbox: q.bbox }));
});

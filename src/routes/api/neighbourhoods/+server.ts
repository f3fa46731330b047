import { z } from 'zod';
import { endpoint } from '$lib/server/http/endpoint';
import { parseSearchParams } from '$lib/server/http/validate';
import { bboxParam, codeList, isoDate, orderedDates, districtList } from '$lib/server/http/params';
import { geojsonResponse } from '$lib/server/http/responses';
import { neighbourhoodCollection } from '$lib/server/neighbourhoods/queries';
import { defaultCityCode } from '$lib/server/city';
import { NEIGHBOURHOOD_STATUSES, RAIN_SEWAGE_STATES } from '$lib/domain/codes';

const query = orderedDates(
	z.object({
		bbox: bboxParam.optional(),
		from: isoDate.optional(),
		to: isoDate.optional(),
		at: isoDate.optional(),
		district: districtList.optional(),
		status: codeList(NEIGHBOURHOOD_STATUSES).optional(),
		rain_sewage: codeList(RAIN_SEWAGE_STATES).optional(),
		batch_year: z
			.string()
			.regex(/^\d{4}(,\d{4})*$/, { error: 'error.year_format' })
			.transform((v) => v.split(',').map(Number))
			.optional()
	})
);

export const GET = endpoint(async ({ url, locals }) => {
	const q = parseSearchParams(url, query, locals.lang);
	const body = await neighbourhoodCollection(
		locals.db,
		{
			cityCode: defaultCityCode(),
			bbox: q.bbox,
			from: q.from,
			to: q.to,
			at: q.at,
			district: q.district,
			status: q.status,
			rainSewage: q.rain_sewage,
			batchYear: q.batch_year
		},
		locals.user ? 'staff' : 'public'
	);
	return geojsonResponse(body);
});

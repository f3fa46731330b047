import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { endpoint } from '$lib/server/http/endpoint';
import { parseBody, parseSearchParams, readJson } from '$lib/server/http/validate';
import { crsParam } from '$lib/server/http/crs';
import { requireRole } from '$lib/server/auth/guard';
import { workFeatureSchema } from '$lib/server/works/input';
import { registerWork, validateWork } from '$lib/server/works/register';
import { bboxParam, codeList, isoDate, orderedDates, districtList } from '$lib/server/http/params';
import { geojsonResponse } from '$lib/server/http/responses';
import { viewerOf, workCollection } from '$lib/server/works/queries';
import { defaultCityCode } from '$lib/server/city';
import { UTILITIES, WORK_KINDS, WORK_STATUSES } from '$lib/domain/codes';

const query = orderedDates(
	z.object({
		bbox: bboxParam.optional(),
		from: isoDate.optional(),
		to: isoDate.optional(),
		organisation: z
			.string()
			.regex(/^[a-z0-9_,-]+$/, { error: 'error.organisation_format' })
			.transform((v) => v.split(','))
			.optional(),
		utility: codeList(UTILITIES).optional(),
		kind: codeList(WORK_KINDS).optional(),
		status: codeList(WORK_STATUSES).optional(),
		district: districtList.optional(),
		neighbourhood: z
			.string()
			.regex(/^[a-z0-9][a-z0-9_-]{1,62}$/, { error: 'error.neighbourhood_format' })
			.optional(),
		needs_review: z
			.enum(['true', 'false'], { error: 'error.boolean_format' })
			.transform((v) => v === 'true')
			.optional()
	})
);

export const GET = endpoint(async ({ url, locals }) => {
	const { needs_review, ...q } = parseSearchParams(url, query, locals.lang);
	const body = await workCollection(locals.db, { cityCode: defaultCityCode(), ...q, needsReview: needs_review }, viewerOf(locals.user));
	return geojsonResponse(body);
});

/** Registers a work (signed in as a utility or planner): 201 with its id and conflicts. */
export const POST = endpoint(async ({ request, url, locals }) => {
	const user = requireRole(locals.user, 'planner', 'utility');
	const feature = parseBody(await readJson(request), workFeatureSchema, locals.lang);
	const work = await validateWork(locals.db, feature, user, crsParam(url), defaultCityCode(), locals.lang);
	return json(await registerWork(locals.db, work, user, defaultCityCode(), locals.lang), { status: 201 });
});

import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { endpoint } from '$lib/server/http/endpoint';
import { parseSearchParams } from '$lib/server/http/validate';
import { bboxParam, codeList, isoDate, orderedDates, districtList } from '$lib/server/http/params';
import { requireRole } from '$lib/server/auth/guard';
import { conflictCollection, listConflicts } from '$lib/server/conflicts/list';
import { CONFLICT_KINDS } from '$lib/server/conflicts/engine';
import { defaultCityCode } from '$lib/server/city';

const query = orderedDates(
	z.object({
		bbox: bboxParam.optional(),
		from: isoDate.optional(),
		to: isoDate.optional(),
		district: districtList.optional(),
		kind: codeList(CONFLICT_KINDS).optional(),
		severity: codeList(['high', 'medium', 'low'] as const).optional(),
		organisation: z
			.string()
			.regex(/^[a-z0-9_,-]+$/, { error: 'error.organisation_format' })
			.transform((v) => v.split(','))
			.optional(),
		work: z
			.string()
			.regex(/^\d{1,15}$/, { error: 'error.work_id_format' })
			.transform(Number)
			.optional(),
		format: z.enum(['geojson', 'json']).optional()
	})
);

/** Conflicts for planners and utilities: GeoJSON located where the works meet (or `format=json`, a list). */
export const GET = endpoint(async ({ url, locals }) => {
	requireRole(locals.user, 'planner', 'utility');
	const { format, ...filter } = parseSearchParams(url, query, locals.lang);
	const conflicts = await listConflicts(locals.db, { cityCode: defaultCityCode(), ...filter }, locals.lang);
	if (format === 'json') return json({ conflicts });
	return json(conflictCollection(conflicts), { headers: { 'content-type': 'application/geo+json; charset=utf-8' } });
});

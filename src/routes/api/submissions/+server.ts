import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { endpoint } from '$lib/server/http/endpoint';
import { parseBody, parseSearchParams, readJson } from '$lib/server/http/validate';
import { codeList } from '$lib/server/http/params';
import { requireRole } from '$lib/server/auth/guard';
import { clientHash, listSubmissions, SUBMISSION_CATEGORIES, submitResident } from '$lib/server/submissions/submissions';
import { defaultCityCode } from '$lib/server/city';

const body = z.object({
	neighbourhood_id: z.string().min(1).max(64),
	kind: z.enum(['need', 'evaluation']),
	category: z.enum(SUBMISSION_CATEGORIES).optional(),
	rating: z.number().int().optional(),
	body: z.string().max(5000)
});

/** A resident's need or evaluation; stored as pending until a planner publishes it. No sign-in. */
export const POST = endpoint(async ({ request, locals, getClientAddress }) => {
	const input = parseBody(await readJson(request, 20_000), body, locals.lang);
	const client = await clientHash(locals.db, getClientAddress(), request.headers.get('user-agent') ?? '');
	return json(await submitResident(locals.db, input, client, defaultCityCode(), locals.lang), { status: 201 });
});

const query = z.object({
	status: codeList(['pending', 'published', 'hidden'] as const).optional(),
	neighbourhood: z
		.string()
		.regex(/^[a-z0-9][a-z0-9_-]{1,62}$/, { error: 'error.neighbourhood_format' })
		.optional()
});

/** The moderation queue and history, for planners. */
export const GET = endpoint(async ({ url, locals }) => {
	requireRole(locals.user, 'planner');
	const q = parseSearchParams(url, query, locals.lang);
	return json({ submissions: await listSubmissions(locals.db, defaultCityCode(), q) });
});

import { json } from '@sveltejs/kit';
import { z } from 'zod';
import type { RequestEvent } from './$types';
import { endpoint } from '$lib/server/http/endpoint';
import { notFound } from '$lib/server/http/errors';
import { parseBody, readJson } from '$lib/server/http/validate';
import { requireRole } from '$lib/server/auth/guard';
import { moderateSubmission } from '$lib/server/submissions/submissions';
import { defaultCityCode } from '$lib/server/city';

const body = z.object({ action: z.enum(['publish', 'hide']), reason: z.string().max(500).optional() });

/** A planner publishes a submission, or hides it with a reason. */
export const POST = endpoint(async ({ params, request, locals }: RequestEvent) => {
	const user = requireRole(locals.user, 'planner');
	if (!/^\d{1,15}$/.test(params.id)) throw notFound(params.id);
	const { action, reason } = parseBody(await readJson(request, 10_000), body, locals.lang);
	return json(await moderateSubmission(locals.db, Number(params.id), action, reason, user, defaultCityCode(), locals.lang));
});

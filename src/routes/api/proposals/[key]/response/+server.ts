import { json } from '@sveltejs/kit';
import { z } from 'zod';
import type { RequestEvent } from './$types';
import { endpoint } from '$lib/server/http/endpoint';
import { notFound } from '$lib/server/http/errors';
import { parseBody, readJson } from '$lib/server/http/validate';
import { requireRole } from '$lib/server/auth/guard';
import { answerProposal } from '$lib/server/conflicts/proposals';
import { defaultCityCode } from '$lib/server/city';

const body = z.object({ decision: z.enum(['accepted', 'declined']), reason: z.string().max(500).optional() });

/** A utility in the group accepts or declines sharing the trench; recorded per organisation. */
export const POST = endpoint(async ({ params, request, locals }: RequestEvent) => {
	const user = requireRole(locals.user, 'utility', 'planner');
	if (!/^\d+(-\d+)+$/.test(params.key)) throw notFound(params.key);
	const { decision, reason } = parseBody(await readJson(request, 10_000), body, locals.lang);
	return json(await answerProposal(locals.db, params.key, decision, reason, user, defaultCityCode()));
});

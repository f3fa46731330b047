import { json } from '@sveltejs/kit';
import type { RequestEvent } from './$types';
import { z } from 'zod';
import { endpoint } from '$lib/server/http/endpoint';
import { parseBody, readJson } from '$lib/server/http/validate';
import { workIdParam } from '$lib/server/http/ids';
import { requireRole } from '$lib/server/auth/guard';
import { changeStatus } from '$lib/server/works/lifecycle';
import { defaultCityCode } from '$lib/server/city';
import { WORK_STATUSES } from '$lib/domain/codes';

const body = z.object({ status: z.enum(WORK_STATUSES), reason: z.string().max(500).optional() });

/** Approve, reject (back to draft, with a reason), start, backfill, restore or cancel a work. */
export const POST = endpoint(async ({ params, request, locals }: RequestEvent) => {
	const user = requireRole(locals.user, 'planner', 'utility');
	const { status, reason } = parseBody(await readJson(request, 10_000), body, locals.lang);
	return json(await changeStatus(locals.db, workIdParam(params.id), status, reason, user, defaultCityCode(), locals.lang));
});

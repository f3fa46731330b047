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

const body = z.object({ status: z.enum(WORK_STATUSES), reason: z.string().max(500).optional(), confirm_conflicts: z.boolean().optional() });

/**
 * Approve, reject (back to draft, with a reason), start, backfill, restore or cancel a work. A work
 * with conflicts is approved only with `confirm_conflicts: true` and a reason; otherwise 409 lists them.
 */
export const POST = endpoint(async ({ params, request, locals }: RequestEvent) => {
	const user = requireRole(locals.user, 'planner', 'utility');
	const { status, reason, confirm_conflicts } = parseBody(await readJson(request, 10_000), body, locals.lang);
	return json(
		await changeStatus(locals.db, workIdParam(params.id), { status, reason, confirmConflicts: confirm_conflicts }, user, defaultCityCode(), locals.lang)
	);
});

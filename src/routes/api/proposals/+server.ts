import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { endpoint } from '$lib/server/http/endpoint';
import { parseSearchParams } from '$lib/server/http/validate';
import { requireRole } from '$lib/server/auth/guard';
import { listProposals } from '$lib/server/conflicts/proposals';
import { defaultCityCode } from '$lib/server/city';

const query = z.object({
	organisation: z
		.string()
		.regex(/^[a-z0-9][a-z0-9_-]{1,62}$/, { error: 'error.organisation_format' })
		.optional()
});

/** Joint-works proposals, the largest saving first (planners and utilities). */
export const GET = endpoint(async ({ url, locals }) => {
	const user = requireRole(locals.user, 'planner', 'utility');
	const q = parseSearchParams(url, query, locals.lang);
	// a utility's own drafts join its proposals, so the key its save answered is listed
	const viewer = { draftsOf: user.role === 'utility' ? user.organisationId : null };
	return json({ proposals: await listProposals(locals.db, defaultCityCode(), q, viewer) });
});

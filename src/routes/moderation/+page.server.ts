import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { listSubmissions, moderateSubmission, submissionCounts } from '$lib/server/submissions/submissions';
import { DomainError } from '$lib/server/errors';
import { httpStatus } from '$lib/server/http/errors';
import { defaultCityCode } from '$lib/server/city';
import { SUBMISSION_STATUSES, type SubmissionStatus } from '$lib/domain/codes';
import { t } from '$lib/i18n';

const NB_ID = /^[a-z0-9][a-z0-9_-]{1,62}$/;

/** The planners' moderation queue (pending) and its history (published, hidden), one list at a time. */
export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
	if (locals.user.role !== 'planner') error(403, t(locals.lang, 'error.forbidden'));
	const asked = url.searchParams.get('status');
	const status: SubmissionStatus = (SUBMISSION_STATUSES as readonly string[]).includes(asked ?? '') ? (asked as SubmissionStatus) : 'pending';
	const nb = url.searchParams.get('neighbourhood');
	const neighbourhood = nb && NB_ID.test(nb) ? nb : undefined;
	const city = defaultCityCode();
	return {
		status,
		neighbourhood: neighbourhood ?? null,
		submissions: await listSubmissions(locals.db, city, { status: [status], neighbourhood }),
		counts: await submissionCounts(locals.db, city, neighbourhood)
	};
};

export const actions: Actions = {
	/** publish, or hide with a reason; a refusal is answered in the planner's language, next to the item */
	moderate: async ({ request, locals }) => {
		const form = await request.formData();
		const id = Number(form.get('id'));
		if (!locals.user) return fail(401, { id, message: t(locals.lang, 'error.unauthenticated') });
		if (locals.user.role !== 'planner') return fail(403, { id, message: t(locals.lang, 'error.forbidden') });
		const action = form.get('action');
		if (!Number.isSafeInteger(id) || (action !== 'publish' && action !== 'hide')) return fail(400, { id, message: t(locals.lang, 'pub.moderation.bad_form') });
		const reason = String(form.get('reason') ?? '').slice(0, 500);
		try {
			const done = await moderateSubmission(locals.db, id, action, reason, locals.user, defaultCityCode(), locals.lang);
			return { id, done: done.status };
		} catch (err) {
			if (err instanceof DomainError) return fail(httpStatus(err), { id, message: t(locals.lang, err.key, err.params) });
			throw err;
		}
	}
};

import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authenticate } from '$lib/server/auth/session';
import { startSession } from '$lib/server/auth/cookies';
import { t } from '$lib/i18n';

export const load: PageServerLoad = async ({ locals }) => {
	if (locals.user) redirect(303, '/');
};

export const actions: Actions = {
	default: async ({ request, locals, cookies, url }) => {
		const form = await request.formData();
		const email = String(form.get('email') ?? '').trim();
		const password = String(form.get('password') ?? '');
		if (!email || !password) return fail(400, { email, message: t(locals.lang, 'error.login_missing') });
		const userId = await authenticate(locals.db, email, password);
		if (userId === null) return fail(400, { email, message: t(locals.lang, 'error.login_failed') });
		await startSession(locals.db, cookies, userId, url.protocol === 'https:');
		const next = url.searchParams.get('next');
		redirect(303, next?.startsWith('/') && !next.startsWith('//') ? next : '/');
	}
};

import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { endpoint } from '$lib/server/http/endpoint';
import { ApiError } from '$lib/server/http/errors';
import { parseBody, readJson } from '$lib/server/http/validate';
import { authenticate, sessionUser } from '$lib/server/auth/session';
import { endSession, startSession } from '$lib/server/auth/cookies';
import { publicUser } from '$lib/server/auth/public-user';

const credentials = z.object({
	email: z.string({ error: 'error.login_missing' }).min(1, { error: 'error.login_missing' }).max(200),
	password: z.string({ error: 'error.login_missing' }).min(1, { error: 'error.login_missing' }).max(200)
});

export const GET = endpoint(async ({ locals }) => json({ user: publicUser(locals.user) }));

export const POST = endpoint(async ({ request, locals, cookies, url }) => {
	const { email, password } = parseBody(await readJson(request, 10_000), credentials, locals.lang);
	const userId = await authenticate(locals.db, email, password);
	if (userId === null) throw new ApiError(401, 'login_failed', 'error.login_failed');
	const token = await startSession(locals.db, cookies, userId, url.protocol === 'https:');
	return json({ user: publicUser(await sessionUser(locals.db, token)) });
});

export const DELETE = endpoint(async ({ locals, cookies }) => {
	await endSession(locals.db, cookies);
	return new Response(null, { status: 204 });
});

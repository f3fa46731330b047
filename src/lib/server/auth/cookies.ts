import type { Cookies } from '@sveltejs/kit';
import type { Queryable } from '$lib/server/db';
import { createSession, deleteSession, SESSION_COOKIE } from './session';

/** HttpOnly and SameSite=Lax; Secure whenever the site is served over https. */
export async function startSession(db: Queryable, cookies: Cookies, userId: number, secure: boolean) {
	const { token, expires } = await createSession(db, userId);
	cookies.set(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires });
	return token;
}

export async function endSession(db: Queryable, cookies: Cookies) {
	const token = cookies.get(SESSION_COOKIE);
	if (token) await deleteSession(db, token);
	cookies.delete(SESSION_COOKIE, { path: '/' });
}

import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { appDb } from '$lib/server/db/app';
import { SESSION_COOKIE, sessionUser } from '$lib/server/auth/session';
import { pickLang, t } from '$lib/i18n';
import { correctGuessedScheme, refuseCrossSiteForm } from '$lib/server/http/csrf';

export const init: ServerInit = async () => {
	await appDb();
};

export const handle: Handle = async ({ event, resolve }) => {
	if (!dev) correctGuessedScheme(event.url);
	event.locals.db = await appDb();
	event.locals.lang = pickLang(event.url.searchParams.get('lang'), event.cookies.get('lang'), event.request.headers.get('accept-language'));
	const asked = event.url.searchParams.get('lang');
	if (asked === event.locals.lang && asked !== event.cookies.get('lang')) {
		event.cookies.set('lang', asked, { path: '/', maxAge: 365 * 86_400, httpOnly: false, sameSite: 'lax', secure: event.url.protocol === 'https:' });
	}
	const refused = refuseCrossSiteForm(event);
	if (refused) return refused;
	const token = event.cookies.get(SESSION_COOKIE);
	event.locals.user = token ? await sessionUser(event.locals.db, token) : null;

	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.lang === 'zh' ? 'zh-CN' : 'en')
	});
};

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status >= 500) console.error(error);
	const lang = event.locals.lang ?? 'zh';
	return { message: status >= 500 ? t(lang, 'error.internal') : message, code: status >= 500 ? 'internal' : 'not_found' };
};

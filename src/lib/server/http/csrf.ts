import { json, text, type RequestEvent } from '@sveltejs/kit';
import { stringify } from 'devalue';
import { t } from '$lib/i18n';

// the content types a page on another site can post without asking first (no CORS preflight):
// https://developer.mozilla.org/en-US/docs/Web/API/HTMLFormElement/enctype — and SvelteKit's own
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain', 'application/x-sveltekit-formdata'];
const WRITES = ['POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * Corrects the scheme adapter-node guesses for a request. With neither ORIGIN nor PROTOCOL_HEADER
 * set it takes every request for `https:` (it expects a TLS proxy in front), yet the Node server
 * itself only ever speaks plain HTTP — so a newcomer's `npm start` opened at http://127.0.0.1 saw
 * its own forms as coming from another address, and its cookies marked Secure.
 * https://svelte.dev/docs/kit/adapter-node#Environment-variables-ORIGIN-PROTOCOL_HEADER-HOST_HEADER-and-PORT_HEADER
 */
export function correctGuessedScheme(url: URL, env: Record<string, string | undefined> = process.env): void {
	if (!env.ORIGIN && !env.PROTOCOL_HEADER && url.protocol === 'https:') url.protocol = 'http:';
}

/**
 * SvelteKit's CSRF check, done here instead of in the framework (`csrf.trustedOrigins: ['*']` in
 * svelte.config.js) so that a refused form says why in the person's language: the framework's
 * answer is a bare English 403 that `use:enhance` cannot show, so the form looked as if nothing
 * happened. The rule is the framework's: a form post whose `Origin` is not this server's own is
 * refused. "This server's own" is the address the request came to (adapter-node's ORIGIN when
 * set, else the Host header), so the same form works at localhost, 127.0.0.1 and a LAN address.
 */
export function refuseCrossSiteForm(event: RequestEvent): Response | null {
	const { request, url } = event;
	if (!WRITES.includes(request.method)) return null;
	const type = request.headers.get('content-type')?.split(';', 1)[0].trim().toLowerCase() ?? '';
	if (!FORM_TYPES.includes(type)) return null;
	const from = request.headers.get('origin');
	if (from === url.origin) return null;

	const message = t(event.locals.lang, 'error.cross_origin', { from: from ?? 'null', here: url.origin });
	// `use:enhance` reads an action result; `failure` keeps the form and shows `form.message`
	if (request.headers.get('x-sveltekit-action') === 'true') {
		return json({ type: 'failure', status: 403, data: stringify({ message, code: 'cross_origin' }) }, { status: 403 });
	}
	if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/ogc') || request.headers.get('accept')?.includes('application/json')) {
		return json({ error: { code: 'cross_origin', message } }, { status: 403 });
	}
	return text(message, { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

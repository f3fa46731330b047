import { json } from '@sveltejs/kit';
import { t, type Lang, type MessageKey, type MessageParams } from '$lib/i18n';

/** An error a person can act on: an HTTP status, a stable code, and a message in their language. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		readonly key: MessageKey,
		readonly params: MessageParams = {},
		readonly details?: unknown
	) {
		super(`${code}: ${key}`);
	}
}

export function errorResponse(err: ApiError, lang: Lang): Response {
	const body: { error: { code: string; message: string; details?: unknown } } = {
		error: { code: err.code, message: t(lang, err.key, err.params) }
	};
	if (err.details !== undefined) body.error.details = err.details;
	return json(body, { status: err.status });
}

export const notFound = (what: string) => new ApiError(404, 'not_found', 'error.not_found', { what });

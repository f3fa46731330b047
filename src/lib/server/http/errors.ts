import { json } from '@sveltejs/kit';
import { t, type Lang, type MessageKey, type MessageParams } from '$lib/i18n';
import { DomainError, Forbidden, Invalid, NotFound, StateConflict, TooMany, Unauthenticated } from '../errors';

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

/** Each domain error's HTTP status: the one place the domain's refusals become HTTP. */
const STATUS = new Map<abstract new (...args: never[]) => DomainError, number>([
	[Invalid, 400],
	[Unauthenticated, 401],
	[Forbidden, 403],
	[NotFound, 404],
	[StateConflict, 409],
	[TooMany, 429]
]);

export function httpStatus(err: DomainError): number {
	for (const [kind, status] of STATUS) if (err instanceof kind) return status;
	return 400;
}

/** A domain error as the API answers it: its status, its code, its message and details. */
export const fromDomain = (err: DomainError) => new ApiError(httpStatus(err), err.code, err.key, err.params, err.details);

export function errorResponse(err: ApiError, lang: Lang): Response {
	const body: { error: { code: string; message: string; details?: unknown } } = {
		error: { code: err.code, message: t(lang, err.key, err.params) }
	};
	if (err.details !== undefined) body.error.details = err.details;
	return json(body, { status: err.status });
}

export const notFound = (what: string) => new ApiError(404, 'not_found', 'error.not_found', { what });

import type { RequestEvent } from '@sveltejs/kit';
import { ApiError, errorResponse, fromDomain } from './errors';
import { DomainError } from '../errors';

/** SQLSTATE classes that mean "the data broke a rule", not "the server broke". */
const DATA_ERROR = /^(22|23)/;

/**
 * Wraps an API handler so every failure answers in the `{"error":{"code","message"}}` shape:
 * an ApiError with its own status; a domain error with the status of its kind; a constraint the validation missed as a 400 naming the rule;
 * anything else as a logged 500.
 */
export function endpoint<E extends RequestEvent>(handler: (event: E) => Promise<Response>): (event: E) => Promise<Response> {
	return async (event: E) => {
		try {
			return await handler(event);
		} catch (err) {
			const lang = event.locals.lang ?? 'zh';
			if (err instanceof ApiError) return errorResponse(err, lang);
			if (err instanceof DomainError) return errorResponse(fromDomain(err), lang);
			const sqlState = (err as { code?: unknown }).code;
			if (typeof sqlState === 'string' && DATA_ERROR.test(sqlState)) {
				const rule = (err as { constraint?: string }).constraint ?? (err as Error).message;
				return errorResponse(new ApiError(400, 'constraint', 'error.constraint', { rule }), lang);
			}
			console.error(err);
			return errorResponse(new ApiError(500, 'internal', 'error.internal'), lang);
		}
	};
}

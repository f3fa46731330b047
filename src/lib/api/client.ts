import { t, type Lang } from '$lib/i18n';

/** One problem the server named, by field: `properties.end_date`, `geometry`… */
export interface FieldError {
	path: string;
	message: string;
}

/** The `details` of an API error, with paths dotted whichever check produced them. */
export function fieldErrors(body: unknown): FieldError[] {
	const details = (body as { error?: { details?: unknown } } | null)?.error?.details;
	if (!Array.isArray(details)) return [];
	return details.flatMap((d) => {
		const path = Array.isArray(d?.path) ? d.path.join('.') : typeof d?.path === 'string' ? d.path : '';
		return typeof d?.message === 'string' ? [{ path, message: d.message }] : [];
	});
}

/**
 * Why a request to the API did not give its answer:
 * `api` the server refused in the error shape (its own message, in the person's language);
 * `unreadable` the body was empty or not JSON (a proxy's HTML 502), or an error without a message;
 * `network` the server was not reached, or the connection broke before the body arrived; `aborted` the caller cancelled it (nothing to show).
 */
export type ApiFailureKind = 'api' | 'unreadable' | 'network' | 'aborted';

/** A failed request, with a message a person can read and act on. */
export class ApiFailure extends Error {
	constructor(
		readonly kind: ApiFailureKind,
		/** the HTTP status, 0 when no answer came */
		readonly status: number,
		/** the server's error code (`invalid_work`, `forbidden`…), or the kind when the server gave none */
		readonly code: string,
		message: string,
		readonly errors: FieldError[] = [],
		/** what the server's error carried beside its message (e.g. the conflicts an approval must confirm) */
		readonly details?: unknown
	) {
		super(message);
		this.name = 'ApiFailure';
	}

	get aborted() {
		return this.kind === 'aborted';
	}
}

/** The outcome of a request for callers that show a failure rather than throw it. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; message: string; errors: FieldError[]; failure: ApiFailure };

export interface RequestOptions {
	signal?: AbortSignal;
}

/** The page's language as the server rendered it (`<html lang>`), so the client's own messages match the server's. */
function pageLang(): Lang {
	return typeof document !== 'undefined' && document.documentElement.lang.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/**
 * The browser's one way to talk to the API: JSON in and out, cancellable, and every failure thrown
 * as an ApiFailure whose message is fit to show. `fetcher` and `lang` are for tests and for pages
 * whose language is not the document's.
 */
export class ApiClient {
	constructor(
		private readonly fetcher: typeof fetch = (...args) => fetch(...args),
		private readonly lang: () => Lang = pageLang
	) {}

	get<T>(url: string, options: RequestOptions = {}): Promise<T> {
		return this.request<T>('GET', url, undefined, options);
	}

	post<T>(url: string, body: unknown, options: RequestOptions = {}): Promise<T> {
		return this.request<T>('POST', url, body, options);
	}

	patch<T>(url: string, body: unknown, options: RequestOptions = {}): Promise<T> {
		return this.request<T>('PATCH', url, body, options);
	}

	/** Like `request`, but a failure is returned (for forms and buttons that show it beside themselves). */
	async attempt<T>(method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown, options: RequestOptions = {}): Promise<ApiResult<T>> {
		try {
			return { ok: true, data: await this.request<T>(method, url, body, options) };
		} catch (err) {
			const failure = this.#failure(err, options.signal);
			return { ok: false, status: failure.status, message: failure.message, errors: failure.errors, failure };
		}
	}

	async request<T>(method: 'GET' | 'POST' | 'PATCH', url: string, body: unknown, options: RequestOptions = {}): Promise<T> {
		const headers: Record<string, string> = { accept: 'application/json' };
		if (body !== undefined) headers['content-type'] = 'application/json';
		let res: Response;
		let text: string;
		try {
			res = await this.fetcher(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: options.signal });
			text = await res.text();
		} catch (err) {
			throw this.#failure(err, options.signal);
		}
		// an answer that arrived after the caller moved on is not theirs any more
		if (options.signal?.aborted) throw this.#failure(null, options.signal);
		if (res.status === 204) return undefined as T;
		let json: unknown;
		try {
			json = JSON.parse(text);
		} catch {
			throw new ApiFailure('unreadable', res.status, 'unreadable', t(this.lang(), 'error.unreadable', { status: res.status }));
		}
		if (res.ok) return json as T;
		const error = (json as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
		if (typeof error?.message !== 'string' || !error.message) {
			throw new ApiFailure('unreadable', res.status, 'unreadable', t(this.lang(), 'error.unreadable', { status: res.status }));
		}
		throw new ApiFailure('api', res.status, typeof error.code === 'string' ? error.code : 'error', error.message, fieldErrors(json), error.details);
	}

	#failure(err: unknown, signal: AbortSignal | undefined): ApiFailure {
		if (err instanceof ApiFailure) return err;
		if (signal?.aborted || (err as Error | null)?.name === 'AbortError') return new ApiFailure('aborted', 0, 'aborted', 'aborted');
		return new ApiFailure('network', 0, 'network', t(this.lang(), 'error.network'));
	}
}

/** The client the pages share. */
export const api = new ApiClient();

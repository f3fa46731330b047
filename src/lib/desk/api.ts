import { fieldErrors, type FieldError } from '$lib/state/live-check.svelte';

/** The outcome of a write to the API, as the desk panels show it. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; message: string; errors: FieldError[]; code?: string; details?: unknown };

/** Sends JSON and reads the answer; a failure carries the server's message and field details. */
export async function send<T>(method: 'POST' | 'PATCH', url: string, body: unknown): Promise<ApiResult<T>> {
	let res: Response;
	try {
		res = await fetch(url, { method, headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) });
	} catch (err) {
		return { ok: false, status: 0, message: (err as Error).message, errors: [] };
	}
	const json = await res.json().catch(() => null);
	if (res.ok) return { ok: true, data: json as T };
	const error = (json as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
	return { ok: false, status: res.status, message: error?.message ?? `HTTP ${res.status}`, errors: fieldErrors(json), code: error?.code, details: error?.details };
}

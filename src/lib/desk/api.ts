import { fieldErrors, type FieldError } from '$lib/state/live-check.svelte';

/** The outcome of a write to the API, as the desk panels show it. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; message: string; errors: FieldError[] };

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
	return { ok: false, status: res.status, message: (json as { error?: { message?: string } } | null)?.error?.message ?? `HTTP ${res.status}`, errors: fieldErrors(json) };
}

import { z } from 'zod';
import { t, type Lang, type MessageKey } from '$lib/i18n';
import { ApiError } from './errors';

/**
 * Schemas here carry message keys as their error text (`{ error: 'error.bbox_format' }`); the key is
 * translated with the parameter's name and value. Anything else falls back to zod's own locale.
 */
function issueMessage(issue: z.core.$ZodIssue, lang: Lang, input: Record<string, unknown>): string {
	const name = issue.path.map(String).join('.') || '—';
	const top = issue.path[0];
	const value = top === undefined ? '' : String(input[String(top)] ?? '');
	if (issue.message.startsWith('error.')) {
		const params = (issue as { params?: Record<string, string> }).params ?? {};
		return t(lang, issue.message as MessageKey, { ...stringValues(input), name, value, ...params });
	}
	return `${name}: ${issue.message}`;
}

const stringValues = (input: Record<string, unknown>) =>
	Object.fromEntries(Object.entries(input).filter(([, v]) => typeof v === 'string' || typeof v === 'number') as [string, string][]);

const localeError = (lang: Lang) => (lang === 'zh' ? z.locales.zhCN() : z.locales.en()).localeError;

export function parseSearchParams<S extends z.ZodObject>(url: URL, schema: S, lang: Lang): z.output<S> {
	const allowed = Object.keys(schema.shape);
	const input: Record<string, string> = {};
	for (const [key, value] of url.searchParams) {
		if (key === 'lang') continue;
		if (!allowed.includes(key)) {
			throw new ApiError(400, 'unknown_parameter', 'error.unknown_parameter', {
				name: key,
				allowed: allowed.join(', ')
			});
		}
		input[key] = value;
	}
	const result = schema.safeParse(input, { error: localeError(lang) });
	if (!result.success) {
		const details = result.error.issues.map((issue) => issueMessage(issue, lang, input));
		throw new ApiError(400, 'invalid_query', 'error.invalid_query', { details: details.join('；') });
	}
	return result.data;
}

/** Reads a JSON body, refusing what is not JSON or is too large, before any schema is applied. */
export async function readJson(request: Request, limitBytes = 1_000_000): Promise<unknown> {
	const text = await request.text();
	if (text.length > limitBytes) {
		throw new ApiError(413, 'too_large', 'error.too_large', { limit: `${Math.round(limitBytes / 1000)} kB` });
	}
	try {
		return JSON.parse(text);
	} catch (err) {
		throw new ApiError(400, 'invalid_json', 'error.invalid_json', { reason: (err as Error).message });
	}
}

export function parseBody<S extends z.ZodType>(body: unknown, schema: S, lang: Lang): z.output<S> {
	const result = schema.safeParse(body, { error: localeError(lang) });
	if (!result.success) {
		const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
		const details = result.error.issues.map((issue) => issueMessage(issue, lang, input));
		// `path` is dotted, as the domain's own problems name fields (`properties.end_date`), so a form
		// can put each message next to its field whichever check found it
		const fields = result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: issueMessage(i, lang, input) }));
		throw new ApiError(400, 'invalid_body', 'error.invalid_body', { details: details.join('；') }, fields);
	}
	return result.data;
}

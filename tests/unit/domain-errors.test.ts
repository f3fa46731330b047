import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Forbidden, Invalid, NotFound, StateConflict, TooMany, Unauthenticated } from '../../src/lib/server/errors';
import { errorResponse, fromDomain, httpStatus } from '../../src/lib/server/http/errors';

const SERVER = resolve(import.meta.dirname, '../../src/lib/server');
/** The HTTP layer itself: the shared handlers, and the OGC API's own request parsing. */
const HTTP = ['http', 'ogc'];

function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []
	);
}

describe('domain errors', () => {
	it('each kind answers with its HTTP status, its code and its message in the request’s language', async () => {
		const cases = [
			[new Invalid('reason_required', 'work.error.reason_required'), 400],
			[new Unauthenticated(), 401],
			[new Forbidden(), 403],
			[new NotFound('#12'), 404],
			[new StateConflict('already_moderated', 'submission.error.already_moderated', { status: '已公开' }), 409],
			[new TooMany('rate_limited', 'submission.error.rate_limited', { per_hour: 5, per_day: 20, minutes: 3 }), 429]
		] as const;
		for (const [err, status] of cases) expect(httpStatus(err)).toBe(status);
		const res = errorResponse(fromDomain(new NotFound('#12')), 'en');
		expect(res.status).toBe(404);
		expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'Could not find #12. Check the link or the id.' } });
	});

	it('carry the problems one by one to the answer’s details', async () => {
		const details = [{ path: 'properties.end_date', message: '结束日期早于开始日期' }];
		const res = errorResponse(fromDomain(new Invalid('invalid_work', 'error.invalid_body', { details: details[0].message }, details)), 'zh');
		expect(res.status).toBe(400);
		expect((await res.json()).error).toMatchObject({ code: 'invalid_work', details });
	});

	it('are all the domain folders throw: none of them speaks HTTP', () => {
		const speaksHttp = sources(SERVER)
			.filter((f) => !HTTP.includes(relative(SERVER, f).split('/')[0]))
			.filter((f) => /\bApiError\b|http\/errors/.test(readFileSync(f, 'utf8')))
			.map((f) => relative(SERVER, f));
		expect(speaksHttp).toEqual([]);
	});
});

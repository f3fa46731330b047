import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, ApiFailure } from '../../src/lib/api/client';
import { t } from '../../src/lib/i18n';

/** A real HTTP server on loopback answering each path with what a real deployment can send back. */
let server: Server;
let base = '';
const received: { method: string; type: string | undefined; body: string }[] = [];
beforeAll(async () => {
	server = createServer((req, res) => {
		let text = '';
		req.on('data', (d) => (text += d));
		req.on('end', () => {
			received.push({ method: req.method!, type: req.headers['content-type'], body: text });
			const path = new URL(req.url!, 'http://x').pathname;
			if (path === '/ok') return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ echo: text ? JSON.parse(text) : null }));
			if (path === '/refused')
				return res.writeHead(400, { 'content-type': 'application/json' }).end(
					JSON.stringify({
						error: { code: 'invalid_work', message: '结束日期早于开始日期', details: [{ path: ['properties', 'end_date'], message: '结束日期早于开始日期' }] }
					})
				);
			if (path === '/proxy') return res.writeHead(502, { 'content-type': 'text/html' }).end('<html><body><h1>502 Bad Gateway</h1></body></html>');
			if (path === '/empty-ok') return res.writeHead(200, { 'content-type': 'application/json' }).end();
			if (path === '/empty-error') return res.writeHead(500).end();
			if (path === '/no-message') return res.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Forbidden' }));
			if (path === '/cut') return req.socket.destroy();
			if (path === '/slow') return void setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{"late":true}'), 2000);
			res.writeHead(404).end();
		});
	});
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
	base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => {
	server.closeAllConnections();
	return new Promise<void>((ok) => server.close(() => ok()));
});

const client = (lang: 'zh' | 'en' = 'zh') =>
	new ApiClient(
		(url, init) => fetch(`${base}${url}`, init),
		() => lang
	);
const failureOf = (promise: Promise<unknown>) =>
	promise.then(
		() => {
			throw new Error('the request was expected to fail');
		},
		(err: unknown) => err as ApiFailure
	);

describe('ApiClient, the browser’s one way to the API', () => {
	it('sends JSON and gives back the parsed answer', async () => {
		expect(await client().post('/ok', { n: 1 })).toEqual({ echo: { n: 1 } });
		expect(received.at(-1)).toEqual({ method: 'POST', type: 'application/json', body: '{"n":1}' });
		expect(await client().get('/ok')).toEqual({ echo: null });
		expect(received.at(-1)?.type).toBeUndefined();
	});

	it('throws the server’s refusal with its code, its message and its field problems', async () => {
		const failure = await failureOf(client().patch('/refused', {}));
		expect(failure).toBeInstanceOf(ApiFailure);
		expect([failure.kind, failure.status, failure.code, failure.message]).toEqual(['api', 400, 'invalid_work', '结束日期早于开始日期']);
		expect(failure.errors).toEqual([{ path: 'properties.end_date', message: '结束日期早于开始日期' }]);
	});

	it('turns a proxy’s HTML page into a readable message naming the status, in the page’s language', async () => {
		const zh = await failureOf(client('zh').get('/proxy'));
		expect([zh.kind, zh.status, zh.message]).toEqual(['unreadable', 502, t('zh', 'error.unreadable', { status: 502 })]);
		const en = await failureOf(client('en').get('/proxy'));
		expect(en.message).toBe(t('en', 'error.unreadable', { status: 502 }));
		expect(en.message).not.toMatch(/JSON|Unexpected|token/);
	});

	it('treats an empty body as unreadable, whether the status says success or failure', async () => {
		for (const [path, status] of [
			['/empty-ok', 200],
			['/empty-error', 500]
		] as const) {
			const failure = await failureOf(client().get(path));
			expect([failure.kind, failure.status, failure.message]).toEqual(['unreadable', status, t('zh', 'error.unreadable', { status })]);
		}
	});

	it('does not pass on an error body that is not the API’s shape', async () => {
		const failure = await failureOf(client('en').get('/no-message'));
		expect([failure.kind, failure.status, failure.message]).toEqual(['unreadable', 403, t('en', 'error.unreadable', { status: 403 })]);
	});

	it('says the server was not reached when the connection fails or breaks', async () => {
		const refused = new ApiClient(
			(url, init) => fetch(`http://127.0.0.1:1${url}`, init),
			() => 'en'
		);
		const unreached = await failureOf(refused.get('/ok'));
		expect([unreached.kind, unreached.status, unreached.message]).toEqual(['network', 0, t('en', 'error.network')]);
		const cut = await failureOf(client().get('/cut'));
		expect([cut.kind, cut.message]).toEqual(['network', t('zh', 'error.network')]);
	});

	it('stops when the caller aborts, and says so without a message to show', async () => {
		const controller = new AbortController();
		const pending = failureOf(client().get('/slow', { signal: controller.signal }));
		controller.abort();
		const failure = await pending;
		expect([failure.kind, failure.aborted]).toEqual(['aborted', true]);
	});

	it('returns a failure instead of throwing it when asked to attempt', async () => {
		expect(await client().attempt('POST', '/ok', { n: 2 })).toEqual({ ok: true, data: { echo: { n: 2 } } });
		const refused = await client().attempt('POST', '/refused', {});
		expect(refused).toMatchObject({ ok: false, status: 400, message: '结束日期早于开始日期', errors: [{ path: 'properties.end_date' }] });
		const proxy = await client().attempt('GET', '/proxy');
		expect(proxy).toMatchObject({ ok: false, status: 502, message: t('zh', 'error.unreadable', { status: 502 }), errors: [] });
	});
});

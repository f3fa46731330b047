import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ViewportFeed } from '../../src/lib/state/viewport-feed.svelte';
import { ApiClient } from '../../src/lib/api/client';
import { t } from '../../src/lib/i18n';

/** A real HTTP server on loopback whose answers take as long as `?delay=` says. */
let server: Server;
let base = '';
const arrived: string[] = [];
const aborted: string[] = [];
beforeAll(async () => {
	server = createServer((req, res) => {
		const url = new URL(req.url!, 'http://x');
		arrived.push(url.searchParams.get('n')!);
		const timer = setTimeout(
			() => {
				if (url.searchParams.has('proxy')) return res.writeHead(502, { 'content-type': 'text/html' }).end('<html><body>502 Bad Gateway</body></html>');
				res.writeHead(url.searchParams.has('fail') ? 400 : 200, { 'content-type': 'application/json' });
				res.end(JSON.stringify(url.searchParams.has('fail') ? { error: { code: 'x', message: 'bad box' } } : { n: url.searchParams.get('n') }));
			},
			Number(url.searchParams.get('delay') ?? 0)
		);
		req.socket.on('close', () => {
			if (!res.writableEnded) aborted.push(url.searchParams.get('n')!);
			clearTimeout(timer);
		});
	});
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
	base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

describe('ViewportFeed, the per-view fetch', () => {
	it('cancels a slower stale request, so its answer never replaces the newer one', async () => {
		const feed = new ViewportFeed<{ n: string }>();
		const stale = feed.load(`${base}/?n=1&delay=10000`);
		// the stale request must be at the server, not still connecting, for its cancelling to show there
		await vi.waitFor(() => expect(arrived).toContain('1'));
		const fresh = feed.load(`${base}/?n=2&delay=10`);
		await Promise.all([stale, fresh]);
		expect(feed.data).toEqual({ n: '2' });
		expect(feed.loading).toBe(false);
		await vi.waitFor(() => expect(aborted).toContain('1'));
	});

	it('does not ask again for what it shows or is already fetching', async () => {
		let calls = 0;
		const feed = new ViewportFeed<{ n: string }>(new ApiClient((...args) => (calls++, fetch(...args))));
		await Promise.all([feed.load(`${base}/?n=3`), feed.load(`${base}/?n=3`)]);
		await feed.load(`${base}/?n=3`);
		expect(calls).toBe(1);
	});

	it('keeps the last good data and reports the API’s message when a request fails', async () => {
		const feed = new ViewportFeed<{ n: string }>();
		await feed.load(`${base}/?n=4`);
		await feed.load(`${base}/?n=5&fail`);
		expect(feed.data).toEqual({ n: '4' });
		expect(feed.error).toBe('bad box');
	});

	it('reports a proxy’s HTML error page in words a person can read, not a JSON parser’s', async () => {
		const feed = new ViewportFeed<{ n: string }>();
		await feed.load(`${base}/?n=6`);
		await feed.load(`${base}/?n=7&proxy`);
		expect(feed.data).toEqual({ n: '6' });
		expect(feed.error).toBe(t('zh', 'error.unreadable', { status: 502 }));
	});
});

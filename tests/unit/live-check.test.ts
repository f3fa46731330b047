import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LiveCheck, fieldErrors } from '../../src/lib/state/live-check.svelte';

/** A real HTTP server on loopback: POST bodies say how long to wait and what to answer. */
let server: Server;
let base = '';
const received: string[] = [];
const aborted: string[] = [];
beforeAll(async () => {
	server = createServer((req, res) => {
		let text = '';
		req.on('data', (d) => (text += d));
		req.on('end', () => {
			const body = JSON.parse(text) as { n: string; delay?: number; fail?: boolean };
			received.push(body.n);
			const timer = setTimeout(() => {
				res.writeHead(body.fail ? 400 : 200, { 'content-type': 'application/json' });
				res.end(
					JSON.stringify(
						body.fail
							? {
									error: {
										code: 'invalid_work',
										message: 'x',
										details: [
											{ path: 'properties.end_date', message: `end ${body.n}` },
											{ path: ['geometry', 'coordinates'], message: 'zod' }
										]
									}
								}
							: { conflicts: [{ id: body.n }], proposal: null }
					)
				);
			}, body.delay ?? 0);
			res.on('close', () => {
				if (!res.writableEnded) aborted.push(body.n);
				clearTimeout(timer);
			});
		});
	});
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
	base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('LiveCheck, the registration form’s conflict check', () => {
	it('asks once the user pauses: quick changes in a row make one request, for the last state', async () => {
		const check = new LiveCheck(undefined, 60);
		const before = received.length;
		for (const n of ['a1', 'a2', 'a3']) {
			check.schedule(base, { n });
			await wait(10);
		}
		expect(check.pending).toBe(true);
		await vi.waitFor(() => expect(check.pending).toBe(false), { timeout: 5000 });
		expect(received.slice(before)).toEqual(['a3']);
		expect(check.answer?.conflicts).toEqual([{ id: 'a3' }]);
	});

	it('aborts a check still running when the form changes, so its answer never replaces the newer one', async () => {
		const check = new LiveCheck(undefined, 0);
		check.schedule(base, { n: 'slow', delay: 400 });
		await wait(80);
		check.schedule(base, { n: 'fast', delay: 10 });
		await wait(550);
		expect(check.answer?.conflicts).toEqual([{ id: 'fast' }]);
		expect(aborted).toContain('slow');
	});

	it('keeps the server’s field problems of a 400, with dotted paths, and clears them with a good answer', async () => {
		const check = new LiveCheck(undefined, 0);
		check.schedule(base, { n: 'bad', fail: true });
		await wait(120);
		expect(check.answer).toBeNull();
		expect(check.errors).toEqual([
			{ path: 'properties.end_date', message: 'end bad' },
			{ path: 'geometry.coordinates', message: 'zod' }
		]);
		check.schedule(base, { n: 'good' });
		await wait(120);
		expect(check.errors).toEqual([]);
		expect(check.answer?.conflicts).toEqual([{ id: 'good' }]);
	});

	it('asks nothing for a form not complete enough, and forgets what it showed', async () => {
		const check = new LiveCheck(undefined, 0);
		check.schedule(base, { n: 'c1' });
		await wait(100);
		const before = received.length;
		check.schedule(base, null);
		await wait(50);
		expect(received.length).toBe(before);
		expect(check.answer).toBeNull();
		expect(check.pending).toBe(false);
	});

	it('reads error details whatever shape they come in, and nothing from a body without them', () => {
		expect(fieldErrors({ error: { details: [{ path: ['properties', 'width_m'], message: 'w' }] } })).toEqual([{ path: 'properties.width_m', message: 'w' }]);
		expect(fieldErrors({ error: { message: 'x' } })).toEqual([]);
		expect(fieldErrors(null)).toEqual([]);
	});
});

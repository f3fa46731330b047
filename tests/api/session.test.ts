import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, startApp, type RunningApp } from '../support/app';

describe('sign-in over HTTP', () => {
	let app: RunningApp;
	beforeAll(async () => {
		app = await startApp('demo');
	});
	afterAll(() => app?.stop());

	it('signs a utility in with an HttpOnly, SameSite session cookie and knows its organisation', async () => {
		const res = await fetch(`${app.url}/api/session`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', origin: app.url },
			body: JSON.stringify({ email: 'water@demo.digonce.cn', password: 'demo-password' })
		});
		expect(res.status).toBe(200);
		const cookie = res.headers.getSetCookie().find((c) => c.startsWith('digonce_session='))!;
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);
		expect((await res.json()).user).toMatchObject({ role: 'utility', organisationId: 'jj-water' });
	});

	it('refuses a wrong password with 401 and sets no cookie', async () => {
		const res = await fetch(`${app.url}/api/session`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'accept-language': 'en', origin: app.url },
			body: JSON.stringify({ email: 'planner@demo.digonce.cn', password: 'guess' })
		});
		expect(res.status).toBe(401);
		expect(res.headers.getSetCookie()).toEqual([]);
		expect((await res.json()).error).toEqual({ code: 'login_failed', message: 'Wrong email or password. Check them and try again.' });
	});

	it.each([
		['not JSON', '{email:', 'invalid_json'],
		['no password', JSON.stringify({ email: 'planner@demo.digonce.cn' }), 'invalid_body']
	])('refuses a body that is %s with 400', async (_name, body, code) => {
		const res = await fetch(`${app.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json', origin: app.url }, body });
		expect(res.status).toBe(400);
		expect((await res.json()).error.code).toBe(code);
	});

	it('signs out, after which the cookie no longer works', async () => {
		const browser = client(app.url);
		await browser('/api/session', { method: 'POST', body: JSON.stringify({ email: 'planner@demo.digonce.cn', password: 'demo-password' }) });
		expect((await (await browser('/api/session')).json()).user).toMatchObject({ role: 'planner' });
		expect((await browser('/api/session', { method: 'DELETE' })).status).toBe(204);
		expect((await (await browser('/api/session')).json()).user).toBeNull();
	});

	it('signs in through the login page form and shows who is signed in', async () => {
		const browser = client(app.url);
		const form = new URLSearchParams({ email: 'gas@demo.digonce.cn', password: 'demo-password' });
		const res = await browser('/login', { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' } });
		expect(res.status).toBe(303);
		const home = await (await browser('/')).text();
		expect(home).toContain('当前用户');
	});

	it('keeps what was saved when the embedded server is killed and restarted', async () => {
		const browser = client(app.url);
		await browser('/api/session', { method: 'POST', body: JSON.stringify({ email: 'power@demo.digonce.cn', password: 'demo-password' }) });
		await app.kill();
		await app.restart();
		expect((await (await browser('/api/session')).json()).user).toMatchObject({ organisationId: 'jj-power' });
	});
});

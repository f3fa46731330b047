import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { freePort } from '../support/system';
import { startApp, type RunningApp } from '../support/app';
import { launchBrowser } from '../support/browser';

const root = resolve(import.meta.dirname, '../..');
const PLANNER = { email: 'planner@demo.digonce.cn', password: 'demo-password' };

/** the machine's first non-loopback IPv4 address, as a colleague on the LAN would open it */
function lanAddress(): string | null {
	for (const list of Object.values(networkInterfaces())) {
		for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
	}
	return null;
}

async function signInThroughForm(page: Page, base: string, email = PLANNER.email) {
	await page.goto(`${base}/login`);
	await page.waitForLoadState('networkidle');
	await page.getByLabel(/邮箱/).fill(email);
	await page.getByLabel(/密码/).fill(PLANNER.password);
	await page.getByRole('button', { name: '登录' }).click();
}

describe('sign-in at whatever address the app is opened at, the way `npm start` runs it', () => {
	let testDb: TestDatabase;
	let server: ChildProcess;
	let port: number;
	let log = '';
	let browser: Browser;

	beforeAll(async () => {
		[testDb, port, browser] = await Promise.all([createTestDatabase('demo'), freePort(), launchBrowser()]);
		const env: Record<string, string> = { PATH: process.env.PATH!, HOME: process.env.HOME!, PORT: String(port) };
		if (testDb.url) env.DATABASE_URL = testDb.url;
		else env.DATA_DIR = testDb.dataDir!;
		// no ORIGIN and no HOST: exactly what a newcomer's `npm start` has
		server = spawn(resolve(root, 'node_modules/.bin/tsx'), ['scripts/start.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
		server.stdout!.on('data', (d) => (log += d));
		server.stderr!.on('data', (d) => (log += d));
		await new Promise<void>((ok, fail) => {
			const poll = setInterval(() => {
				if (log.includes('digonce is running at')) {
					clearInterval(poll);
					ok();
				} else if (server.exitCode !== null) {
					clearInterval(poll);
					fail(new Error(`npm start exited:\n${log}`));
				}
			}, 200);
		});
	});
	afterAll(async () => {
		await browser?.close();
		if (server && server.exitCode === null) {
			const gone = new Promise((ok) => server.once('exit', ok));
			server.kill('SIGTERM');
			await gone;
		}
		await testDb?.dispose();
	});

	const lan = lanAddress();
	const hosts = ['127.0.0.1', 'localhost', ...(lan ? [lan] : [])];
	for (const host of hosts) {
		it(`signs the planner in through the login form at http://${host}:PORT`, async () => {
			const context = await browser.newContext({ locale: 'zh-CN' });
			try {
				const page = await context.newPage();
				const base = `http://${host}:${port}`;
				await signInThroughForm(page, base);
				// the dashboard then writes its view into the address (?c=…&z=…)
				await page.waitForURL((u) => u.origin === base && u.pathname === '/');
				await expect.poll(() => page.getByRole('button', { name: '退出登录' }).count(), { timeout: 30_000 }).toBe(1);
				expect((await context.cookies(base)).some((c) => c.name === 'digonce_session')).toBe(true);
			} finally {
				await context.close();
			}
		});
	}
});

describe('a form sent from another address is refused, and says why', () => {
	let app: RunningApp;
	let browser: Browser;
	let attacker: Server;
	let attackerUrl: string;

	beforeAll(async () => {
		[app, browser] = await Promise.all([startApp('demo'), launchBrowser()]);
		// a page on another site that posts the login form to the app, as a forged request would
		attacker = createServer((_req, res) => {
			res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
			res.end(
				`<!doctype html><form method="POST" action="${app.url}/login"><input name="email" value="${PLANNER.email}"><input name="password" value="${PLANNER.password}"><button>go</button></form>`
			);
		});
		await new Promise<void>((ok) => attacker.listen(0, '127.0.0.1', ok));
		attackerUrl = `http://127.0.0.1:${(attacker.address() as { port: number }).port}`;
	});
	afterAll(async () => {
		await browser?.close();
		await new Promise((ok) => attacker?.close(ok));
		await app?.stop();
	});

	it('refuses a cross-site form post with a message in the person’s language and starts no session', async () => {
		const context = await browser.newContext({ locale: 'zh-CN' });
		try {
			const page = await context.newPage();
			await page.goto(attackerUrl);
			const [answer] = await Promise.all([page.waitForResponse(`${app.url}/login`), page.getByRole('button', { name: 'go' }).click()]);
			expect(answer.status()).toBe(403);
			const body = await page.locator('body').innerText();
			expect(body).toContain('跨站请求伪造');
			expect(body).toContain(attackerUrl);
			expect((await context.cookies(app.url)).some((c) => c.name === 'digonce_session')).toBe(false);
		} finally {
			await context.close();
		}
	});

	it('shows why the login form was refused, keeping the e-mail, when the app is fixed to another address', async () => {
		// this app's ORIGIN is http://127.0.0.1:PORT; opened as localhost, its own form comes from another address
		const other = app.url.replace('127.0.0.1', 'localhost');
		const context = await browser.newContext({ locale: 'zh-CN' });
		try {
			const page = await context.newPage();
			await signInThroughForm(page, other);
			const alert = page.getByRole('alert');
			await expect.poll(() => alert.innerText(), { timeout: 30_000 }).toContain('跨站请求伪造');
			expect(await alert.innerText()).toContain(app.url);
			expect(await page.getByLabel(/邮箱/).inputValue()).toBe(PLANNER.email);
			expect(page.url()).toBe(`${other}/login`);
			expect((await context.cookies(other)).some((c) => c.name === 'digonce_session')).toBe(false);
		} finally {
			await context.close();
		}
	});
});

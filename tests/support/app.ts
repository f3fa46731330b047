import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createTestDatabase, type TestDatabase } from './db';
import type { Template } from './backend';
import { freePort } from './system';
import { testToday } from './clock';

const root = resolve(import.meta.dirname, '../..');

export interface RunningApp {
	url: string;
	testDb: TestDatabase;
	output: () => string;
	stop(): Promise<void>;
	/** stops the server without a chance to clean up, as a crash or a power cut would */
	kill(): Promise<void>;
	restart(): Promise<void>;
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string) {
	const deadline = Date.now() + 90_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output()}`);
		try {
			const res = await fetch(`${url}/api/health`);
			if (res.ok) return;
		} catch {
			/* not listening yet */
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`the server did not answer /api/health within 90 s:\n${output()}`);
}

/** Starts the built server (`node build`) on its own copy of a template database and a free port. */
export async function startApp(template: Template = 'demo', env: Record<string, string> = {}): Promise<RunningApp> {
	const testDb = await createTestDatabase(template);
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	let log = '';
	let child: ChildProcess;

	const launch = async () => {
		child = spawn(process.execPath, ['build/index.js'], {
			cwd: root,
			env: {
				PATH: process.env.PATH,
				HOME: process.env.HOME,
				PORT: String(port),
				HOST: '127.0.0.1',
				ORIGIN: url,
				// the suite's one day (tests/support/clock.ts); a test may give another in `env`
				DIGONCE_TODAY: testToday(),
				...(testDb.url ? { DATABASE_URL: testDb.url } : { DATA_DIR: testDb.dataDir! }),
				...env
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		child.stdout!.on('data', (d) => (log += d));
		child.stderr!.on('data', (d) => (log += d));
		await waitForHealth(url, child, () => log);
	};
	const exited = () => new Promise<void>((ok) => (child.exitCode !== null || child.signalCode !== null ? ok() : child.once('exit', () => ok())));

	await launch();
	return {
		url,
		testDb,
		output: () => log,
		async stop() {
			child.kill('SIGTERM');
			await exited();
			await testDb.dispose();
		},
		async kill() {
			child.kill('SIGKILL');
			await exited();
		},
		async restart() {
			await launch();
		}
	};
}

/** A fetch that keeps the session cookie, like a browser. */
export function client(base: string, lang: 'zh' | 'en' = 'zh') {
	let cookie = '';
	return async (path: string, init: RequestInit = {}) => {
		const headers = new Headers(init.headers);
		headers.set('accept-language', lang === 'zh' ? 'zh-CN' : 'en-GB');
		if (cookie) headers.set('cookie', cookie);
		if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
		// behind ADDRESS_HEADER, every request needs the header; one fixed address unless a test gives its own
		if (!headers.has('x-forwarded-for')) headers.set('x-forwarded-for', '127.0.0.1');
		// SvelteKit refuses cross-site form posts; a same-origin header is what a browser sends.
		headers.set('origin', base);
		const res = await fetch(base + path, { ...init, headers, redirect: 'manual' });
		const set = res.headers.getSetCookie();
		for (const c of set) {
			const [pair] = c.split(';');
			if (pair.startsWith('digonce_session=')) cookie = pair.endsWith('=') ? '' : pair;
		}
		return res;
	};
}

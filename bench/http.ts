/**
 * Checks over HTTP: the built server (`node build/index.js`) on the benchmark database, a planner's
 * session, and `POST /api/works/check` one candidate at a time, as the registration form does.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { builtServer, freePort } from '../tests/support/system';
import { ROOT, PLANNER, type BenchDatabase } from './database';
import type { SyntheticWork } from './synthetic';

/** Builds the server when there is no build or `src/` changed since. */
export function ensureBuild(log: (s: string) => void, force = false) {
	if (!force && builtServer(ROOT) === 'current') return;
	log('building the server (npm run build)…');
	const built = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
	if (built.status !== 0) throw new Error(`npm run build failed:\n${built.stdout}\n${built.stderr}`);
}

export interface RunningServer {
	url: string;
	startSeconds: number;
	stop(): Promise<void>;
}

/** Starts the built server on the benchmark database. */
export async function startServer(bench: BenchDatabase): Promise<RunningServer> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const started = performance.now();
	let output = '';
	const child: ChildProcess = spawn(process.execPath, ['build/index.js'], {
		cwd: ROOT,
		env: {
			PATH: process.env.PATH,
			HOME: process.env.HOME,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: url,
			DEMO_DATA: 'off',
			CITY_CODE: '360400',
			...(bench.url ? { DATABASE_URL: bench.url } : { DATA_DIR: bench.dataDir! })
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout!.on('data', (d) => (output += d));
	child.stderr!.on('data', (d) => (output += d));
	const deadline = Date.now() + 180_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
		if (Date.now() > deadline) {
			child.kill('SIGTERM');
			throw new Error(`the server did not answer /api/health within 180 s:\n${output}`);
		}
		try {
			if ((await fetch(`${url}/api/health`)).ok) break;
		} catch {
			/* not listening yet */
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	return {
		url,
		startSeconds: (performance.now() - started) / 1000,
		stop: () =>
			new Promise<void>((ok) => {
				if (child.exitCode !== null) return ok();
				child.once('exit', () => ok());
				child.kill('SIGTERM');
			})
	};
}

/** Signs the bench planner in; answers the session cookie. */
export async function signIn(url: string): Promise<string> {
	const res = await fetch(`${url}/api/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', origin: url },
		body: JSON.stringify(PLANNER)
	});
	if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
	const cookie = res.headers.getSetCookie().find((c) => c.startsWith('digonce_session='));
	if (!cookie) throw new Error('sign-in set no session cookie');
	return cookie.split(';')[0];
}

/** The body the registration form sends for a candidate. */
export function checkBody(w: SyntheticWork) {
	return {
		type: 'Feature',
		geometry: w.geom,
		properties: {
			organisation: w.organisation_id,
			utility: w.utility,
			kind: w.kind,
			start_date: w.start_date,
			end_date: w.end_date,
			width_m: w.width_m,
			depth_m: w.depth_m,
			emergency: w.emergency
		}
	};
}

/** One check through `POST /api/works/check`, timed to the last byte of the answer. */
export async function httpCheck(url: string, cookie: string, w: SyntheticWork): Promise<{ ms: number; rows: number }> {
	const started = performance.now();
	const res = await fetch(`${url}/api/works/check`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', cookie, origin: url },
		body: JSON.stringify(checkBody(w))
	});
	const text = await res.text();
	const ms = performance.now() - started;
	if (res.status !== 200) throw new Error(`check answered ${res.status}: ${text.slice(0, 500)}`);
	return { ms, rows: (JSON.parse(text) as { conflicts: unknown[] }).conflicts.length };
}

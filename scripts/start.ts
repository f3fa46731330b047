/**
 * `npm start`: builds the app when the build is missing or older than the sources, then serves it.
 * Without DATABASE_URL it runs on the embedded PostGIS in DATA_DIR (default .data/pglite), which
 * the first start fills with the demo data.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const entry = join(root, 'build/index.js');

function newest(path: string): number {
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const sources = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'].map((p) => join(root, p));
if (!existsSync(entry) || Math.max(...sources.map(newest)) > statSync(entry).mtimeMs) {
	console.log('digonce: building the app (vite build, about half a minute)…');
	// the bundler's notes about third-party code are noise here; its output is shown only on failure
	const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: root, encoding: 'utf8' });
	if (build.status !== 0) {
		process.stdout.write(build.stdout);
		process.stderr.write(build.stderr);
		process.exit(build.status ?? 1);
	}
}

const port = process.env.PORT ?? '3000';
const host = process.env.HOST ?? '0.0.0.0';
const shown = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
const server = spawn(process.execPath, [entry], {
	cwd: root,
	stdio: 'inherit',
	// no ORIGIN unless one is configured: the app then takes its address from each request, so it works
	// at localhost, 127.0.0.1 or the machine's LAN address alike (a fixed ORIGIN refused the others' forms)
	env: { ...process.env, PORT: port, HOST: host }
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));

const started = Date.now();
let announced = false;
const poll = setInterval(async () => {
	try {
		const res = await fetch(`http://127.0.0.1:${port}/api/health`);
		if (!res.ok || announced) return;
		const health = (await res.json()) as { database: string; postgis: string };
		if (announced) return;
		announced = true;
		clearInterval(poll);
		const seconds = ((Date.now() - started) / 1000).toFixed(1);
		console.log(`\ndigonce is running at ${shown}  (${health.database}, PostGIS ${health.postgis}; ready in ${seconds} s)`);
		if (health.database === 'pglite') console.log('Embedded database with demo data. Demo accounts: see README.md. Stop with Ctrl+C.\n');
	} catch {
		/* not listening yet */
	}
}, 250);

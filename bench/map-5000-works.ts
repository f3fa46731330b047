/**
 * How the planners' map copes with 5,000 works (issue 3: "stays usable at 5,000 works").
 *
 *   npm run build && npx tsx bench/map-5000-works.ts            # embedded database in a temp folder
 *   BENCH_WORKS=10000 npx tsx bench/map-5000-works.ts           # another size
 *
 * Loads the demo data, adds copies of its works (moved 60–500 m and shifted in time) up to the
 * target, starts the built server on it, times the map's requests over HTTP and the map itself in
 * Chromium (software WebGL, as in the tests), and prints one line for BENCHMARKS.md. Timings are
 * never asserted in tests; results also go to bench/results/ (git-ignored).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { openDb } from '../src/lib/server/db/index';
import { migrate } from '../src/lib/server/db/migrate';
import { seedDemo } from '../src/lib/server/demo/seed';

const root = resolve(import.meta.dirname, '..');
const target = Number(process.env.BENCH_WORKS ?? 5000);
const port = 3900 + Math.floor(Math.random() * 90);
const base = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'digonce-bench-map-'));

async function prepare() {
	const db = await openDb({ dataDir });
	await migrate(db, join(root, 'sql'));
	await seedDemo(db, join(root, 'data/demo'), { accounts: true });
	const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM work');
	const original = rows[0].n;
	for (let copy = 1; (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM work')).rows[0].n < target; copy++) {
		const missing = target - (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM work')).rows[0].n;
		await db.query(
			`INSERT INTO work (city_code, organisation_id, utility, kind, title, description, geom, width_m, depth_m, start_date, end_date, status, emergency)
			 SELECT city_code, organisation_id, utility, kind, title || '（副本' || $1::int || '）', description,
			        ST_Translate(geom, 0.0006 * (($1::int % 7) - 3) + 0.0011, 0.0005 * (($1::int % 5) - 2) + 0.0009),
			        width_m, depth_m, start_date + (($1::int * 137) % 600 - 300), end_date + (($1::int * 137) % 600 - 300), status, emergency
			   FROM work WHERE id <= $2 ORDER BY id LIMIT $3`,
			[copy, original, missing]
		);
	}
	await db.close();
}

async function startServer() {
	const child = spawn(process.execPath, ['build/index.js'], {
		cwd: root,
		env: { PATH: process.env.PATH, PORT: String(port), HOST: '127.0.0.1', ORIGIN: base, DATA_DIR: dataDir },
		stdio: 'ignore'
	});
	for (let i = 0; i < 300; i++) {
		try {
			if ((await fetch(`${base}/api/health`)).ok) return child;
		} catch {
			/* not yet */
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	child.kill();
	throw new Error('server did not start');
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function time(url: string, cookie: string, runs = 3) {
	const ms: number[] = [];
	let bytes = 0;
	for (let i = 0; i < runs; i++) {
		const t = performance.now();
		const res = await fetch(base + url, { headers: { cookie } });
		bytes = (await res.arrayBuffer()).byteLength;
		if (!res.ok) throw new Error(`${url}: ${res.status}`);
		ms.push(performance.now() - t);
	}
	// the first request may compute what later ones read from a cache (the conflict scan is kept until the data change)
	return { first_ms: Math.round(ms[0]), ms: Math.round(median(ms)), kB: Math.round(bytes / 1000) };
}

async function settle(page: Page) {
	await page.waitForSelector('[data-testid=dashboard][data-busy=false]', { timeout: 120_000 });
	await page.waitForTimeout(150);
	await page.evaluate(() => new Promise<void>((done) => (window.__digonceMap!.once('idle', () => done()), window.__digonceMap!.triggerRepaint())));
}

const started = Date.now();
await prepare();
const prepared = Date.now();
const server = await startServer();
try {
	const login = await fetch(`${base}/api/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', origin: base },
		body: JSON.stringify({ email: 'planner@demo.digonce.cn', password: 'demo-password' })
	});
	const cookie = login.headers.getSetCookie()[0].split(';')[0];
	const city = '115.90,29.62,116.10,29.78';
	const http = {
		works_all: await time(`/api/works?bbox=${city}&from=2019-01-01&to=2027-12-31&status=submitted,approved,in_progress,backfilled,restored`, cookie),
		works_year: await time(`/api/works?bbox=${city}&from=2025-01-01&to=2025-12-31&status=submitted,approved,in_progress,backfilled,restored`, cookie),
		conflicts_year: await time('/api/conflicts?from=2025-01-01&to=2025-12-31&format=geojson', cookie),
		conflicts_all: await time('/api/conflicts?from=2019-01-01&to=2027-12-31&format=geojson', cookie, 1)
	};
	const browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist', '--no-sandbox']
	});
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	await context.addCookies([{ name: cookie.split('=')[0], value: cookie.split('=')[1], url: base }]);
	const page = await context.newPage();
	let t = Date.now();
	await page.goto(`${base}/?c=116.0,29.715&z=13&t=2019-01..2027-12`);
	await page.waitForFunction(() => !!window.__digonceMap, null, { timeout: 120_000 });
	await settle(page);
	const firstIdle = Date.now() - t;
	const shown = await page.evaluate(() => document.querySelector('[data-testid=tab-stats]') && window.__digonceDeck!.renders);
	t = Date.now();
	await page.click('[data-testid=time-year-2025]');
	await settle(page);
	const yearSwitch = Date.now() - t;
	t = Date.now();
	await page.click('[data-testid=toggle-works]');
	await settle(page);
	await page.click('[data-testid=toggle-works]');
	await settle(page);
	const toggleTwice = Date.now() - t;
	t = Date.now();
	await page.evaluate(() => window.__digonceMap!.panBy([300, 0], { duration: 0 }));
	await settle(page);
	const pan = Date.now() - t;
	await browser.close();
	const result = {
		date: new Date().toISOString().slice(0, 10),
		works: target,
		prepare_s: Math.round((prepared - started) / 1000),
		http,
		browser: { first_idle_ms: firstIdle, year_switch_ms: yearSwitch, toggle_works_off_on_ms: toggleTwice, pan_ms: pan, deck_renders: shown }
	};
	mkdirSync(join(root, 'bench/results'), { recursive: true });
	writeFileSync(join(root, `bench/results/map-${target}-works.json`), JSON.stringify(result, null, 2));
	console.log(JSON.stringify(result, null, 2));
	console.log(
		`| map, ${target} works (embedded) | /api/works city 2019–2027 ${http.works_all.ms} ms (${http.works_all.kB} kB), one year ${http.works_year.ms} ms · /api/conflicts one year ${http.conflicts_year.first_ms} ms first, ${http.conflicts_year.ms} ms cached; all years ${http.conflicts_all.first_ms} / ${http.conflicts_all.ms} ms · Chromium (SwiftShader): first idle ${firstIdle} ms, year switch ${yearSwitch} ms, works off+on ${toggleTwice} ms, pan ${pan} ms |`
	);
} finally {
	server.kill();
	rmSync(dataDir, { recursive: true, force: true });
}

/**
 * The conflict engine benchmark (issue 5). One run = one data set on one database:
 *
 *   npm run bench:conflicts -- --db=postgres --dataset=dense --n=10000
 *   npm run bench:conflicts -- --db=pglite --dataset=province --n=100000
 *   npm run bench:conflicts -- --db=postgres --dataset=dense --n=5000      (naive Turf runs at n <= 5000)
 *
 * Options: --db=postgres|pglite  --dataset=dense|province  --n=<works>  --checks=200  --repeat=3
 *          --scan=on|off (off: checks only)  --turf=on|off  --http=on|off
 *          --fresh (reload the data)  --build (rebuild the server)
 *
 * In this order, in one process: the full conflict scan of every city with all rules
 * (`conflict_scan`) against the single-rule GiST reference, round by round; checks in Jiujiang
 * through SQL (insert + `work_conflicts` + rollback), through the app's domain code without HTTP,
 * and the reference check, interleaved candidate by candidate; on PostgreSQL, the first check on a
 * new connection; the same checks over HTTP against the built server, signed in as a planner; and,
 * at n <= 5000, the naive Turf scan of the same works. Results: Markdown on stdout, JSON in
 * bench/results/.
 */
import { execSync } from 'node:child_process';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from '../src/lib/server/db/migrate';
import { benchDatabase, prepare, ROOT, type Backend } from './database';
import { backendCpu, coldChecks, engineScan, installReference, interleavedChecks, processCpu, referenceScan, sqlCheck, type CheckWay } from './measure';
import { benchPlanner, domainCheck } from './domain';
import { ensureBuild, httpCheck, signIn, startServer } from './http';
import { checkCandidates, dataset, JIUJIANG, type DatasetName } from './synthetic';
import { naiveTurfScan } from './turf-naive';
import { report, type Result } from './report';

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

export function options() {
	const raw = new Map<string, string>();
	for (const arg of process.argv.slice(2)) {
		const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
		if (!m) throw new Error(`Unknown argument "${arg}". Use --name=value, e.g. --db=pglite --n=10000.`);
		raw.set(m[1], m[2] ?? 'on');
	}
	const known = ['db', 'dataset', 'n', 'checks', 'repeat', 'scan', 'turf', 'http', 'fresh', 'build'];
	for (const key of raw.keys()) if (!known.includes(key)) throw new Error(`Unknown option --${key}; known: ${known.map((k) => `--${k}`).join(' ')}`);
	const choice = <T extends string>(key: string, allowed: readonly T[], fallback: T): T => {
		const v = (raw.get(key) ?? fallback) as T;
		if (!allowed.includes(v)) throw new Error(`--${key} must be one of ${allowed.join(', ')}, not "${v}"`);
		return v;
	};
	const count = (key: string, fallback: number) => {
		const v = Number(raw.get(key) ?? fallback);
		if (!Number.isInteger(v) || v < 1) throw new Error(`--${key} must be a positive whole number`);
		return v;
	};
	const db = choice<Backend>('db', ['postgres', 'pglite'], 'postgres');
	const name = choice<DatasetName>('dataset', ['dense', 'province'], 'dense');
	const n = count('n', 10_000);
	const onOff = (key: string, fallback: boolean) => choice(key, ['on', 'off'], fallback ? 'on' : 'off') === 'on';
	return {
		db,
		dataset: name,
		n,
		checks: count('checks', 200),
		repeat: count('repeat', 3),
		scan: onOff('scan', true),
		// the Turf figure is a ratio to the scan
		turf: onOff('scan', true) && onOff('turf', n <= 5000),
		http: onOff('http', true),
		fresh: raw.has('fresh'),
		build: raw.has('build')
	};
}

// ---------------------------------------------------------------------------------------------
// Machine
// ---------------------------------------------------------------------------------------------

export function machine() {
	const sh = (cmd: string) => {
		try {
			return execSync(cmd, { cwd: ROOT, encoding: 'utf8' }).trim();
		} catch {
			return '?';
		}
	};
	const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
	return {
		nproc: Number(sh('nproc')),
		cpu: /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? '?',
		memoryGiB: Math.round(totalmem() / 2 ** 30),
		freeGiB: Math.round(freemem() / 2 ** 30),
		node: process.version,
		commit: sh('git rev-parse --short HEAD'),
		dirty: sh('git status --porcelain').length > 0
	};
}

const load = () =>
	loadavg()
		.map((l) => l.toFixed(2))
		.join(' ');

// ---------------------------------------------------------------------------------------------
// Run
// ---------------------------------------------------------------------------------------------

/** How long the scans warm up before they are timed (whole passes: at least one). */
const WARM_UP_MS = 3000;

const log = (s: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}`);

async function main() {
	const opt = options();
	const data = dataset(opt.dataset, opt.n);
	const cities = data.cities.map((c) => c.code);
	const result: Result = {
		options: opt,
		machine: machine(),
		started: new Date().toISOString(),
		loadBefore: load(),
		works: data.works.length,
		worksInJiujiang: data.works.filter((w) => w.city_code === JIUJIANG.code).length,
		loadSeconds: null,
		scan: { rounds: [] },
		sqlChecks: {} as Result['sqlChecks'],
		domainChecks: {} as Result['domainChecks']
	};
	log(`${opt.db}, ${data.key}: ${data.works.length} works in ${cities.length} cities (load average ${result.loadBefore})`);

	const bench = benchDatabase(opt.db, data.key);
	const { db, loadSeconds } = await prepare(bench, data, { fresh: opt.fresh, log });
	result.loadSeconds = loadSeconds;
	// the functions of this checkout
	await migrate(db, join(ROOT, 'sql'));
	await installReference(db);

	const cpu = opt.db === 'pglite' ? processCpu : backendCpu(db);

	// warm up, untimed, on every city, as a server that has been running for a while is: each city's
	// metric CRS is set up on its first use (20–200 ms), plans are made and kept; and on PGlite, V8
	// compiles the hot parts of PostgreSQL's WebAssembly again, optimised, only after they have run
	// for a while (the engine's first scan of the province's 1k took 990 ms, its second 54 ms, and
	// about its tenth 33 ms, where it stays). Whole passes, in turn, until WARM_UP_MS have passed;
	// the first pass is kept in the results as the cold scan.
	if (opt.scan) {
		const started = performance.now();
		let first: { referenceMs: number; engineMs: number } | undefined;
		let passes = 0;
		do {
			const reference = await referenceScan(db, cities, cpu);
			const engine = await engineScan(db, cities, cpu);
			first ??= { referenceMs: reference.ms, engineMs: engine.ms };
			passes++;
		} while (performance.now() - started < WARM_UP_MS);
		const w = (result.scan.warmUp = { passes, ms: performance.now() - started, first: first! });
		log(
			`warm-up: ${w.passes} passes in ${(w.ms / 1000).toFixed(1)} s; the first: reference ${w.first.referenceMs.toFixed(0)} ms, engine ${w.first.engineMs.toFixed(0)} ms`
		);
	}

	for (let round = 1; opt.scan && round <= opt.repeat; round++) {
		const reference = await referenceScan(db, cities, cpu);
		const engine = await engineScan(db, cities, cpu);
		result.scan.rounds.push({ reference, engine });
		log(
			`scan round ${round}: reference ${reference.ms.toFixed(0)} ms (${reference.count} pairs), engine ${engine.ms.toFixed(0)} ms (${engine.count} conflicts)`
		);
	}

	const candidates = checkCandidates(opt.checks + 20);
	const planner = await benchPlanner(db);
	const ways: CheckWay[] = [
		{ name: 'sql-reference', check: (w) => sqlCheck(db, w, 'reference') },
		{ name: 'sql-engine', check: (w) => sqlCheck(db, w, 'engine') },
		{ name: 'domain-engine', check: (w) => domainCheck(db, planner, w) }
	];
	const checks = await interleavedChecks(candidates, ways);
	result.sqlChecks = { reference: checks['sql-reference'], engine: checks['sql-engine'] };
	result.domainChecks = { engine: checks['domain-engine'] };
	for (const [name, run] of Object.entries(checks)) log(`checks, ${name}: p50 ${run.latency.p50.toFixed(2)} ms, p95 ${run.latency.p95.toFixed(2)} ms`);
	await db.close();

	if (opt.db === 'postgres') {
		const cold = candidates.slice(20, 40);
		result.coldChecks = { engine: await coldChecks(bench.open, cold) };
		log(`checks on a new connection: engine p50 ${result.coldChecks.engine.latency.p50.toFixed(1)} ms`);
	}

	if (opt.http) {
		ensureBuild(log, opt.build);
		const run = async () => {
			const server = await startServer(bench);
			try {
				const cookie = await signIn(server.url);
				const checks = await interleavedChecks(candidates, [{ name: 'http', check: (w) => httpCheck(server.url, cookie, w) }]);
				return { run: checks.http, startSeconds: server.startSeconds };
			} finally {
				await server.stop();
			}
		};
		const engine = await run();
		result.httpChecks = { engine: engine.run, serverStartSeconds: engine.startSeconds };
		log(`HTTP checks: engine p50 ${engine.run.latency.p50.toFixed(2)} ms, p95 ${engine.run.latency.p95.toFixed(2)} ms`);
	}

	if (opt.turf) {
		log(`naive Turf scan of ${data.works.length} works…`);
		result.turf = naiveTurfScan(data.works);
		log(`naive Turf: ${(result.turf.ms / 1000).toFixed(1)} s (CPU ${(result.turf.cpuMs / 1000).toFixed(1)} s), ${result.turf.pairs} pairs`);
	}

	result.loadAfter = load();
	const dir = join(ROOT, 'bench/results');
	mkdirSync(dir, { recursive: true });
	const file = join(dir, `${result.started.replace(/[:.]/g, '-')}-${opt.db}-${data.key}.json`);
	writeFileSync(file, JSON.stringify(result, null, 2));
	console.log(report(result));
	log(`wrote ${file}`);
}

main().catch((err) => {
	console.error(err);
	process.exit(1);
});

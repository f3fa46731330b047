/**
 * What one benchmark run found (the JSON in bench/results/) and its Markdown: `report` for one run
 * (printed by bench/conflicts.ts), and, run directly, a summary of the latest run of each kind:
 *
 *   npx tsx bench/report.ts            (reads bench/results/*.json)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { median, type CheckRun, type ScanRun } from './measure';
import { JIUJIANG } from './synthetic';
import type { TurfRun } from './turf-naive';

export interface Result {
	options: {
		db: 'postgres' | 'pglite';
		dataset: 'dense' | 'province';
		n: number;
		checks: number;
		repeat: number;
		scan?: boolean;
		turf: boolean;
		http: boolean;
		fresh: boolean;
		build: boolean;
	};
	machine: { nproc: number; cpu: string; memoryGiB: number; freeGiB: number; node: string; commit: string; dirty: boolean };
	started: string;
	loadBefore: string;
	loadAfter?: string;
	works: number;
	worksInJiujiang: number;
	loadSeconds: number | null;
	/** warmUp: the passes run before the timed rounds (absent in runs made before it was kept); first: the cold pass */
	scan: { rounds: { reference: ScanRun; engine: ScanRun }[]; warmUp?: { passes: number; ms: number; first: { referenceMs: number; engineMs: number } } };
	sqlChecks: { reference: CheckRun; engine: CheckRun };
	domainChecks: { engine: CheckRun };
	coldChecks?: { engine: CheckRun };
	httpChecks?: { engine: CheckRun; serverStartSeconds: number };
	turf?: TurfRun;
}

const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : v >= 10 ? `${v.toFixed(0)} ms` : `${v.toFixed(2)} ms`);
const x = (v: number) => `${v >= 10 ? v.toFixed(0) : v.toFixed(2)}×`;

export function report(r: Result): string {
	const o = r.options;
	const rounds = r.scan.rounds;
	const med = (pick: (round: (typeof rounds)[number]) => number | undefined) => median(rounds.map(pick).filter((v): v is number => v !== undefined));
	const refMs = med((k) => k.reference.ms);
	const engMs = med((k) => k.engine.ms);
	const jj = JIUJIANG.code;
	const lines: string[] = [];
	lines.push(`### ${o.db}, ${o.dataset} ${o.n} (${r.works} works${o.dataset === 'province' ? `, ${r.worksInJiujiang} in Jiujiang` : ''})`);
	lines.push('');
	lines.push(
		`${r.started.slice(0, 10)} · ${r.machine.nproc} × ${r.machine.cpu}, ${r.machine.memoryGiB} GiB · node ${r.machine.node} · commit ${r.machine.commit}${r.machine.dirty ? '+' : ''} · load average before ${r.loadBefore}, after ${r.loadAfter}` +
			(r.loadSeconds !== null ? ` · data loaded in ${r.loadSeconds.toFixed(1)} s` : '')
	);
	lines.push('');
	if (rounds.length) {
		lines.push(
			`Full scan, median of ${rounds.length} rounds (reference and engine in turn); CPU is the database process's (${o.db === 'pglite' ? 'PGlite runs in the bench process' : 'the PostgreSQL backend, without parallel workers'}):`
		);
		lines.push('');
		lines.push('| scan | time | CPU | found | vs GiST reference |');
		lines.push('|---|---:|---:|---:|---:|');
		const cpuOf = (pick: (round: (typeof rounds)[number]) => ScanRun | undefined) => med((k) => pick(k)?.cpuMs);
		const scanRow = (label: string, t: number, cpu: number, found: string) => lines.push(`| ${label} | ${ms(t)} | ${ms(cpu)} | ${found} | ${x(t / refMs)} |`);
		scanRow(
			'GiST reference (1 rule), all cities',
			refMs,
			cpuOf((k) => k.reference),
			`${rounds[0].reference.count} pairs`
		);
		scanRow(
			'engine `conflict_scan`, all cities',
			engMs,
			cpuOf((k) => k.engine),
			`${rounds[0].engine.count} conflicts`
		);
		if (r.options.dataset === 'province') {
			const refJj = med((k) => k.reference.perCity[jj]);
			lines.push(`| GiST reference, Jiujiang alone | ${ms(refJj)} | | | |`);
			lines.push(`| engine, Jiujiang alone | ${ms(med((k) => k.engine.perCity[jj]))} | | | ${x(med((k) => k.engine.perCity[jj]) / refJj)} |`);
		}
		lines.push('');
		const w = r.scan.warmUp;
		if (w)
			lines.push(
				`Before the rounds, ${w.passes} untimed warm-up passes (${ms(w.ms)}); the first, cold: reference ${ms(w.first.referenceMs)}, engine ${ms(w.first.engineMs)}.`,
				''
			);
		lines.push(
			`Conflicts by kind: ${Object.entries(rounds[0].engine.byKind ?? {})
				.sort()
				.map(([k, v]) => `${k} ${v}`)
				.join(', ')}.`
		);
	} else {
		lines.push('Scans not run (--scan=off).');
	}
	lines.push('');
	lines.push(`Checks in Jiujiang with ${r.works} works stored, ${o.checks} candidates after 20 untimed:`);
	lines.push('');
	lines.push('| check | p50 | p95 | mean | max | found (mean) |');
	lines.push('|---|---:|---:|---:|---:|---:|');
	const checkRow = (label: string, c: CheckRun) =>
		lines.push(
			`| ${label} | ${ms(c.latency.p50)} | ${ms(c.latency.p95)} | ${ms(c.latency.mean)} | ${ms(c.latency.max)} | ${(c.found.reduce((s, v) => s + v, 0) / c.found.length).toFixed(1)} |`
		);
	checkRow('SQL, GiST reference (insert + 1 rule + rollback)', r.sqlChecks.reference);
	checkRow('SQL, engine (insert + `work_conflicts` + rollback)', r.sqlChecks.engine);
	checkRow('domain `checkWork`, no HTTP, engine', r.domainChecks.engine);
	if (r.coldChecks) checkRow('SQL, engine, first check on a new connection (20)', r.coldChecks.engine);
	if (r.httpChecks) checkRow('HTTP `POST /api/works/check`, engine', r.httpChecks.engine);
	if (r.turf && rounds.length) {
		const engCpu = med((k) => k.engine.cpuMs);
		lines.push('');
		lines.push(
			`Naive Turf (all pairs, buffer 7.5 m + booleanIntersects, no index) on the same ${r.turf.works} works: ${ms(r.turf.ms)} (CPU ${ms(r.turf.cpuMs)}; buffers ${ms(r.turf.bufferMs)}), ` +
				`${r.turf.pairs} pairs (GiST reference: ${rounds[0].reference.count}). ` +
				`Engine scan faster by ${x(r.turf.ms / engMs)} in time, ${x(r.turf.cpuMs / engCpu)} in CPU.`
		);
	}
	return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Summary of the latest run of each (database, data set, n)
// ---------------------------------------------------------------------------------------------

/** The latest run of each (database, data set, n): `scans` among runs with scans, `checks` among all. */
export function latestResults(dir: string): { scans: Result[]; checks: Result[] } {
	const scans = new Map<string, Result>();
	const checks = new Map<string, Result>();
	for (const file of readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()) {
		const r = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Result;
		if (!r.options) continue; // another benchmark's result (bench/map-5000-works.ts)
		const key = `${r.options.db} ${r.options.dataset} ${r.options.n}`;
		if (r.scan.rounds.length) scans.set(key, r);
		checks.set(key, r);
	}
	const order = (r: Result) => `${r.options.dataset === 'dense' ? 0 : 1} ${String(r.options.n).padStart(7, '0')} ${r.options.db === 'postgres' ? 0 : 1}`;
	const sorted = (m: Map<string, Result>) => [...m.values()].sort((a, b) => order(a).localeCompare(order(b)));
	return { scans: sorted(scans), checks: sorted(checks) };
}

export function summary({ scans, checks }: { scans: Result[]; checks: Result[] }): string {
	const lines: string[] = [];
	const medianOf = (r: Result, pick: (k: Result['scan']['rounds'][number]) => number | undefined) =>
		median(r.scan.rounds.map(pick).filter((v): v is number => v !== undefined));
	lines.push('| data set | db | load avg | GiST ref | engine | × ref | naive Turf | Turf ÷ engine (time / CPU) |');
	lines.push('|---|---|---:|---:|---:|---:|---:|---:|');
	for (const r of scans) {
		const ref = medianOf(r, (k) => k.reference.ms);
		const eng = medianOf(r, (k) => k.engine.ms);
		lines.push(
			`| ${r.options.dataset} ${r.options.n} | ${r.options.db} | ${r.loadBefore.split(' ')[0]} | ${ms(ref)} | ${ms(eng)} | ${x(eng / ref)} | ` +
				(r.turf ? `${ms(r.turf.ms)} | ${x(r.turf.ms / eng)} / ${x(r.turf.cpuMs / medianOf(r, (k) => k.engine.cpuMs))} |` : '— | — |')
		);
	}
	lines.push('');
	lines.push('| data set | db | load avg | SQL ref p50 / p95 | SQL engine p50 / p95 | new connection p50 | domain p50 / p95 | HTTP p50 / p95 |');
	lines.push('|---|---|---:|---:|---:|---:|---:|---:|');
	const pp = (c?: CheckRun) => (c ? `${ms(c.latency.p50)} / ${ms(c.latency.p95)}` : '—');
	for (const r of checks) {
		lines.push(
			`| ${r.options.dataset} ${r.options.n} | ${r.options.db} | ${r.loadBefore.split(' ')[0]} | ${pp(r.sqlChecks.reference)} | ${pp(r.sqlChecks.engine)} | ` +
				`${r.coldChecks ? ms(r.coldChecks.engine.latency.p50) : '—'} | ${pp(r.domainChecks?.engine)} | ${pp(r.httpChecks?.engine)} |`
		);
	}
	return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
	console.log(summary(latestResults(join(import.meta.dirname, 'results'))));
}

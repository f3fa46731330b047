/**
 * What the benchmark times, on one database handle: the full conflict scan, the single-rule GiST
 * reference scan, and checks (insert + conflicts + rollback) through the SQL path.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db, Queryable } from '../src/lib/server/db/types';
import { spreadConflicts, type EngineRow } from '../src/lib/server/conflicts/engine';
import type { SyntheticWork } from './synthetic';

export interface Summary {
	n: number;
	p50: number;
	p95: number;
	mean: number;
	max: number;
}

/** Nearest-rank percentiles of milliseconds. */
export function summarise(ms: number[]): Summary {
	const sorted = [...ms].sort((a, b) => a - b);
	const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
	return { n: sorted.length, p50: rank(0.5), p95: rank(0.95), mean: sorted.reduce((s, v) => s + v, 0) / sorted.length, max: sorted[sorted.length - 1] };
}

export const median = (values: number[]) => summarise(values).p50;

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
	const started = performance.now();
	const value = await fn();
	return { ms: performance.now() - started, value };
}

/**
 * CPU milliseconds used so far by whoever runs the queries. Wall time on a shared machine depends on
 * what else runs; CPU time much less, so scans are compared with the naive Turf loop on both.
 */
export type CpuMeter = () => Promise<number>;

/** PGlite runs in this process. */
export const processCpu: CpuMeter = async () => {
	const { user, system } = process.cpuUsage();
	return (user + system) / 1000;
};

/**
 * The PostgreSQL backend serving `db`, read from /proc (the server must be on this machine; NaN
 * otherwise). Parallel workers are other processes and are not counted.
 */
export function backendCpu(db: Queryable): CpuMeter {
	return async () => {
		const { rows } = await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
		try {
			const stat = readFileSync(`/proc/${rows[0].pid}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			// utime and stime, fields 14 and 15 of proc(5), in clock ticks of 10 ms
			return (Number(fields[11]) + Number(fields[12])) * 10;
		} catch {
			return NaN;
		}
	};
}

export const REFERENCE_SCHEMA = 'bench_reference';

/** Installs the floor (bench/reference.sql) in its own schema. */
export async function installReference(db: Queryable) {
	const sql = readFileSync(join(import.meta.dirname, 'reference.sql'), 'utf8');
	await db.exec(
		`DROP SCHEMA IF EXISTS ${REFERENCE_SCHEMA} CASCADE; CREATE SCHEMA ${REFERENCE_SCHEMA};\nSET search_path = ${REFERENCE_SCHEMA}, public;\n${sql}\nSET search_path = public;`
	);
}

/**
 * The full scan as the planners' list runs it: every rule, every pair once, with its meeting place.
 * A row is a pair of works with the rules it breaks as flags, or an area rule; its conflicts are
 * counted per rule here (the app spreads them, spreadConflicts).
 */
export const ENGINE_SCAN = `SELECT k.kind, k.conflicts::int AS conflicts
  FROM (SELECT count(*) FILTER (WHERE time_overlap) AS time_overlap, count(*) FILTER (WHERE repeat_excavation) AS repeat_excavation,
               count(*) FILTER (WHERE moratorium) AS moratorium, count(*) FILTER (WHERE sequence) AS sequence,
               count(*) FILTER (WHERE kind = 'historic_district') AS historic_district,
               count(*) FILTER (WHERE kind = 'renovation_window') AS renovation_window
          FROM conflict_scan($1)) c
 CROSS JOIN LATERAL (VALUES ('time_overlap', c.time_overlap), ('repeat_excavation', c.repeat_excavation), ('moratorium', c.moratorium),
                            ('sequence', c.sequence), ('historic_district', c.historic_district), ('renovation_window', c.renovation_window)) k(kind, conflicts)
 WHERE k.conflicts > 0`;

export interface ScanRun {
	ms: number;
	/** CPU milliseconds of the process that ran the queries (see CpuMeter) */
	cpuMs: number;
	/** conflicts (engine) or pairs (reference), summed over the cities */
	count: number;
	byKind?: Record<string, number>;
	/** milliseconds per city */
	perCity: Record<string, number>;
}

export async function engineScan(db: Queryable, cities: string[], cpu: CpuMeter, sql = ENGINE_SCAN): Promise<ScanRun> {
	const run: ScanRun = { ms: 0, cpuMs: -(await cpu()), count: 0, byKind: {}, perCity: {} };
	for (const city of cities) {
		const { ms, value } = await timed(() => db.query<{ kind: string; conflicts: number }>(sql, [city]));
		run.ms += ms;
		run.perCity[city] = ms;
		for (const row of value.rows) {
			run.count += Number(row.conflicts);
			run.byKind![row.kind] = (run.byKind![row.kind] ?? 0) + Number(row.conflicts);
		}
	}
	run.cpuMs += await cpu();
	return run;
}

export async function referenceScan(db: Queryable, cities: string[], cpu: CpuMeter): Promise<ScanRun> {
	const run: ScanRun = { ms: 0, cpuMs: -(await cpu()), count: 0, perCity: {} };
	for (const city of cities) {
		const { ms, value } = await timed(() => db.query<{ pairs: number }>(`SELECT ${REFERENCE_SCHEMA}.neighbour_pairs($1) AS pairs`, [city]));
		run.ms += ms;
		run.perCity[city] = ms;
		run.count += Number(value.rows[0].pairs);
	}
	run.cpuMs += await cpu();
	return run;
}

/** Thrown to roll a check's transaction back, as the app does. */
class Rollback {
	constructor(readonly rows: number) {}
}

export const INSERT_CANDIDATE = `
	INSERT INTO work (city_code, organisation_id, utility, kind, geom, width_m, depth_m, start_date, end_date, status, emergency)
	VALUES ($1, $2, $3, $4, ST_SetSRID(ST_GeomFromGeoJSON($5), 4326), $6, $7, $8, $9, $10, $11)
	RETURNING id`;

export const candidateParams = (w: SyntheticWork) => [
	w.city_code,
	w.organisation_id,
	w.utility,
	w.kind,
	JSON.stringify(w.geom),
	w.width_m,
	w.depth_m,
	w.start_date,
	w.end_date,
	w.status,
	w.emergency
];

export type CheckPath = 'engine' | 'reference';

/**
 * One check through SQL: in a transaction, insert the candidate, ask for its conflicts (`engine`:
 * `work_conflicts`, every rule; `reference`: the single-rule GiST query), roll back.
 */
export async function sqlCheck(db: Db, w: SyntheticWork, path: CheckPath): Promise<{ ms: number; rows: number }> {
	const started = performance.now();
	try {
		await db.transaction(async (tx) => {
			const { rows } = await tx.query<{ id: number }>(INSERT_CANDIDATE, candidateParams(w));
			const id = Number(rows[0].id);
			if (path === 'reference') throw new Rollback((await tx.query(`SELECT * FROM ${REFERENCE_SCHEMA}.neighbours($1)`, [id])).rows.length);
			// one row per pair of works: the app spreads them into conflicts
			throw new Rollback(spreadConflicts((await tx.query<EngineRow>('SELECT * FROM work_conflicts($1)', [id])).rows).length);
		});
	} catch (err) {
		if (err instanceof Rollback) return { ms: performance.now() - started, rows: err.rows };
		throw err;
	}
	throw new Error('unreachable: a check always rolls back');
}

export interface CheckRun {
	latency: Summary;
	/** conflicts (engine) or neighbours (reference) found, per candidate */
	found: number[];
}

/** One way of checking a candidate. */
export interface CheckWay {
	name: string;
	check: (w: SyntheticWork) => Promise<{ ms: number; rows: number }>;
}

/**
 * Every candidate through every way, the ways interleaved candidate by candidate (in an order that
 * rotates), so a burst of load on the machine falls on all of them alike. The first `warmup`
 * candidates are checked untimed.
 */
export async function interleavedChecks(candidates: SyntheticWork[], ways: CheckWay[], warmup = 20): Promise<Record<string, CheckRun>> {
	const ms = new Map(ways.map((w) => [w.name, [] as number[]]));
	const found = new Map(ways.map((w) => [w.name, [] as number[]]));
	for (const [i, candidate] of candidates.entries()) {
		for (let k = 0; k < ways.length; k++) {
			const way = ways[(i + k) % ways.length];
			const r = await way.check(candidate);
			if (i < warmup) continue;
			ms.get(way.name)!.push(r.ms);
			found.get(way.name)!.push(r.rows);
		}
	}
	return Object.fromEntries(ways.map((w) => [w.name, { latency: summarise(ms.get(w.name)!), found: found.get(w.name)! }]));
}

/**
 * A check as the first statement work of a new connection (PostgreSQL): `pg.Pool` closes clients idle
 * for 10 s by default, so after a pause the next check pays for a fresh backend: PROJ set up for the
 * trigger's ST_Transform, plans built again. The connection itself is opened untimed.
 */
export async function coldChecks(open: () => Promise<Db>, candidates: SyntheticWork[]): Promise<CheckRun> {
	const ms: number[] = [];
	const found: number[] = [];
	for (const w of candidates) {
		const db = await open();
		try {
			await db.query('SELECT 1');
			const r = await sqlCheck(db, w, 'engine');
			ms.push(r.ms);
			found.push(r.rows);
		} finally {
			await db.close();
		}
	}
	return { latency: summarise(ms), found };
}

import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TYPE_OID, parseNumeric, keepDate, type Db, type Queryable } from './types';

/**
 * PGlite is one connection. Every query and transaction goes through one queue, so a request's
 * transaction never interleaves with another request's statements.
 */
const options = {
	extensions: { postgis },
	parsers: {
		[TYPE_OID.int8]: parseNumeric,
		[TYPE_OID.numeric]: parseNumeric,
		[TYPE_OID.date]: keepDate
	}
};

export interface PgliteDb extends Db {
	readonly kind: 'pglite';
	/** The whole data directory as a gzipped tarball, consistent: taken between two queries. */
	dumpDataDir(): Promise<Blob>;
}

export async function openPglite(dataDir: string): Promise<PgliteDb> {
	mkdirSync(dataDir, { recursive: true });
	const releaseLock = await lockDataDir(dataDir);
	const pglite = await PGlite.create(dataDir, options);

	let tail: Promise<unknown> = Promise.resolve();
	function serialise<T>(task: () => Promise<T>): Promise<T> {
		const run = tail.then(task, task);
		tail = run.catch(() => {});
		return run;
	}

	const direct: Queryable = {
		async query<Row>(sql: string, params: unknown[] = []) {
			const result = await pglite.query<Row>(sql, params);
			return { rows: result.rows };
		},
		async exec(sql: string) {
			await pglite.exec(sql);
		}
	};

	return {
		kind: 'pglite',
		query: (sql, params) => serialise(() => direct.query(sql, params)),
		exec: (sql) => serialise(() => direct.exec(sql)),
		transaction: (fn) =>
			serialise(() =>
				pglite.transaction((tx) =>
					fn({
						async query<Row>(sql: string, params: unknown[] = []) {
							const result = await tx.query<Row>(sql, params);
							return { rows: result.rows };
						},
						async exec(sql: string) {
							await tx.exec(sql);
						}
					})
				)
			),
		dumpDataDir: () => serialise(() => pglite.dumpDataDir('gzip')),
		close: () =>
			serialise(async () => {
				await pglite.close();
				releaseLock();
			})
	};
}

/** Fills an empty data directory from a tarball made by dumpDataDir. */
export async function loadPgliteDataDir(dataDir: string, tarball: Blob): Promise<void> {
	mkdirSync(dataDir, { recursive: true });
	const releaseLock = await lockDataDir(dataDir);
	try {
		const pglite = await PGlite.create(dataDir, { ...options, loadDataDir: tarball });
		await pglite.close();
	} finally {
		releaseLock();
	}
}

/** A process's start time in clock ticks since boot (Linux), which tells a reused pid from the one that wrote a lock. */
function startTime(pid: number): string | null {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// the command name in parentheses may hold spaces: fields are counted after its closing one
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		// a zombie has died; only its parent has not yet collected it
		if (fields[0] === 'Z' || fields[0] === 'X') return null;
		return fields[19];
	} catch {
		return null;
	}
}

interface Holder {
	pid: number;
	/** null where /proc is not there to read */
	started: string | null;
}

function ownMark(): string {
	return `${process.pid} ${startTime(process.pid) ?? '-'}`;
}

function readHolder(lock: string): Holder | null {
	try {
		const [pid, started] = readFileSync(lock, 'utf8').trim().split(/\s+/);
		return Number.isInteger(Number(pid)) && Number(pid) > 0 ? { pid: Number(pid), started: started && started !== '-' ? started : null } : null;
	} catch {
		return null;
	}
}

/** Whether the process that wrote the lock still runs: not dead, not a zombie, not another process given its pid. */
function holds(holder: Holder): boolean {
	if (holder.pid === process.pid) return false;
	if (existsSync('/proc/self/stat')) {
		const now = startTime(holder.pid);
		return now !== null && (holder.started === null || holder.started === now);
	}
	try {
		process.kill(holder.pid, 0);
		return true;
	} catch (err) {
		return (err as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * One process per data directory: two PGlite instances writing the same files would corrupt them.
 * A lock left by a process that died (killed, a zombie, or its pid since given to another process)
 * is taken over; one held by a live process is waited for (DIGONCE_LOCK_WAIT_S, default 30 s), as
 * when a supervisor restarts the server while the old one is still shutting down, and only then refused.
 */
async function lockDataDir(dataDir: string): Promise<() => void> {
	const lock = join(dataDir, 'digonce.lock');
	const waitS = Number(process.env.DIGONCE_LOCK_WAIT_S ?? 30);
	const deadline = Date.now() + (Number.isFinite(waitS) && waitS >= 0 ? waitS : 30) * 1000;
	const mark = ownMark();
	for (;;) {
		try {
			writeFileSync(lock, mark, { flag: 'wx' });
			break;
		} catch {
			const holder = readHolder(lock);
			if (!holder || !holds(holder)) {
				writeFileSync(lock, mark);
				break;
			}
			if (Date.now() >= deadline)
				throw new Error(
					`The embedded database in ${dataDir} is in use by another process (pid ${holder.pid}). Stop that server, or set DATA_DIR to another directory.`
				);
			await new Promise((r) => setTimeout(r, 250));
		}
	}
	return () => {
		// only our own lock: a process that took over a lock it thought dead must keep it
		if (readHolder(lock)?.pid === process.pid) rmSync(lock, { force: true });
	};
}

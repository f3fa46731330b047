import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TYPE_OID, parseNumeric, keepDate, type Db, type Queryable } from './types';

/**
 * PGlite is one connection. Every query and transaction goes through one queue, so a request's
 * transaction never interleaves with another request's statements.
 */
export async function openPglite(dataDir: string): Promise<Db> {
	mkdirSync(dataDir, { recursive: true });
	const releaseLock = lockDataDir(dataDir);
	const pglite = await PGlite.create(dataDir, {
		extensions: { postgis },
		parsers: {
			[TYPE_OID.int8]: parseNumeric,
			[TYPE_OID.numeric]: parseNumeric,
			[TYPE_OID.date]: keepDate
		}
	});

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
		close: () =>
			serialise(async () => {
				await pglite.close();
				releaseLock();
			})
	};
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (err) {
		return (err as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * One process per data directory: two PGlite instances writing the same files would corrupt them.
 * A lock left by a process that died is taken over.
 */
function lockDataDir(dataDir: string): () => void {
	const lock = join(dataDir, 'digonce.lock');
	try {
		writeFileSync(lock, String(process.pid), { flag: 'wx' });
	} catch {
		const holder = Number(readFileSync(lock, 'utf8'));
		if (holder !== process.pid && alive(holder)) {
			throw new Error(
				`The embedded database in ${dataDir} is in use by another process (pid ${holder}). Stop that server, or set DATA_DIR to another directory.`
			);
		}
		writeFileSync(lock, String(process.pid));
	}
	return () => rmSync(lock, { force: true });
}

import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { mkdirSync } from 'node:fs';
import { TYPE_OID, parseNumeric, keepDate, type Db, type Queryable } from './types';

/**
 * PGlite is one connection. Every query and transaction goes through one queue, so a request's
 * transaction never interleaves with another request's statements.
 */
export async function openPglite(dataDir: string): Promise<Db> {
	mkdirSync(dataDir, { recursive: true });
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
		transaction: (fn) => serialise(() => pglite.transaction((tx) => fn({
			async query<Row>(sql: string, params: unknown[] = []) {
				const result = await tx.query<Row>(sql, params);
				return { rows: result.rows };
			},
			async exec(sql: string) {
				await tx.exec(sql);
			}
		}))),
		close: () => serialise(() => pglite.close())
	};
}

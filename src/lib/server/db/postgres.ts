import pg from 'pg';
import { TYPE_OID, parseNumeric, keepDate, type Db, type Queryable } from './types';

pg.types.setTypeParser(TYPE_OID.int8, parseNumeric);
pg.types.setTypeParser(TYPE_OID.numeric, parseNumeric);
pg.types.setTypeParser(TYPE_OID.date, keepDate);

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
	return {
		async query<Row>(sql: string, params: unknown[] = []) {
			const result = await client.query(sql, params);
			return { rows: result.rows as Row[] };
		},
		async exec(sql: string) {
			await client.query(sql);
		}
	};
}

export function openPostgres(connectionString: string, max = 10): Db {
	// JIT compiles for a second before queries that run in milliseconds here; off, as for most OLTP loads.
	// Idle connections are kept 10 minutes (pg's default is 10 s): a new backend costs the first
	// check 60–90 ms (plans, PROJ), which a utility pausing while drawing should not meet. Idle
	// clients do not keep a script alive (allowExitOnIdle).
	const pool = new pg.Pool({ connectionString, max, idleTimeoutMillis: 600_000, allowExitOnIdle: true, options: '-c jit=off' });
	// An idle client's error (e.g. the server restarting) must not take the process down.
	pool.on('error', (err) => console.error('postgres pool:', err.message));
	const base = wrap(pool);
	return {
		kind: 'postgres',
		...base,
		async transaction(fn) {
			const client = await pool.connect();
			try {
				await client.query('BEGIN');
				const result = await fn(wrap(client));
				await client.query('COMMIT');
				return result;
			} catch (err) {
				await client.query('ROLLBACK').catch(() => {});
				throw err;
			} finally {
				client.release();
			}
		},
		async close() {
			await pool.end();
		}
	};
}

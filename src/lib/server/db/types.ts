/** What every part of the server needs from the database: PostgreSQL through `pg`, or embedded PGlite. */
export interface Queryable {
	query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
	/** Runs several statements at once, without parameters (migrations, function files). */
	exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
	readonly kind: 'pglite' | 'postgres';
	/** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
	transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
	close(): Promise<void>;
}

/** Type OIDs parsed the same way on both backends: dates stay `YYYY-MM-DD`, numbers become numbers. */
export const TYPE_OID = { int8: 20, numeric: 1700, date: 1082 } as const;

export const parseNumeric = (value: string) => Number(value);
export const keepDate = (value: string) => value;

import { resolve } from 'node:path';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import type { Db } from './types';

export type { Db, Queryable } from './types';

/** The repository root: `sql/` and `data/` are read from here. */
export const projectRoot = () => resolve(process.env.DIGONCE_ROOT ?? process.cwd());

export const defaultDataDir = () => resolve(projectRoot(), '.data/pglite');

/** PostgreSQL when a connection string is given, otherwise the embedded PostGIS in `dataDir`. */
export async function openDb(options: { databaseUrl?: string; dataDir?: string } = {}): Promise<Db> {
	if (options.databaseUrl) return openPostgres(options.databaseUrl);
	return openPglite(options.dataDir ?? defaultDataDir());
}

import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openPglite } from '../../src/lib/server/db/pglite';
import { openPostgres } from '../../src/lib/server/db/postgres';
import type { Db } from '../../src/lib/server/db/types';
import { withDatabase, type Template } from './backend';

export interface TestDatabase {
	backend: 'pglite' | 'postgres';
	/** pglite: the data directory; postgres: unset */
	dataDir?: string;
	/** postgres: the connection string; pglite: unset */
	url?: string;
	open(): Promise<Db>;
	dispose(): Promise<void>;
}

/** A database of its own, copied from a template: `bare` (nothing), `migrated`, or `demo` (with demo data). */
export async function createTestDatabase(template: Template): Promise<TestDatabase> {
	const templates = inject('templates');
	const id = `digonce_t_${randomBytes(6).toString('hex')}`;
	if (templates.backend === 'pglite') {
		const dataDir = join(templates.workDir, id);
		cpSync(templates.location[template], dataDir, { recursive: true });
		return {
			backend: 'pglite',
			dataDir,
			open: () => openPglite(dataDir),
			dispose: async () => rmSync(dataDir, { recursive: true, force: true })
		};
	}
	const adminUrl = templates.adminUrl!;
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	await admin.query(`CREATE DATABASE ${id} TEMPLATE ${templates.location[template]}`);
	await admin.end();
	const url = withDatabase(adminUrl, id);
	return {
		backend: 'postgres',
		url,
		open: async () => openPostgres(url, 4),
		dispose: async () => {
			const admin = new pg.Client({ connectionString: adminUrl });
			await admin.connect();
			await admin.query(`DROP DATABASE IF EXISTS ${id} WITH (FORCE)`);
			await admin.end();
		}
	};
}

/** Opens a fresh copy of `template` for one test file; close it in afterAll. */
export async function openTestDb(template: Template): Promise<{ db: Db; testDb: TestDatabase; close(): Promise<void> }> {
	const testDb = await createTestDatabase(template);
	const db = await testDb.open();
	return {
		db,
		testDb,
		close: async () => {
			await db.close();
			await testDb.dispose();
		}
	};
}

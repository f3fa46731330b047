import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTestDatabase, type TestDatabase } from '../support/db';
import type { Queryable } from '../../src/lib/server/db/types';

const root = resolve(import.meta.dirname, '../..');

/** every table of the schema: its row count and a digest of all its rows */
async function fingerprint(db: Queryable): Promise<Record<string, string>> {
	const { rows: tables } = await db.query<{ name: string }>(
		`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'spatial_ref_sys' ORDER BY 1`
	);
	const out: Record<string, string> = {};
	for (const { name } of tables) {
		const { rows } = await db.query<{ n: number; digest: string | null }>(
			`SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM "${name}" t`
		);
		out[name] = `${rows[0].n}:${rows[0].digest}`;
	}
	return out;
}

/** `npm run db:backup|db:restore` as an operator runs it, against one test database */
function dbScript(args: string[], at: TestDatabase | string) {
	const env = { ...process.env, DIGONCE_LOCK_WAIT_S: '2' } as Record<string, string>;
	delete env.DATABASE_URL;
	delete env.DATA_DIR;
	if (typeof at === 'string') env.DATA_DIR = at;
	else if (at.url) env.DATABASE_URL = at.url;
	else env.DATA_DIR = at.dataDir!;
	return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/db.ts', ...args], { cwd: root, env, encoding: 'utf8' });
}

describe('backup and restore (npm run db:backup / db:restore)', () => {
	it('restores a backup of the demo database with every row of every table, and replaces a database only when told', async () => {
		const scratch = mkdtempSync(join(tmpdir(), 'digonce-backup-'));
		const source = await createTestDatabase('demo');
		const pg = !!source.url;
		const target: TestDatabase | string = pg ? await createTestDatabase('bare') : join(scratch, 'restored');
		const file = join(scratch, pg ? 'demo.dump' : 'demo.tar.gz');
		try {
			let db = await source.open();
			// a row written just before the backup is in it
			await db.query(`UPDATE organisation SET hotline = '0792-0000000' WHERE id = (SELECT min(id) FROM organisation)`);
			const before = await fingerprint(db);
			expect(Number(before.work.split(':')[0])).toBeGreaterThan(100);
			// the embedded database is backed up while no server holds it
			await db.close();

			const made = dbScript(['backup', file], source);
			expect(made.status, made.stderr).toBe(0);
			expect(made.stdout).toContain(`backup: ${file}`);

			const restored = dbScript(['restore', file], target);
			expect(restored.status, restored.stderr).toBe(0);
			const opened = typeof target === 'string' ? await createdAt(target) : await target.open();
			expect(await fingerprint(opened)).toEqual(before);

			// over a database that holds data, only with --replace; refused, it changes nothing
			await opened.query(`DELETE FROM work_event WHERE id = (SELECT max(id) FROM work_event)`);
			const changed = await fingerprint(opened);
			await opened.close();
			const refused = dbScript(['restore', file], target);
			expect(refused.status).toBe(1);
			expect(refused.stderr).toMatch(/--replace/);
			db = typeof target === 'string' ? await createdAt(target) : await target.open();
			expect(await fingerprint(db)).toEqual(changed);
			await db.close();
			const replaced = dbScript(['restore', file, '--replace'], target);
			expect(replaced.status, replaced.stderr).toBe(0);
			db = typeof target === 'string' ? await createdAt(target) : await target.open();
			expect(await fingerprint(db)).toEqual(before);
			await db.close();
		} finally {
			await source.dispose();
			if (typeof target !== 'string') await target.dispose();
			rmSync(scratch, { recursive: true, force: true });
		}
	});

	it('says what a file is when it is given to the wrong database', async () => {
		const scratch = mkdtempSync(join(tmpdir(), 'digonce-backup-'));
		const source = await createTestDatabase('migrated');
		try {
			const file = join(scratch, 'backup');
			expect(dbScript(['backup', file], source).status).toBe(0);
			const elsewhere = source.url ? join(scratch, 'embedded') : 'postgres://digonce:digonce@127.0.0.1:5432/digonce';
			const wrong = dbScript(['restore', file], elsewhere.startsWith('postgres') ? ({ url: elsewhere } as TestDatabase) : elsewhere);
			expect(wrong.status).toBe(1);
			expect(wrong.stderr).toMatch(source.url ? /is a PostgreSQL backup/ : /is a backup of the embedded database/);
		} finally {
			await source.dispose();
			rmSync(scratch, { recursive: true, force: true });
		}
	});
});

async function createdAt(dataDir: string) {
	const { openPglite } = await import('../../src/lib/server/db/pglite');
	return openPglite(dataDir);
}

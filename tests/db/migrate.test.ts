import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { migrate, MigrationError, readSqlFiles } from '../../src/lib/server/db/migrate';
import { openTestDb } from '../support/db';
import { backendName } from '../support/backend';
import type { Db } from '../../src/lib/server/db/types';

const sqlDir = resolve(import.meta.dirname, '../../sql');

describe('migrations', () => {
	let db: Db;
	let close: () => Promise<void>;
	let scratch: string;

	beforeAll(async () => {
		({ db, close } = await openTestDb('bare'));
		scratch = mkdtempSync(join(tmpdir(), 'digonce-sql-'));
		cpSync(sqlDir, scratch, { recursive: true });
	});
	afterAll(async () => {
		await close();
		rmSync(scratch, { recursive: true, force: true });
	});

	it('applies every migration on an empty database, in order', async () => {
		const { applied } = await migrate(db, scratch);
		expect(applied).toEqual(readSqlFiles(join(sqlDir, 'migrations')).map((f) => f.name));
		const { rows } = await db.query<{ name: string }>('SELECT name FROM schema_migration ORDER BY name');
		expect(rows.map((r) => r.name)).toEqual(applied);
	});

	it('is a no-op the second time', async () => {
		const before = await db.query('SELECT name, checksum, applied_at FROM schema_migration ORDER BY name');
		const { applied } = await migrate(db, scratch);
		expect(applied).toEqual([]);
		const after = await db.query('SELECT name, checksum, applied_at FROM schema_migration ORDER BY name');
		expect(after.rows).toEqual(before.rows);
	});

	it('refuses, and says so plainly, when an applied migration was changed', async () => {
		const file = join(scratch, 'migrations/0001_create_domain.sql');
		const original = readFileSync(file, 'utf8');
		writeFileSync(file, original + '\n-- an edit after the fact\n');
		try {
			await expect(migrate(db, scratch)).rejects.toThrow(MigrationError);
			await expect(migrate(db, scratch)).rejects.toThrow(/0001_create_domain\.sql was changed after it was applied.*restore the file/);
		} finally {
			writeFileSync(file, original);
		}
	});

	it('refuses when an applied migration file is missing', async () => {
		const file = join(scratch, 'migrations/0002_add_jiujiang.sql');
		const original = readFileSync(file, 'utf8');
		unlinkSync(file);
		try {
			await expect(migrate(db, scratch)).rejects.toThrow(/0002_add_jiujiang\.sql is recorded as applied but its file is missing/);
		} finally {
			writeFileSync(file, original);
		}
	});

	it('leaves nothing behind when a new migration fails', async () => {
		const file = join(scratch, 'migrations/9999_break_things.sql');
		writeFileSync(file, 'CREATE TABLE half_done (id int);\nSELECT no_such_function();\n');
		try {
			await expect(migrate(db, scratch)).rejects.toThrow(/9999_break_things\.sql failed/);
			const { rows } = await db.query(`SELECT to_regclass('half_done') AS t, (SELECT count(*)::int FROM schema_migration WHERE name LIKE '9999%') AS n`);
			expect(rows[0]).toEqual({ t: null, n: 0 });
		} finally {
			unlinkSync(file);
		}
	});

	it('refuses a migration file whose name is not NNNN_verb_object.sql', async () => {
		const file = join(scratch, 'migrations/add-things.sql');
		writeFileSync(file, 'SELECT 1;');
		try {
			await expect(migrate(db, scratch)).rejects.toThrow(/does not follow NNNN_verb_object\.sql/);
		} finally {
			unlinkSync(file);
		}
	});

	it('re-applies function files every time', async () => {
		const file = join(scratch, 'functions/zz_probe.sql');
		writeFileSync(file, `CREATE OR REPLACE FUNCTION migrate_probe() RETURNS int LANGUAGE sql AS 'SELECT 1';`);
		await migrate(db, scratch);
		writeFileSync(file, `CREATE OR REPLACE FUNCTION migrate_probe() RETURNS int LANGUAGE sql AS 'SELECT 2';`);
		await migrate(db, scratch);
		const { rows } = await db.query<{ v: number }>('SELECT migrate_probe() AS v');
		expect(rows[0].v).toBe(2);
		unlinkSync(file);
	});
});

// PostgreSQL serves many connections; only the embedded database has a directory to guard.
describe.skipIf(backendName() === 'postgres')('the embedded data directory', () => {
	it('refuses a second process on the same directory, saying which holds it', async () => {
		const { testDb, close } = await openTestDb('bare');
		try {
			const { spawnSync } = await import('node:child_process');
			const script = `import('${resolve(import.meta.dirname, '../../src/lib/server/db/pglite.ts')}').then(m => m.openPglite(process.argv[1])).then(() => console.log('opened'), e => { console.log(e.message); process.exit(3); })`;
			const second = spawnSync(process.execPath, ['--import', 'tsx', '-e', script, testDb.dataDir!], {
				encoding: 'utf8',
				cwd: resolve(import.meta.dirname, '../..')
			});
			expect(second.status).toBe(3);
			expect(second.stdout).toMatch(/in use by another process \(pid \d+\)\. Stop that server, or set DATA_DIR/);
		} finally {
			await close();
		}
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { migrate, MigrationError, readSqlFiles } from '../../src/lib/server/db/migrate';
import { spawn } from 'node:child_process';
import { createTestDatabase, openTestDb } from '../support/db';
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
	const root = resolve(import.meta.dirname, '../..');
	const opener = `import('${resolve(root, 'src/lib/server/db/pglite.ts')}').then(m => m.openPglite(process.argv[1])).then(db => db.close()).then(() => console.log('opened'), e => { console.log(e.message); process.exit(3); })`;
	/** another server process opening the directory, waiting at most `waitS` for a live holder */
	const openElsewhere = (dataDir: string, waitS: number) =>
		new Promise<{ status: number | null; stdout: string }>((done) => {
			const child = spawn(process.execPath, ['--import', 'tsx', '-e', opener, dataDir], {
				cwd: root,
				env: { ...process.env, DIGONCE_LOCK_WAIT_S: String(waitS) }
			});
			let stdout = '';
			child.stdout.on('data', (d) => (stdout += d));
			child.on('exit', (status) => done({ status, stdout }));
		});

	it('refuses a second process on the same directory, saying which holds it, once it has waited', async () => {
		const { testDb, close } = await openTestDb('bare');
		try {
			const second = await openElsewhere(testDb.dataDir!, 1);
			expect(second.status).toBe(3);
			expect(second.stdout).toMatch(/in use by another process \(pid \d+\)\. Stop that server, or set DATA_DIR/);
		} finally {
			await close();
		}
	});

	it('takes over the lock of a server killed with -9 whose process is a zombie, or whose pid another process now has', async () => {
		const testDb = await createTestDatabase('bare');
		const lock = join(testDb.dataDir!, 'digonce.lock');
		// a child that exits and is never collected by its parent (bash turned into `sleep`): a zombie, still in the process table
		const parent = spawn('bash', ['-c', 'sleep 0 & echo $!; exec sleep 60']);
		try {
			const zombie = Number(await new Promise<string>((r) => parent.stdout.once('data', (d) => r(String(d)))));
			await new Promise((r) => setTimeout(r, 200));
			expect(readFileSync(`/proc/${zombie}/stat`, 'utf8')).toMatch(/\) Z /);
			writeFileSync(lock, String(zombie));
			expect((await openElsewhere(testDb.dataDir!, 5)).stdout).toContain('opened');

			// the pid of a live process, but not the process that wrote the lock: it started at another time
			writeFileSync(lock, `${parent.pid} 1`);
			expect((await openElsewhere(testDb.dataDir!, 5)).stdout).toContain('opened');
		} finally {
			parent.kill('SIGKILL');
			await testDb.dispose();
		}
	});

	it('waits for a live holder that is shutting down, then opens', async () => {
		const testDb = await createTestDatabase('bare');
		const holder = spawn('sleep', ['2']);
		try {
			writeFileSync(join(testDb.dataDir!, 'digonce.lock'), String(holder.pid));
			const second = await openElsewhere(testDb.dataDir!, 30);
			expect(second.stdout).toContain('opened');
			expect(holder.exitCode).toBe(0);
		} finally {
			holder.kill();
			await testDb.dispose();
		}
	});
});

import { spawn } from 'node:child_process';
import { existsSync, openSync, readSync, closeSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { loadPgliteDataDir, openPglite } from './pglite';

/**
 * Backups of either database. PostgreSQL: `pg_dump`'s custom format, read back by `pg_restore`.
 * The embedded database: its data directory as PGlite dumps it, a gzipped tarball, which opens the
 * lock like the server does, so a backup or a restore waits for a running server and then refuses.
 */
export type Target = { databaseUrl: string } | { dataDir: string };

export class BackupError extends Error {}

function run(command: string, args: string[]): Promise<void> {
	return new Promise((done, fail) => {
		const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'] });
		let stderr = '';
		child.stderr.on('data', (d) => (stderr += d));
		child.on('error', (err) =>
			fail(new BackupError(`${command} could not be run (${err.message}): install PostgreSQL's client tools (Debian: postgresql-client).`))
		);
		child.on('exit', (code) => (code === 0 ? done() : fail(new BackupError(`${command} failed (exit ${code}): ${stderr.trim()}`))));
	});
}

/** What a backup file holds, from its first bytes. */
export function backupKind(file: string): 'postgres' | 'pglite' | null {
	const fd = openSync(file, 'r');
	const head = Buffer.alloc(5);
	readSync(fd, head, 0, 5, 0);
	closeSync(fd);
	if (head.toString('latin1') === 'PGDMP') return 'postgres';
	if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
	return null;
}

export async function backup(target: Target, file: string): Promise<void> {
	if ('databaseUrl' in target) return run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, target.databaseUrl]);
	if (!existsSync(target.dataDir)) throw new BackupError(`There is no embedded database in ${target.dataDir}: set DATA_DIR to the one to back up.`);
	const db = await openPglite(target.dataDir);
	try {
		writeFileSync(file, Buffer.from(await (await db.dumpDataDir()).arrayBuffer()));
	} finally {
		await db.close();
	}
}

async function holdsData(databaseUrl: string): Promise<boolean> {
	const client = new pg.Client({ connectionString: databaseUrl });
	await client.connect();
	try {
		const { rows } = await client.query(`SELECT to_regclass('public.schema_migration') IS NOT NULL AS present`);
		return rows[0].present;
	} finally {
		await client.end();
	}
}

/**
 * Restores a backup. Into a database that already holds digonce only with `replace`: PostgreSQL's
 * objects are dropped and made again in one transaction; the embedded data directory is moved aside,
 * kept beside it, never deleted. Returns where the replaced directory went, if one was.
 */
export async function restore(target: Target, file: string, replace = false): Promise<{ movedAside?: string }> {
	if (!existsSync(file)) throw new BackupError(`No backup file at ${file}.`);
	const kind = backupKind(file);
	const wanted = 'databaseUrl' in target ? 'postgres' : 'pglite';
	if (kind === null) throw new BackupError(`${file} is not a digonce backup (neither pg_dump's custom format nor an embedded database's tarball).`);
	if (kind !== wanted)
		throw new BackupError(
			kind === 'postgres'
				? `${file} is a PostgreSQL backup: restore it with DATABASE_URL set to a PostgreSQL database.`
				: `${file} is a backup of the embedded database: restore it without DATABASE_URL, with DATA_DIR set to where it goes.`
		);
	if ('databaseUrl' in target) {
		const present = await holdsData(target.databaseUrl);
		if (present && !replace) throw new BackupError('The database already holds digonce data: add --replace to replace it with the backup.');
		await run('pg_restore', [
			'--no-owner',
			'--no-privileges',
			'--single-transaction',
			'--exit-on-error',
			...(present ? ['--clean', '--if-exists'] : []),
			`--dbname=${target.databaseUrl}`,
			file
		]);
		return {};
	}
	let movedAside: string | undefined;
	const occupied = existsSync(target.dataDir) && readdirSync(target.dataDir).some((f) => f !== 'digonce.lock');
	if (occupied) {
		if (!replace) throw new BackupError(`${target.dataDir} already holds an embedded database: add --replace to replace it (it is kept beside it).`);
		movedAside = `${target.dataDir}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
		// through the lock: a running server is waited for and then refused, never moved from under
		const held = await openPglite(target.dataDir);
		await held.close();
		renameSync(target.dataDir, movedAside);
	}
	await loadPgliteDataDir(target.dataDir, new Blob([readFileSync(file)]));
	return { movedAside };
}

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './types';

export interface SqlFile {
	name: string;
	sql: string;
}

export class MigrationError extends Error {}

const MIGRATION_NAME = /^\d{4}_[a-z0-9_]+\.sql$/;

export function readSqlFiles(dir: string): SqlFile[] {
	return readdirSync(dir)
		.filter((name) => name.endsWith('.sql'))
		.sort()
		.map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') }));
}

export const checksum = (sql: string) => createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');

/**
 * Applies the forward-only migrations not yet applied, in name order, then re-applies every
 * function file. All in one transaction under an advisory lock, so two servers starting at once
 * cannot both migrate, and a failing migration leaves nothing half-done.
 */
export async function migrate(db: Db, sqlDir: string): Promise<{ applied: string[]; functions: string[] }> {
	const migrations = readSqlFiles(join(sqlDir, 'migrations'));
	const functions = readSqlFiles(join(sqlDir, 'functions'));
	for (const { name } of migrations) {
		if (!MIGRATION_NAME.test(name)) {
			throw new MigrationError(`Migration file name "${name}" does not follow NNNN_verb_object.sql; rename it before starting.`);
		}
	}

	return db.transaction(async (tx) => {
		await tx.query('SELECT pg_advisory_xact_lock(4004400)');
		await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
			name text PRIMARY KEY,
			checksum text NOT NULL,
			applied_at timestamptz NOT NULL DEFAULT now()
		)`);
		const { rows } = await tx.query<{ name: string; checksum: string }>('SELECT name, checksum FROM schema_migration ORDER BY name');
		const recorded = new Map(rows.map((row) => [row.name, row.checksum]));
		const files = new Set(migrations.map((m) => m.name));
		for (const name of recorded.keys()) {
			if (!files.has(name)) {
				throw new MigrationError(
					`Migration ${name} is recorded as applied but its file is missing from ${sqlDir}/migrations. ` +
						`Restore the file: applied migrations are never removed.`
				);
			}
		}

		const applied: string[] = [];
		for (const migration of migrations) {
			const sum = checksum(migration.sql);
			const previous = recorded.get(migration.name);
			if (previous !== undefined) {
				if (previous !== sum) {
					throw new MigrationError(
						`Migration ${migration.name} was changed after it was applied ` +
							`(checksum ${previous.slice(0, 12)}… recorded, ${sum.slice(0, 12)}… on disk). ` +
							`Migrations are forward-only: restore the file and put the change in a new migration.`
					);
				}
				continue;
			}
			try {
				await tx.exec(migration.sql);
			} catch (err) {
				throw new MigrationError(`Migration ${migration.name} failed: ${(err as Error).message}`);
			}
			await tx.query('INSERT INTO schema_migration (name, checksum) VALUES ($1, $2)', [migration.name, sum]);
			applied.push(migration.name);
		}

		for (const fn of functions) {
			try {
				await tx.exec(fn.sql);
			} catch (err) {
				throw new MigrationError(`Function file ${fn.name} failed: ${(err as Error).message}`);
			}
		}
		return { applied, functions: functions.map((f) => f.name) };
	});
}

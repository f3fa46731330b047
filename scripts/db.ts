/**
 * `npm run db:migrate` — apply migrations to the database of DATABASE_URL (or the embedded one in DATA_DIR).
 * `npm run db:seed [-- --with-accounts]` — load the demo data into an empty database; demo accounts,
 * whose passwords are public, only with --with-accounts.
 * `npm run db:backup [-- <file>]` — back the database up (default backups/digonce-<time>.dump or .tar.gz).
 * `npm run db:restore -- <file> [--replace]` — restore a backup; over existing data only with --replace.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { defaultDataDir, openDb, projectRoot } from '../src/lib/server/db/index';
import { backup, BackupError, restore } from '../src/lib/server/db/backup';
import { migrate, MigrationError } from '../src/lib/server/db/migrate';
import { hasData, seedDemo } from '../src/lib/server/demo/seed';

const command = process.argv[2];
if (command === 'backup' || command === 'restore') {
	const target = process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { dataDir: resolve(process.env.DATA_DIR ?? defaultDataDir()) };
	const file = process.argv.slice(3).find((a) => !a.startsWith('--'));
	try {
		if (command === 'backup') {
			const out =
				file ?? join(projectRoot(), 'backups', `digonce-${new Date().toISOString().replace(/[:.]/g, '-')}.${'databaseUrl' in target ? 'dump' : 'tar.gz'}`);
			mkdirSync(dirname(out), { recursive: true });
			await backup(target, out);
			console.log(`backup: ${out} (${statSync(out).size} bytes)`);
		} else {
			if (!file) throw new BackupError('Name the backup file to restore: npm run db:restore -- <file> [--replace]');
			const { movedAside } = await restore(target, file, process.argv.includes('--replace'));
			console.log(`restore: ${file} restored${movedAside ? `; the database it replaced is kept at ${movedAside}` : ''}`);
		}
	} catch (err) {
		console.error(err instanceof BackupError ? err.message : err);
		process.exit(1);
	}
	process.exit(0);
}
const db = await openDb({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR });
try {
	const { applied } = await migrate(db, join(projectRoot(), 'sql'));
	console.log(applied.length ? `applied: ${applied.join(', ')}` : 'migrations: up to date');
	if (command === 'seed') {
		if (await hasData(db)) {
			console.log('seed: the database already holds neighbourhoods; nothing loaded.');
		} else {
			const counts = await seedDemo(db, join(projectRoot(), 'data/demo'), {
				accounts: process.argv.includes('--with-accounts')
			});
			console.log(`seed: demo data loaded ${JSON.stringify(counts)}`);
		}
	}
} catch (err) {
	console.error(err instanceof MigrationError ? err.message : err);
	process.exitCode = 1;
} finally {
	await db.close();
}

/**
 * `npm run db:migrate` — apply migrations to the database of DATABASE_URL (or the embedded one in DATA_DIR).
 * `npm run db:seed [-- --with-accounts]` — load the demo data into an empty database; demo accounts,
 * whose passwords are public, only with --with-accounts.
 */
import { join } from 'node:path';
import { openDb, projectRoot } from '../src/lib/server/db/index';
import { migrate, MigrationError } from '../src/lib/server/db/migrate';
import { hasData, seedDemo } from '../src/lib/server/demo/seed';

const command = process.argv[2];
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

import { join } from 'node:path';
import { openDb, projectRoot, type Db } from './index';
import { migrate } from './migrate';
import { hasData, realignDemo, seedDemo } from '../demo/seed';
import { serverToday } from '../clock';

let ready: Promise<Db> | undefined;

/**
 * The server's one database handle: opened, migrated, and — on an empty embedded database — loaded
 * with the demo data and its accounts. PostgreSQL is never seeded implicitly (`npm run db:seed`).
 */
export function appDb(): Promise<Db> {
	return (ready ??= start());
}

async function start(): Promise<Db> {
	const started = Date.now();
	// a mistyped DIGONCE_TODAY stops the start here rather than failing the first request
	const today = serverToday();
	const db = await openDb({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR });
	const { applied } = await migrate(db, join(projectRoot(), 'sql'));
	if (applied.length) console.log(`digonce: applied migrations ${applied.join(', ')}`);
	if (db.kind === 'pglite' && process.env.DEMO_DATA !== 'off' && !(await hasData(db))) {
		const counts = await seedDemo(db, join(projectRoot(), 'data/demo'), { accounts: true, today });
		console.log(`digonce: loaded demo data ${JSON.stringify(counts)}`);
	} else {
		const moved = await realignDemo(db, today);
		if (moved) console.log(`digonce: demo data moved by ${moved} year(s) to stay current with ${today}`);
	}
	console.log(`digonce: ${db.kind} database ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	process.once('sveltekit:shutdown', () => void db.close());
	return db;
}

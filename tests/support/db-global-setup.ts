import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, renameSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite } from '../../src/lib/server/db/pglite';
import { openPostgres } from '../../src/lib/server/db/postgres';
import { migrate } from '../../src/lib/server/db/migrate';
import { seedDemo } from '../../src/lib/server/demo/seed';
import { demoShiftYears } from '../../src/lib/server/demo/shift';
import { testToday } from './clock';
import type { Db } from '../../src/lib/server/db/types';
import { testDatabaseUrl, withDatabase, type Template, type Templates } from './backend';

declare module 'vitest' {
	export interface ProvidedContext {
		templates: Templates;
	}
}

const root = resolve(import.meta.dirname, '../..');

/**
 * Templates are rebuilt only when the SQL, the demo data, the database engine or the whole years
 * the demo is moved by (the suite's today) change.
 */
function templateKey(): string {
	const hash = createHash('sha256');
	const walk = (dir: string) => {
		for (const name of readdirSync(dir).sort()) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else hash.update(path.slice(root.length)).update(readFileSync(path));
		}
	};
	walk(join(root, 'sql'));
	walk(join(root, 'data/demo'));
	hash.update(readFileSync(join(root, 'package-lock.json')));
	hash.update(readFileSync(join(root, 'src/lib/server/demo/seed.ts')));
	hash.update(readFileSync(join(root, 'src/lib/server/demo/shift.ts')));
	hash.update(`demo shifted by ${demoShiftYears(testToday())} years`);
	return hash.digest('hex').slice(0, 16);
}

async function fill(db: Db, template: Template) {
	if (template === 'bare') return;
	await migrate(db, join(root, 'sql'));
	if (template === 'demo') await seedDemo(db, join(root, 'data/demo'), { accounts: true, today: testToday() });
}

async function pgliteTemplates(key: string): Promise<Templates> {
	const base = join(root, '.data/test-templates');
	const dir = join(base, key);
	if (!existsSync(join(dir, 'complete'))) {
		// Templates of other keys may be in use by another run; only those idle for a day go.
		if (existsSync(base)) {
			for (const name of readdirSync(base)) {
				const path = join(base, name);
				if (Date.now() - statSync(path).mtimeMs > 86_400_000) rmSync(path, { recursive: true, force: true });
			}
		}
		const building = `${dir}.building-${process.pid}`;
		for (const template of ['bare', 'migrated', 'demo'] as const) {
			const db = await openPglite(join(building, template));
			await fill(db, template);
			await db.close();
		}
		mkdirSync(join(building, 'complete'));
		renameSync(building, dir);
	}
	const workDir = join(root, '.data/test-work', String(process.pid));
	mkdirSync(workDir, { recursive: true });
	return {
		backend: 'pglite',
		location: { bare: join(dir, 'bare'), migrated: join(dir, 'migrated'), demo: join(dir, 'demo') },
		workDir
	};
}

async function postgresTemplates(adminUrl: string, key: string): Promise<Templates> {
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	const location = {} as Record<Template, string>;
	try {
		for (const template of ['bare', 'migrated', 'demo'] as const) {
			const name = `digonce_tpl_${template}_${key}`;
			location[template] = name;
			const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
			if (rowCount) continue;
			const building = `${name}_building_${process.pid}`;
			await admin.query(`DROP DATABASE IF EXISTS ${building}`);
			await admin.query(`CREATE DATABASE ${building}`);
			const db = openPostgres(withDatabase(adminUrl, building), 1);
			await fill(db, template);
			await db.close();
			try {
				await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
			} catch (err) {
				// another run built the same template meanwhile: use theirs
				if ((err as { code?: string }).code !== '42P04') throw err;
				await admin.query(`DROP DATABASE ${building}`);
			}
		}
	} finally {
		await admin.end();
	}
	return { backend: 'postgres', location, adminUrl, workDir: join(root, '.data/test-work', String(process.pid)) };
}

export default async function setup(project: TestProject) {
	const key = templateKey();
	const url = testDatabaseUrl();
	const started = Date.now();
	const templates = url ? await postgresTemplates(url, key) : await pgliteTemplates(key);
	mkdirSync(templates.workDir, { recursive: true });
	console.log(`test databases (${templates.backend}) ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	project.provide('templates', templates);
	// Each test file drops its own database; templates stay for the next run with the same key.
	return () => rmSync(templates.workDir, { recursive: true, force: true });
}

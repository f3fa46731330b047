/**
 * A benchmark database per data set, on PostgreSQL or embedded PGlite: created, migrated with the
 * project's own runner, and bulk-loaded from the synthetic generator. A loaded database is kept and
 * reused while the generator and the schema are unchanged (PGlite needs minutes to load 100k works).
 */
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { openPglite } from '../src/lib/server/db/pglite';
import { openPostgres } from '../src/lib/server/db/postgres';
import { checksum, migrate, readSqlFiles } from '../src/lib/server/db/migrate';
import type { Db } from '../src/lib/server/db/types';
import { hashPassword } from '../src/lib/server/auth/password';
import { GENERATOR_VERSION, SEED, type Dataset } from './synthetic';

export type Backend = 'postgres' | 'pglite';

export const ROOT = resolve(import.meta.dirname, '..');
const SQL_DIR = join(ROOT, 'sql');

/** The planner the HTTP checks sign in as. */
export const PLANNER = { email: 'planner@bench.digonce.cn', password: 'bench-password' };

/** Where each backend keeps a data set: a database name on PostgreSQL, a directory for PGlite. */
export interface BenchDatabase {
	backend: Backend;
	/** postgres: the connection string of this data set's database */
	url?: string;
	/** pglite: its data directory */
	dataDir?: string;
	open(): Promise<Db>;
}

export const adminUrl = () => process.env.BENCH_DATABASE_URL ?? 'postgres://digonce:digonce@127.0.0.1:5432/digonce';

function withDatabase(url: string, database: string): string {
	const u = new URL(url);
	u.pathname = `/${database}`;
	return u.toString();
}

export function benchDatabase(backend: Backend, key: string): BenchDatabase {
	if (backend === 'postgres') {
		const url = withDatabase(adminUrl(), `digonce_bench_${key.replace(/[^a-z0-9]/g, '_')}`);
		// one connection: the session settings the comparison relies on (search_path) hold for every query
		return { backend, url, open: async () => openPostgres(url, 1) };
	}
	const dataDir = join(ROOT, '.data/bench', `pglite-${key}`);
	return { backend, dataDir, open: () => openPglite(dataDir) };
}

/** What a loaded database holds: the generator, its data set, and the schema it was loaded under. */
function fingerprint(data: Dataset): string {
	// the schema decides whether the data must be loaded again; sql/functions is re-applied on every open
	const sql = readSqlFiles(join(SQL_DIR, 'migrations'))
		.map((f) => checksum(f.sql))
		.join();
	return JSON.stringify({ generator: GENERATOR_VERSION, seed: SEED, dataset: data.key, sql: checksum(sql) });
}

async function recorded(db: Db): Promise<string | null> {
	try {
		const { rows } = await db.query<{ value: string }>(`SELECT value FROM dataset_info WHERE key = 'bench_dataset'`);
		return rows[0]?.value ?? null;
	} catch {
		return null;
	}
}

async function recreatePostgres(url: string) {
	const name = new URL(url).pathname.slice(1);
	const admin = new pg.Client({ connectionString: adminUrl() });
	await admin.connect();
	try {
		await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		await admin.query(`CREATE DATABASE ${name}`);
	} finally {
		await admin.end();
	}
}

async function postgresExists(url: string): Promise<boolean> {
	const admin = new pg.Client({ connectionString: adminUrl() });
	await admin.connect();
	try {
		const { rows } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [new URL(url).pathname.slice(1)]);
		return rows.length > 0;
	} finally {
		await admin.end();
	}
}

export interface Prepared {
	db: Db;
	/** seconds spent loading, or null when a loaded database was reused */
	loadSeconds: number | null;
}

/** Opens the data set's database, (re)loading it when it is missing, stale, or `fresh` is asked for. */
export async function prepare(bench: BenchDatabase, data: Dataset, options: { fresh?: boolean; log?: (s: string) => void } = {}): Promise<Prepared> {
	const log = options.log ?? (() => {});
	const want = fingerprint(data);
	const exists = bench.backend === 'postgres' ? await postgresExists(bench.url!) : existsSync(bench.dataDir!);
	if (exists && !options.fresh) {
		const db = await bench.open();
		if ((await recorded(db)) === want) {
			await migrate(db, SQL_DIR);
			log(`reusing the loaded ${bench.backend} database for ${data.key}`);
			return { db, loadSeconds: null };
		}
		await db.close();
	}
	if (bench.backend === 'postgres') await recreatePostgres(bench.url!);
	else rmSync(bench.dataDir!, { recursive: true, force: true });

	const started = performance.now();
	const db = await bench.open();
	await migrate(db, SQL_DIR);
	await load(db, data, log);
	await db.query(`INSERT INTO dataset_info (key, value) VALUES ('bench_dataset', $1)`, [want]);
	const loadSeconds = (performance.now() - started) / 1000;
	log(`loaded ${data.works.length} works into ${bench.backend} in ${loadSeconds.toFixed(1)} s`);
	return { db, loadSeconds };
}

const BATCH = 2000;

/** Inserts a JSON array of rows with one statement per batch. */
async function bulk<T>(db: Db, rows: T[], sql: string, log: (s: string) => void, label: string) {
	for (let i = 0; i < rows.length; i += BATCH) {
		await db.query(sql, [JSON.stringify(rows.slice(i, i + BATCH))]);
		if (rows.length > 10 * BATCH && (i / BATCH) % 10 === 0) log(`  ${label}: ${i + BATCH} / ${rows.length}`);
	}
}

async function load(db: Db, data: Dataset, log: (s: string) => void) {
	const cityRows = data.cities.map((c) => {
		const grid = data.grids.get(c.code)!;
		return {
			code: c.code,
			name: c.name,
			name_en: c.nameEn,
			metric_srid: c.metricSrid,
			extent: { type: 'Polygon', coordinates: grid.plane.extent(1000) },
			lon: c.lon,
			lat: c.lat
		};
	});
	// Jiujiang exists from migration 0002 (with its whole prefecture as extent); the others are added.
	await db.query(
		`INSERT INTO city (code, name, name_en, metric_srid, extent, centre)
		 SELECT e->>'code', e->>'name', e->>'name_en', (e->>'metric_srid')::int, ST_SetSRID(ST_GeomFromGeoJSON(e->>'extent'), 4326),
		        ST_SetSRID(ST_MakePoint((e->>'lon')::float8, (e->>'lat')::float8), 4326)
		   FROM json_array_elements($1::json) e
		 ON CONFLICT (code) DO NOTHING`,
		[JSON.stringify(cityRows)]
	);
	// one district per city, covering its area, for the neighbourhoods to belong to
	await db.query(
		`INSERT INTO district (code, city_code, name, boundary)
		 SELECT left(c.code, 4) || '99', c.code, c.name || '基准区', ST_Multi(c.extent)
		   FROM city c WHERE c.code = ANY($1::text[])`,
		[data.cities.map((c) => c.code)]
	);
	await db.query(
		`INSERT INTO organisation (id, city_code, name, short_name, kind)
		 SELECT e->>'id', e->>'cityCode', e->>'name', e->>'shortName', e->>'kind' FROM json_array_elements($1::json) e`,
		[JSON.stringify(data.organisations)]
	);
	await db.query(
		`INSERT INTO neighbourhood (id, city_code, district_code, name, boundary, built_year, buildings, households, batch_year,
		                            status, renovation_start, renovation_end, rain_sewage_state)
		 SELECT e->>'id', e->>'cityCode', left(e->>'cityCode', 4) || '99', e->>'name', ST_SetSRID(ST_GeomFromGeoJSON(e->>'boundary'), 4326),
		        (e->>'builtYear')::int, (e->>'buildings')::int, (e->>'households')::int, (e->>'batchYear')::int, e->>'status',
		        (e->>'renovationStart')::date, (e->>'renovationEnd')::date, 'combined'
		   FROM json_array_elements($1::json) e`,
		[JSON.stringify(data.neighbourhoods)]
	);
	await db.query(
		`INSERT INTO historic_district (id, city_code, name, protection_level, boundary)
		 SELECT e->>'id', e->>'cityCode', e->>'name', 'municipal', ST_SetSRID(ST_GeomFromGeoJSON(e->>'boundary'), 4326)
		   FROM json_array_elements($1::json) e`,
		[JSON.stringify(data.historicDistricts)]
	);
	await db.query(
		`INSERT INTO app_user (city_code, email, password_hash, role, organisation_id, display_name)
		 VALUES ('360400', $1, $2, 'planner', 'bench-jj-housing', '基准测试规划员')`,
		[PLANNER.email, await hashPassword(PLANNER.password)]
	);
	await bulk(
		db,
		data.works,
		`INSERT INTO work (id, city_code, organisation_id, utility, kind, geom, width_m, depth_m, start_date, end_date, status, emergency, needs_review)
		 SELECT (e->>'id')::bigint, e->>'city_code', e->>'organisation_id', e->>'utility', e->>'kind',
		        ST_SetSRID(ST_GeomFromGeoJSON(e->>'geom'), 4326), (e->>'width_m')::numeric, (e->>'depth_m')::numeric,
		        (e->>'start_date')::date, (e->>'end_date')::date, e->>'status', (e->>'emergency')::boolean, false
		   FROM json_array_elements($1::json) e`,
		log,
		'works'
	);
	// ids were given explicitly: move the identity past them so new works (the checks) get fresh ones
	await db.query(`SELECT setval(pg_get_serial_sequence('work', 'id'), (SELECT max(id) FROM work))`);
	await db.exec('ANALYZE');
}

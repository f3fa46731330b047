/**
 * The prototype engine (bench/variants/0200_conflicts.sql) beside the real one: installed in a
 * schema of its own so both run on the same data, compared row for row, and copied into a
 * repository root of its own so the built server can run on it.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../src/lib/server/db/types';
import { ROOT } from './database';

export const VARIANT_SCHEMA = 'bench_variant';
const VARIANT_FILE = join(ROOT, 'bench/variants/0200_conflicts.sql');

export const variantSql = () => readFileSync(VARIANT_FILE, 'utf8');

/**
 * A diagnostic, not a proposal: the prototype's `conflict_scan` with the meeting place left out
 * (`where_geojson` NULL on pair rows), to show what the rules cost without that geometry.
 */
export function rulesOnlySql(): string {
	const scan = variantSql().slice(variantSql().indexOf('CREATE OR REPLACE FUNCTION conflict_scan('));
	const place = /\(SELECT ST_Transform\(CASE[\s\S]*?\) AS place/;
	if (!place.test(scan)) throw new Error('bench/variants/0200_conflicts.sql: the meeting-place expression of conflict_scan was not found');
	return scan.replace(place, 'NULL::geometry AS place').replace('FUNCTION conflict_scan(', 'FUNCTION conflict_scan_rules_only(');
}

/** Installs the prototype (and the diagnostic) in its schema; queries see it after `useVariant(db, true)`. */
export async function installVariant(db: Db) {
	await db.exec(`DROP SCHEMA IF EXISTS ${VARIANT_SCHEMA} CASCADE; CREATE SCHEMA ${VARIANT_SCHEMA};`);
	await db.exec(`SET search_path = ${VARIANT_SCHEMA}, public;\n${variantSql()}\n${rulesOnlySql()}\nSET search_path = public;`);
}

/**
 * Routes unqualified names to the prototype (or back). PGlite is one session; on PostgreSQL the
 * pool is opened with one connection for the comparison, so the setting holds for every query.
 */
export async function useVariant(db: Db, on: boolean) {
	await db.exec(on ? `SET search_path = ${VARIANT_SCHEMA}, public` : 'SET search_path = public');
}

export async function removeVariant(db: Db) {
	await db.exec(`SET search_path = public; DROP SCHEMA IF EXISTS ${VARIANT_SCHEMA} CASCADE;`);
}

export interface Equality {
	city: string;
	engineRows: number;
	variantRows: number;
	/** rows of one not in the other, counting duplicates (EXCEPT ALL), on every column */
	onlyEngine: number;
	onlyVariant: number;
	/** the same for the rules-only diagnostic, on every column but where_geojson */
	rulesOnlyDiffer: number;
}

/** Both engines' full scans of `city`, compared as multisets of complete rows (where_geojson included). */
export async function compareScans(db: Db, city: string): Promise<Equality> {
	await db.exec('DROP TABLE IF EXISTS pg_temp.bench_engine_rows; DROP TABLE IF EXISTS pg_temp.bench_variant_rows; DROP TABLE IF EXISTS pg_temp.bench_rules_only_rows;');
	await useVariant(db, false);
	await db.query('CREATE TEMP TABLE bench_engine_rows AS SELECT * FROM public.conflict_scan($1)', [city]);
	await useVariant(db, true);
	await db.query(`CREATE TEMP TABLE bench_variant_rows AS SELECT * FROM ${VARIANT_SCHEMA}.conflict_scan($1)`, [city]);
	await db.query(`CREATE TEMP TABLE bench_rules_only_rows AS SELECT * FROM ${VARIANT_SCHEMA}.conflict_scan_rules_only($1)`, [city]);
	await useVariant(db, false);
	const allButWhere = `kind, severity, subject_id, work_ids, historic_district_id, neighbourhood_id, gap_m, overlap_days, gap_days, road_id, road_end, moratorium_until`;
	const count = async (sql: string) => Number((await db.query<{ n: number }>(sql)).rows[0].n);
	const result = {
		city,
		engineRows: await count('SELECT count(*) AS n FROM bench_engine_rows'),
		variantRows: await count('SELECT count(*) AS n FROM bench_variant_rows'),
		onlyEngine: await count('SELECT count(*) AS n FROM (SELECT * FROM bench_engine_rows EXCEPT ALL SELECT * FROM bench_variant_rows) x'),
		onlyVariant: await count('SELECT count(*) AS n FROM (SELECT * FROM bench_variant_rows EXCEPT ALL SELECT * FROM bench_engine_rows) x'),
		rulesOnlyDiffer:
			(await count(`SELECT count(*) AS n FROM (SELECT ${allButWhere} FROM bench_engine_rows EXCEPT ALL SELECT ${allButWhere} FROM bench_rules_only_rows) x`)) +
			(await count(`SELECT count(*) AS n FROM (SELECT ${allButWhere} FROM bench_rules_only_rows EXCEPT ALL SELECT ${allButWhere} FROM bench_engine_rows) x`))
	};
	await db.exec('DROP TABLE bench_engine_rows; DROP TABLE bench_variant_rows; DROP TABLE bench_rules_only_rows;');
	return result;
}

/**
 * A repository root for the server whose sql/functions has the prototype applied after the real
 * files (function files run in name order on every start), migrations unchanged.
 */
export function variantRoot(): string {
	const dir = join(ROOT, '.data/bench/variant-root');
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(join(dir, 'sql'), { recursive: true });
	cpSync(join(ROOT, 'sql/migrations'), join(dir, 'sql/migrations'), { recursive: true });
	cpSync(join(ROOT, 'sql/functions'), join(dir, 'sql/functions'), { recursive: true });
	writeFileSync(join(dir, 'sql/functions/9900_bench_variant.sql'), variantSql());
	return dir;
}

/** Thrown to roll a comparison's transaction back. */
class Rollback {
	constructor(readonly same: boolean) {}
}

/**
 * Both engines' `work_conflicts` for each candidate, inserted in a transaction that is rolled back;
 * answers how many candidates got exactly the same rows (as JSON, in any order).
 */
export async function compareChecks(db: Db, candidates: { params: unknown[] }[], insertSql: string): Promise<{ checks: number; same: number }> {
	let same = 0;
	for (const { params } of candidates) {
		try {
			await db.transaction(async (tx) => {
				const id = Number((await tx.query<{ id: number }>(insertSql, params)).rows[0].id);
				const rows = async () => (await tx.query<{ row: string }>('SELECT to_jsonb(c)::text AS row FROM work_conflicts($1) c', [id])).rows.map((r) => r.row).sort();
				await tx.exec('SET LOCAL search_path = public');
				const engine = await rows();
				await tx.exec(`SET LOCAL search_path = ${VARIANT_SCHEMA}, public`);
				const variant = await rows();
				throw new Rollback(JSON.stringify(engine) === JSON.stringify(variant));
			});
		} catch (err) {
			if (!(err instanceof Rollback)) throw err;
			if (err.same) same++;
		}
	}
	return { checks: candidates.length, same };
}

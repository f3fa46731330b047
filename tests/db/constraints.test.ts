import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../support/db';
import { CITY, insertDistrict, insertNeighbourhood, insertOrganisation, insertWork, lineAt, multi, squareAt } from '../support/fixtures';
import type { Db } from '../../src/lib/server/db/types';

/** Every rule the database itself enforces, each shown rejecting a bad row (and accepting the good one). */
describe('database constraints', () => {
	let db: Db;
	let close: () => Promise<void>;

	beforeAll(async () => {
		({ db, close } = await openTestDb('migrated'));
		await insertDistrict(db);
		await insertOrganisation(db, 'org-water', 'water');
		await insertNeighbourhood(db, { id: 'nb-good' });
	});
	afterAll(() => close());

	/** Runs `sql` in a transaction that is always rolled back; returns the error, if any. */
	async function attempt(sql: string, params: unknown[] = []): Promise<Error | null> {
		try {
			await db.transaction(async (tx) => {
				await tx.query(sql, params);
				throw new Error('rollback');
			});
			return null;
		} catch (err) {
			return (err as Error).message === 'rollback' ? null : (err as Error);
		}
	}

	const workInsert = (overrides: Record<string, string>) => {
		const columns: Record<string, string> = {
			city_code: `'${CITY}'`,
			organisation_id: `'org-water'`,
			utility: `'water'`,
			kind: `'replacement'`,
			geom: `ST_SetSRID(ST_GeomFromGeoJSON('${JSON.stringify(lineAt(0, 0))}'), 4326)`,
			start_date: `'2025-03-01'`,
			end_date: `'2025-03-31'`,
			status: `'approved'`,
			width_m: '1',
			depth_m: '1.5',
			emergency: 'false',
			...overrides
		};
		return `INSERT INTO work (${Object.keys(columns).join(', ')}) VALUES (${Object.values(columns).join(', ')})`;
	};

	it('accepts a valid work and fills its metric geometry', async () => {
		expect(await attempt(workInsert({}))).toBeNull();
		const id = await insertWork(db, { organisation_id: 'org-water' });
		const { rows } = await db.query<{ srid: number; len: number }>('SELECT ST_SRID(geom_m) AS srid, ST_Length(geom_m) AS len FROM work WHERE id = $1', [id]);
		expect(rows[0].srid).toBe(4548);
		expect(rows[0].len).toBeGreaterThan(99);
		expect(rows[0].len).toBeLessThan(101);
	});

	const badWorks: [string, Record<string, string>, RegExp][] = [
		['end before start', { start_date: `'2025-03-31'`, end_date: `'2025-03-01'` }, /check/i],
		['a window longer than three years', { start_date: `'2020-01-01'`, end_date: `'2024-01-01'` }, /check/i],
		['an unknown utility', { utility: `'steam'` }, /check/i],
		['an unknown kind', { kind: `'tunnel'` }, /check/i],
		['an unknown status', { status: `'done'` }, /check/i],
		['a zero width', { width_m: '0' }, /check/i],
		['a negative depth', { depth_m: '-1' }, /check/i],
		['an emergency repair not flagged as emergency', { kind: `'emergency_repair'`, emergency: 'false' }, /check/i],
		['a point geometry', { geom: `ST_SetSRID(ST_MakePoint(115.99, 29.72), 4326)` }, /check/i],
		['a geometry in another CRS', { geom: `ST_SetSRID(ST_MakeLine(ST_MakePoint(0, 0), ST_MakePoint(10, 10)), 4548)` }, /srid|SRID/],
		[
			'a self-intersecting polygon',
			{ geom: `ST_SetSRID(ST_GeomFromText('POLYGON((115.99 29.72, 116 29.73, 116 29.72, 115.99 29.73, 115.99 29.72))'), 4326)` },
			/check/i
		],
		['an unknown organisation', { organisation_id: `'nobody'` }, /foreign key/i],
		['no start date', { start_date: 'NULL' }, /null/i]
	];
	it.each(badWorks)('rejects a work with %s', async (_name, overrides, message) => {
		const err = await attempt(workInsert(overrides));
		expect(err?.message).toMatch(message);
	});

	it.each([
		['an unknown status', `status = 'done'`],
		['an unknown rain-sewage state', `rain_sewage_state = 'mixed'`],
		['an unknown renovation item', `renovation_items = ARRAY['jacuzzi']`],
		['a renovation window ending before it starts', `renovation_start = '2025-05-01', renovation_end = '2025-04-01'`],
		['a renovation start without an end', `renovation_end = NULL`],
		['no households', `households = 0`],
		['a fee collection rate above 100 %', `fee_collection_rate = 101`],
		['an unknown management mode', `management_mode = 'landlord'`],
		['a batch year before the programme', `batch_year = 2010`]
	])('rejects a neighbourhood with %s', async (_name, assignment) => {
		const err = await attempt(`UPDATE neighbourhood SET ${assignment} WHERE id = 'nb-good'`);
		expect(err?.message).toMatch(/check|violates/i);
	});

	it('rejects an invalid neighbourhood boundary', async () => {
		const err = await attempt(
			`UPDATE neighbourhood SET boundary = ST_Multi(ST_SetSRID(ST_GeomFromText('POLYGON((115.99 29.72, 116 29.73, 116 29.72, 115.99 29.73, 115.99 29.72))'), 4326)) WHERE id = 'nb-good'`
		);
		expect(err?.message).toMatch(/check/i);
	});

	it.each([
		['an unknown kind', `INSERT INTO organisation (id, city_code, name, short_name, kind) VALUES ('org-x', '${CITY}', 'X', 'X', 'bakery')`],
		['an id with capitals', `INSERT INTO organisation (id, city_code, name, short_name, kind) VALUES ('Org-X', '${CITY}', 'X', 'X', 'gas')`],
		['an unknown city', `INSERT INTO organisation (id, city_code, name, short_name, kind) VALUES ('org-y', '999999', 'Y', 'Y', 'gas')`],
		[
			'a utility account without organisation',
			`INSERT INTO app_user (city_code, email, password_hash, role, display_name) VALUES ('${CITY}', 'u@x.cn', '$argon2id$v=19$x', 'utility', 'U')`
		],
		[
			'an unknown role',
			`INSERT INTO app_user (city_code, email, password_hash, role, display_name) VALUES ('${CITY}', 'u@x.cn', '$argon2id$v=19$x', 'admin', 'U')`
		],
		[
			'a password not hashed with argon2id',
			`INSERT INTO app_user (city_code, email, password_hash, role, display_name) VALUES ('${CITY}', 'u@x.cn', 'secret', 'planner', 'U')`
		],
		[
			'an unknown protection level',
			`INSERT INTO historic_district (id, city_code, name, protection_level, boundary) VALUES ('hd-x', '${CITY}', 'X', 'world', ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON('${JSON.stringify(squareAt(0, 0))}'), 4326)))`
		],
		['a rule setting below zero', `INSERT INTO rule_setting (city_code, key, value) VALUES ('${CITY}', 'co_location_m', -1)`],
		['an unknown rule setting', `INSERT INTO rule_setting (city_code, key, value) VALUES ('${CITY}', 'speed_limit', 30)`],
		[
			'a need without category',
			`INSERT INTO resident_submission (city_code, neighbourhood_id, kind, body, client_hash) VALUES ('${CITY}', 'nb-good', 'need', 'x', 'h')`
		],
		[
			'an evaluation rated 6',
			`INSERT INTO resident_submission (city_code, neighbourhood_id, kind, rating, body, client_hash) VALUES ('${CITY}', 'nb-good', 'evaluation', 6, 'x', 'h')`
		],
		[
			'a hidden submission without reason',
			`INSERT INTO resident_submission (city_code, neighbourhood_id, kind, category, body, client_hash, status) VALUES ('${CITY}', 'nb-good', 'need', 'parking', 'x', 'h', 'hidden')`
		],
		[
			'a street of one point',
			`INSERT INTO street (city_code, name, class, geom) VALUES ('${CITY}', 'X', 'branch', ST_SetSRID(ST_MakeLine(ST_MakePoint(115.99, 29.72), ST_MakePoint(115.99, 29.72)), 4326))`
		],
		[
			'a district boundary in another CRS',
			`INSERT INTO district (code, city_code, name, boundary) VALUES ('360499', '${CITY}', 'X', ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON('${JSON.stringify(squareAt(0, 0))}'), 3857)))`
		]
	])('rejects %s', async (_name, sql) => {
		expect(await attempt(sql)).not.toBeNull();
	});

	it('refuses two accounts with the same email in different case', async () => {
		await db.query(`INSERT INTO app_user (city_code, email, password_hash, role, display_name) VALUES ($1, 'Same@x.cn', '$argon2id$v=19$x', 'planner', 'A')`, [
			CITY
		]);
		expect(
			await attempt(
				`INSERT INTO app_user (city_code, email, password_hash, role, display_name) VALUES ('${CITY}', 'same@X.cn', '$argon2id$v=19$x', 'planner', 'B')`
			)
		).not.toBeNull();
	});

	it('holds the defaults of DESIGN.md §3 as rule settings', async () => {
		const { rows } = await db.query<{ key: string; value: number }>('SELECT key, value FROM rule_setting_default ORDER BY key');
		const settings = Object.fromEntries(rows.map((r) => [r.key, r.value]));
		expect(settings).toMatchObject({
			co_location_m: 15,
			repeat_horizon_years: 3,
			moratorium_reconstruction_years: 5,
			moratorium_major_repair_years: 3,
			emergency_registration_hours: 24
		});
	});

	it('has a GiST index on every geometry column', async () => {
		const { rows } = await db.query<{ tbl: string; col: string; indexed: boolean }>(
			`SELECT c.f_table_name AS tbl, c.f_geometry_column AS col,
			        EXISTS (SELECT 1 FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam
			                 JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
			                WHERE i.indrelid = (c.f_table_schema || '.' || c.f_table_name)::regclass AND a.attname = c.f_geometry_column AND am.amname = 'gist') AS indexed
			   FROM geometry_columns c WHERE c.f_table_schema = 'public' AND c.f_table_name <> 'city'`
		);
		expect(rows.length).toBeGreaterThanOrEqual(7);
		expect(rows.filter((r) => !r.indexed)).toEqual([]);
	});

	it('stores every geometry in SRID 4326 except the metric copy', async () => {
		const { rows } = await db.query<{ tbl: string; col: string; srid: number }>(
			`SELECT f_table_name AS tbl, f_geometry_column AS col, srid FROM geometry_columns WHERE f_table_schema = 'public' AND f_geometry_column <> 'geom_m'`
		);
		expect(rows.filter((r) => r.srid !== 4326)).toEqual([]);
	});

	it('accepts the multipolygon helper as a valid neighbourhood boundary', async () => {
		expect(
			await attempt(
				`UPDATE neighbourhood SET boundary = ST_SetSRID(ST_GeomFromGeoJSON('${JSON.stringify(multi(squareAt(10, 10, 80)))}'), 4326) WHERE id = 'nb-good'`
			)
		).toBeNull();
	});
});

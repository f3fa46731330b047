import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { openTestDb } from '../support/db';
import { migrate } from '../../src/lib/server/db/migrate';
import type { Db } from '../../src/lib/server/db/types';

const sqlDir = resolve(import.meta.dirname, '../../sql');

/**
 * The stored public place of each work (work_public_geometry), which anonymous answers filter,
 * count and measure on, must stay what public_work_geometry says it is: through inserts, redrawn
 * trenches, redrawn streets and the first migrate of a database that had works before.
 */
describe('the stored public place of works', () => {
	let db: Db;
	let close: () => Promise<void>;

	beforeAll(async () => {
		({ db, close } = await openTestDb('demo'));
	});
	afterAll(() => close());

	/** works whose stored public place is missing or is not what the definition gives */
	const stale = async (ids?: number[]) =>
		(
			await db.query<{ id: number }>(
				`SELECT w.id::int FROM work w LEFT JOIN work_public_geometry p ON p.work_id = w.id
				  WHERE ($1::bigint[] IS NULL OR w.id = ANY($1::bigint[]))
				    AND (p.geom IS NULL OR ST_AsBinary(p.geom) <> ST_AsBinary(public_work_geometry(w)))`,
				[ids ?? null]
			)
		).rows.map((r) => r.id);
	const publicPlace = async (id: number) =>
		(await db.query<{ g: string }>('SELECT ST_AsText(geom) AS g FROM work_public_geometry WHERE work_id = $1', [id])).rows[0]?.g;

	/** a gas work published as street stretches, and one street it is published along */
	async function gasWorkOnStreet() {
		const { rows } = await db.query<{ id: number; street_id: number }>(
			`SELECT w.id::int, s.street_id::int
			   FROM work w JOIN work_public_geometry p ON p.work_id = w.id
			   JOIN street_stretch s ON s.city_code = w.city_code AND s.geom && p.geom AND ST_Length(ST_Intersection(s.geom, p.geom)) > 0.5 * ST_Length(s.geom)
			  WHERE w.utility = 'gas' AND GeometryType(p.geom) <> 'POINT'
			  ORDER BY w.id LIMIT 1`
		);
		expect(rows[0]).toBeDefined();
		return rows[0];
	}

	it('holds every demo work, as public_work_geometry places it', async () => {
		expect(await stale()).toEqual([]);
		const { rows } = await db.query<{ n: number }>(
			`SELECT count(*)::int AS n FROM work_public_geometry p JOIN work w ON w.id = p.work_id WHERE w.utility = 'gas' AND NOT ST_Equals(p.geom, w.geom)`
		);
		expect(rows[0].n).toBeGreaterThan(10);
	});

	it('places a work again when its trench is redrawn', async () => {
		const { id } = await gasWorkOnStreet();
		const before = await publicPlace(id);
		const far = await db.query<{ id: number }>(
			`SELECT id::int FROM work WHERE utility = 'water' AND GeometryType(geom) = 'LINESTRING' AND NOT ST_DWithin(geom_m, (SELECT geom_m FROM work WHERE id = $1), 500) ORDER BY id LIMIT 1`,
			[id]
		);
		await db.query('UPDATE work SET geom = (SELECT geom FROM work WHERE id = $2) WHERE id = $1', [id, far.rows[0].id]);
		expect(await publicPlace(id)).not.toBe(before);
		expect(await stale([id])).toEqual([]);
	});

	it('places the works along a street again when the street is redrawn or removed', async () => {
		const { id, street_id } = await gasWorkOnStreet();
		const before = await publicPlace(id);
		await db.query('UPDATE street SET geom = ST_Translate(geom, 0.01, 0.01) WHERE id = $1', [street_id]);
		expect(await publicPlace(id)).not.toBe(before);
		expect(await stale([id])).toEqual([]);
		const next = await gasWorkOnStreet();
		await db.query('DELETE FROM street WHERE id = $1', [next.street_id]);
		expect(await stale([next.id])).toEqual([]);
	});

	// a check skips making the public place of the work it rolls back; the skip must end with the check
	it('gives a work saved after a conflict check in the same session its public place', async () => {
		const { id } = await gasWorkOnStreet();
		const body = `json_build_object('organisation', organisation_id, 'utility', utility, 'kind', kind, 'geometry', ST_AsGeoJSON(geom)::json,
		               'width_m', width_m, 'start_date', start_date, 'end_date', end_date, 'status', 'submitted', 'emergency', false, 'needs_review', false)`;
		const saved = await db.transaction(async (tx) => {
			const check = await tx.query<{ r: { id: number } }>(`SELECT work_check(city_code, ${body}, NULL, NULL, NULL) AS r FROM work WHERE id = $1`, [id]);
			expect(check.rows[0].r.id).toBeGreaterThan(0);
			return (await tx.query<{ id: number }>(`SELECT work_insert(city_code, ${body}, NULL)::int AS id FROM work WHERE id = $1`, [id])).rows[0].id;
		});
		expect(await publicPlace(saved)).toBe(await publicPlace(id));
		expect(await stale([saved])).toEqual([]);
	});

	it('makes the public places of a database that had works before, on its first migrate', async () => {
		await db.query('DELETE FROM work_public_geometry');
		await db.query(`DELETE FROM dataset_info WHERE key = 'public_work_geometry'`);
		await migrate(db, sqlDir);
		expect(await stale()).toEqual([]);
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { LineString, MultiLineString } from 'geojson';
import { openTestDb } from '../support/db';
import { ORIGIN, insertOrganisation, insertWork, offset } from '../support/fixtures';
import { meetingStretch, trenchLines } from '../../src/lib/domain/meeting-stretch';
import type { MetricGeometry, Xy } from '../../src/lib/domain/corridor';
import { conflictsOfWork } from '../../src/lib/server/conflicts/engine';
import type { Db } from '../../src/lib/server/db/types';

/**
 * Where a trench meets another work, cut by the app (meeting-stretch.ts), against PostGIS
 * intersecting the trench with the other work's buffer (circles drawn with 256 sides, so within
 * millimetres): on random shapes in Jiujiang's metric CRS, and through the engine on stored works.
 */
describe('where a trench meets another work, against PostGIS', () => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => {
		({ db, close } = await openTestDb('migrated'));
		await insertOrganisation(db, 'org-water', 'water');
		await insertOrganisation(db, 'org-gas', 'gas');
	});
	afterAll(() => close());

	/** How far apart the app's stretch and PostGIS's are (Hausdorff, metres), and their lengths; the app's is null where PostGIS finds nothing and the app gives a point. */
	async function compare(trenchM: MetricGeometry, other: MetricGeometry, reach: number) {
		const { rows } = await db.query<{ ll: LineString | MultiLineString }>(
			`SELECT ST_AsGeoJSON(ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON($1), 4548), 4326), 12)::json AS ll`,
			[JSON.stringify(trenchM)]
		);
		const mine = meetingStretch(trenchLines(rows[0].ll, trenchM)!, other, reach, 10);
		const { rows: out } = await db.query<{ empty: boolean; hausdorff: number | null; mine_m: number; theirs_m: number }>(
			`WITH g AS (SELECT ST_Intersection(ST_GeomFromGeoJSON($1), ST_Buffer(ST_GeomFromGeoJSON($2), $3::float8, 'quad_segs=64')) AS theirs,
			                   ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON($4), 4326), 4548) AS mine)
			 SELECT ST_IsEmpty(theirs) AS empty, CASE WHEN NOT ST_IsEmpty(theirs) THEN ST_HausdorffDistance(ST_SetSRID(theirs, 4548), mine) END AS hausdorff,
			        ST_Length(mine) AS mine_m, ST_Length(theirs) AS theirs_m FROM g`,
			[JSON.stringify(trenchM), JSON.stringify(other), reach, JSON.stringify(mine)]
		);
		return { type: mine.type, ...out[0] };
	}

	const point = fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 })).map(([x, y]) => [403000 + x, 3288000 + y] as Xy);
	const path = fc.array(point, { minLength: 2, maxLength: 4 }).filter((p) => p.some((q) => q[0] !== p[0][0] || q[1] !== p[0][1]));
	const area = fc.tuple(point, fc.integer({ min: 5, max: 60 }), fc.integer({ min: 5, max: 60 })).map(
		([[x, y], w, h]) =>
			({
				type: 'Polygon',
				coordinates: [
					[
						[x, y],
						[x + w, y],
						[x + w, y + h],
						[x, y + h],
						[x, y]
					]
				]
			}) as MetricGeometry
	);
	const other = fc.oneof(
		{ weight: 3, arbitrary: path.map((coordinates) => ({ type: 'LineString', coordinates }) as MetricGeometry) },
		{ weight: 1, arbitrary: fc.tuple(path, path).map(([a, b]) => ({ type: 'MultiLineString', coordinates: [a, b] }) as MetricGeometry) },
		{ weight: 2, arbitrary: area }
	);

	it('agrees to the centimetre on random trenches and works', async () => {
		let met = 0;
		await fc.assert(
			fc.asyncProperty(path, other, fc.double({ min: 2, max: 40, noNaN: true }), async (trench, o, reach) => {
				const r = await compare({ type: 'LineString', coordinates: trench }, o, reach);
				if (r.empty) {
					expect(r.type).toBe('Point');
					return;
				}
				met += 1;
				expect(r.type).not.toBe('Point');
				expect(r.hausdorff!).toBeLessThan(0.01);
				expect(Math.abs(r.mine_m - r.theirs_m)).toBeLessThan(0.01);
			}),
			{ numRuns: 80, seed: 7007 }
		);
		// the property met both sides: stretches and works out of reach
		expect(met).toBeGreaterThan(20);
		expect(met).toBeLessThan(80);
	});

	it('gives a stored trench the stretch PostGIS cuts for each work it meets', async () => {
		const at = (e: number, n: number) => offset(ORIGIN, 20000 + e, -20000 + n);
		const a = await insertWork(db, {
			organisation_id: 'org-water',
			geom: { type: 'LineString', coordinates: [at(0, 0), at(80, 10), at(160, 0)] },
			width_m: 1.2
		});
		const b = await insertWork(db, {
			organisation_id: 'org-gas',
			utility: 'gas',
			geom: { type: 'LineString', coordinates: [at(40, 12), at(200, 12)] },
			width_m: 3
		});
		const c = await insertWork(db, {
			organisation_id: 'org-gas',
			utility: 'gas',
			geom: { type: 'LineString', coordinates: [at(20, -60), at(20, 60)] },
			width_m: 0.6
		});
		const rows = (await conflictsOfWork(db, a)).filter((r) => r.kind === 'time_overlap');
		expect(rows.map((r) => r.work_ids.find((id) => id !== a)).sort()).toEqual([b, c].sort());
		for (const row of rows) {
			const other = row.work_ids.find((id) => id !== a)!;
			const { rows: out } = await db.query<{ hausdorff: number; mine_m: number; theirs_m: number }>(
				`WITH g AS (SELECT ST_Intersection(a.geom_m, ST_Buffer(b.geom_m, pair_reach_m(a.reach_m, b.reach_m, 15), 'quad_segs=64')) AS theirs,
				                   ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON($3), 4326), ST_SRID(a.geom_m)) AS mine
				              FROM work a, work b WHERE a.id = $1 AND b.id = $2)
				 SELECT ST_HausdorffDistance(theirs, mine) AS hausdorff, ST_Length(mine) AS mine_m, ST_Length(theirs) AS theirs_m FROM g`,
				[a, other, row.where_geojson]
			);
			// rounded to a millionth of a degree: about 10 cm
			expect(out[0].hausdorff).toBeLessThan(0.15);
			expect(out[0].mine_m).toBeGreaterThan(10);
			expect(Math.abs(out[0].mine_m - out[0].theirs_m)).toBeLessThan(0.3);
		}
	});
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	CITY,
	ORIGIN,
	insertNeighbourhood,
	insertTrench,
	openScenarioDb,
	scenarioCorner,
	insertWork,
	lineAt,
	multi,
	offset,
	squareAt,
	type WorkFixture
} from '../support/fixtures';
import { conflictsOfWork, scanConflicts, type ConflictRow } from '../../src/lib/server/conflicts/engine';
import type { Db } from '../../src/lib/server/db/types';

/**
 * Every rule of DESIGN.md §3 as a scenario, each beside its near-miss twin. Works are 100 m trench
 * lines, 1 m wide, 5 km east of each other per test so scenarios never meet. Distances are edge to edge.
 */
describe('conflict engine', () => {
	let db: Db;
	let close: () => Promise<void>;
	let slot = 0;
	/** a fresh corner of the city for each test */
	let here: [number, number];

	beforeAll(async () => {
		({ db, close } = await openScenarioDb());
	});
	afterAll(() => close());
	beforeEach(() => {
		slot += 1;
		here = scenarioCorner(slot);
	});

	/** A 100 m east-west trench `northM` metres north of this test's corner. */
	const work = (w: Partial<WorkFixture> & { northM?: number; eastM?: number }) => insertTrench(db, here, w);
	const kindsOf = (rows: ConflictRow[]) => rows.map((r) => r.kind).sort();
	const pairKinds = async (a: number, b: number) => kindsOf((await conflictsOfWork(db, a)).filter((r) => r.work_ids.includes(b)));

	describe('time_overlap', () => {
		it('two organisations 9 m apart with overlapping windows collide', async () => {
			const a = await work({ start_date: '2025-03-01', end_date: '2025-03-31' });
			const b = await work({ organisation_id: 'org-gas', utility: 'gas', northM: 10, start_date: '2025-03-20', end_date: '2025-04-20' });
			const rows = await conflictsOfWork(db, a);
			const overlap = rows.find((r) => r.kind === 'time_overlap')!;
			expect(overlap).toMatchObject({ severity: 'high', subject_id: b, work_ids: [b, a], overlap_days: 12 });
			expect(overlap.gap_m).toBeCloseTo(9, 0);
			expect(JSON.parse(overlap.where_geojson!).type).toBe('LineString');
			// the full scan marks the pair at one point: halfway between the two trenches, 5 m north of a
			const scanned = (await scanConflicts(db, CITY)).find((r) => r.kind === 'time_overlap' && r.work_ids.includes(a) && r.work_ids.includes(b))!;
			const point = JSON.parse(scanned.where_geojson!);
			expect(point.type).toBe('Point');
			expect(point.coordinates[1]).toBeCloseTo(offset(here, 0, 5)[1], 5);
		});

		it('just beyond the distance (16.5 m between edges) they do not', async () => {
			const a = await work({});
			const b = await work({ organisation_id: 'org-gas', utility: 'gas', northM: 17.5 });
			expect(await pairKinds(a, b)).toEqual([]);
		});

		it('just within it (14 m between edges) they do', async () => {
			const a = await work({});
			const b = await work({ organisation_id: 'org-gas', utility: 'gas', northM: 15 });
			expect(await pairKinds(a, b)).toEqual(['time_overlap']);
		});

		it('the distance is between trench edges: wide trenches reach further', async () => {
			const a = await work({ width_m: 6 });
			const b = await work({ organisation_id: 'org-gas', utility: 'gas', northM: 19, width_m: 4 });
			expect(await pairKinds(a, b)).toEqual(['time_overlap']);
		});

		it('the same organisation overlapping itself is its own business', async () => {
			const a = await work({});
			const b = await work({ northM: 5 });
			expect(await pairKinds(a, b)).toEqual([]);
		});

		it('windows that only touch on one day overlap by that day', async () => {
			const a = await work({ start_date: '2025-03-01', end_date: '2025-03-31' });
			const b = await work({ organisation_id: 'org-gas', utility: 'gas', northM: 5, start_date: '2025-03-31', end_date: '2025-04-30' });
			expect((await conflictsOfWork(db, a)).find((r) => r.kind === 'time_overlap')?.overlap_days).toBe(1);
			expect(b).toBeGreaterThan(a);
		});

		it('cancelled and draft works take part in no rule', async () => {
			const a = await work({});
			const cancelled = await work({ organisation_id: 'org-gas', utility: 'gas', northM: 5, status: 'cancelled' });
			const draft = await work({ organisation_id: 'org-gas', utility: 'gas', northM: 6, status: 'draft' });
			expect(await pairKinds(a, cancelled)).toEqual([]);
			expect(await pairKinds(a, draft)).toEqual([]);
			expect(await conflictsOfWork(db, cancelled)).toEqual([]);
		});

		it('the co-location distance is a setting of the city, not a constant', async () => {
			const a = await work({});
			const b = await work({ organisation_id: 'org-gas', utility: 'gas', northM: 20 });
			expect(await pairKinds(a, b)).toEqual([]);
			await db.query(`INSERT INTO rule_setting (city_code, key, value) VALUES ($1, 'co_location_m', 25)`, [CITY]);
			try {
				expect(await pairKinds(a, b)).toEqual(['time_overlap']);
			} finally {
				await db.query(`DELETE FROM rule_setting WHERE city_code = $1`, [CITY]);
			}
		});
	});

	describe('repeat_excavation', () => {
		it('the same stretch dug twice two years apart is a repeat', async () => {
			const a = await work({ start_date: '2023-03-01', end_date: '2023-03-31' });
			const b = await work({ organisation_id: 'org-gas', utility: 'gas', northM: 3, start_date: '2025-03-01', end_date: '2025-03-31' });
			const rows = (await conflictsOfWork(db, a)).filter((r) => r.kind === 'repeat_excavation');
			expect(rows).toHaveLength(1);
			expect(rows[0]).toMatchObject({ severity: 'medium', subject_id: b, gap_days: 701 });
		});

		it('by the same organisation too', async () => {
			const a = await work({ start_date: '2023-03-01', end_date: '2023-03-31' });
			const b = await work({ northM: 3, start_date: '2024-03-01', end_date: '2024-03-31' });
			expect(await pairKinds(a, b)).toEqual(['repeat_excavation']);
		});

		it('just beyond the three-year horizon it is not', async () => {
			const a = await work({ start_date: '2022-01-01', end_date: '2022-01-31' });
			const b = await work({ organisation_id: 'org-gas', utility: 'gas', northM: 3, start_date: '2025-02-02', end_date: '2025-02-28' });
			expect(await pairKinds(a, b)).toEqual([]);
			const c = await work({ organisation_id: 'org-gas', utility: 'gas', northM: 3, start_date: '2025-01-30', end_date: '2025-02-28' });
			expect(await pairKinds(a, c)).toEqual(['repeat_excavation']);
		});

		it('nor just beyond the distance', async () => {
			const a = await work({ start_date: '2023-03-01', end_date: '2023-03-31' });
			const b = await work({ northM: 17.5, start_date: '2024-03-01', end_date: '2024-03-31' });
			expect(await pairKinds(a, b)).toEqual([]);
		});
	});

	describe('moratorium (城市道路管理条例 art. 33)', () => {
		const road = (kind: 'road_reconstruction' | 'road_major_repair', end: string) =>
			work({ organisation_id: 'org-road', utility: 'road', kind, start_date: '2024-01-01', end_date: end, width_m: 12, northM: 0 });

		it('a dig within five years of a reconstruction is refused, with the date it ends', async () => {
			const r = await road('road_reconstruction', '2024-06-30');
			const w = await work({ northM: 3, start_date: '2029-06-01', end_date: '2029-06-30' });
			const rows = (await conflictsOfWork(db, w)).filter((x) => x.work_ids.includes(r));
			expect(rows.map((x) => x.kind)).toEqual(['moratorium']);
			expect(rows[0]).toMatchObject({ severity: 'high', subject_id: w, road_id: r, road_end: '2024-06-30', moratorium_until: '2029-06-30' });
		});

		it('after five years it is not', async () => {
			const r = await road('road_reconstruction', '2024-06-30');
			const w = await work({ northM: 3, start_date: '2029-07-01', end_date: '2029-07-30' });
			expect(await pairKinds(w, r)).toEqual([]);
		});

		it('a major repair protects three years, not five', async () => {
			const major = await road('road_major_repair', '2024-06-30');
			const within = await work({ northM: 3, start_date: '2027-06-01', end_date: '2027-06-30' });
			const after = await work({ northM: -3, start_date: '2027-07-01', end_date: '2027-07-30' });
			expect(await pairKinds(within, major)).toEqual(['moratorium']);
			expect(await pairKinds(after, major)).toEqual([]);
			const recon = await work({
				organisation_id: 'org-road',
				utility: 'road',
				kind: 'road_reconstruction',
				start_date: '2024-01-01',
				end_date: '2024-06-30',
				width_m: 12,
				eastM: 1000
			});
			const later = await work({ eastM: 1000, northM: 3, start_date: '2027-07-01', end_date: '2027-07-30' });
			expect(await pairKinds(later, recon)).toEqual(['moratorium']);
		});

		it('planned road works count from their planned end', async () => {
			const r = await work({
				organisation_id: 'org-road',
				utility: 'road',
				kind: 'road_reconstruction',
				start_date: '2027-01-01',
				end_date: '2027-06-30',
				status: 'submitted',
				width_m: 12
			});
			const w = await work({ northM: 3, start_date: '2028-01-01', end_date: '2028-01-31', status: 'submitted' });
			expect(await pairKinds(w, r)).toEqual(['moratorium']);
		});

		it('emergency repairs are exempt (art. 35)', async () => {
			const r = await road('road_reconstruction', '2024-06-30');
			const w = await work({ northM: 3, kind: 'emergency_repair', emergency: true, start_date: '2025-06-01', end_date: '2025-06-03' });
			expect(await pairKinds(w, r)).toEqual([]);
		});

		it('is found from the road work as well', async () => {
			const w = await work({ northM: 3, start_date: '2026-06-01', end_date: '2026-06-30' });
			const r = await road('road_major_repair', '2025-06-30');
			const fromRoad = (await conflictsOfWork(db, r)).filter((x) => x.work_ids.includes(w));
			expect(fromRoad.map((x) => [x.kind, x.subject_id])).toEqual([['moratorium', w]]);
		});
	});

	/** A work's area-rule rows, as the scan and a check give them. */
	const areaRowsOfScan = (rows: ConflictRow[], w: number) =>
		rows
			.filter((r) => (r.kind === 'historic_district' || r.kind === 'renovation_window') && r.work_ids.includes(w))
			.map((r) => ({
				kind: r.kind,
				work_ids: r.work_ids,
				historic_district_id: r.historic_district_id,
				neighbourhood_id: r.neighbourhood_id,
				where: JSON.parse(r.where_geojson!)
			}));

	describe('historic_district', () => {
		beforeAll(async () => {
			await db.query(
				`INSERT INTO historic_district (id, city_code, name, protection_level, boundary) VALUES ('hd-test', $1, '测试街区', 'provincial', ST_SetSRID(ST_GeomFromGeoJSON($2), 4326))`,
				[CITY, JSON.stringify(multi(squareAt(0, 0, 200, offset(ORIGIN, 16000, 16000))))]
			);
		});

		it('a work entering a historic district needs heritage review, and names the district', async () => {
			const w = await insertWork(db, { organisation_id: 'org-water', geom: lineAt(-50, 100, 100, offset(ORIGIN, 16000, 16000)) });
			const rows = (await conflictsOfWork(db, w)).filter((r) => r.kind === 'historic_district');
			expect(rows).toHaveLength(1);
			expect(rows[0]).toMatchObject({ historic_district_id: 'hd-test', work_ids: [w], severity: 'medium' });
			// the full scan finds it from the district's side: the same row, cut at the same place
			expect(areaRowsOfScan(await scanConflicts(db, CITY), w)).toEqual(areaRowsOfScan(rows, w));
		});

		it('a work whose trench edge stays 1 m outside does not', async () => {
			const w = await insertWork(db, { organisation_id: 'org-water', width_m: 2, geom: lineAt(-150, 100, 148, offset(ORIGIN, 16000, 16000)) });
			expect(kindsOf(await conflictsOfWork(db, w))).toEqual([]);
		});
	});

	describe('renovation_window', () => {
		const at = () => offset(ORIGIN, 17000, -16000);
		beforeAll(async () => {
			await insertNeighbourhood(db, {
				id: 'nb-running',
				boundary: multi(squareAt(0, 0, 300, offset(ORIGIN, 17000, -16000))),
				status: 'under_construction',
				renovation_start: '2025-03-01',
				renovation_end: '2025-09-30'
			});
			await insertNeighbourhood(db, {
				id: 'nb-done',
				boundary: multi(squareAt(1000, 0, 300, offset(ORIGIN, 17000, -16000))),
				status: 'accepted',
				renovation_start: '2021-03-01',
				renovation_end: '2021-09-30'
			});
		});

		it('a work in a neighbourhood being renovated, but outside its window, should move into it', async () => {
			const w = await insertWork(db, { organisation_id: 'org-water', geom: lineAt(50, 150, 100, at()), start_date: '2025-10-01', end_date: '2025-10-20' });
			const rows = await conflictsOfWork(db, w);
			expect(rows.map((r) => [r.kind, r.neighbourhood_id])).toEqual([['renovation_window', 'nb-running']]);
			expect(areaRowsOfScan(await scanConflicts(db, CITY), w)).toEqual(areaRowsOfScan(rows, w));
		});

		it('inside the window it is bundled with the renovation, as it should be', async () => {
			const w = await insertWork(db, { organisation_id: 'org-water', geom: lineAt(50, 150, 100, at()), start_date: '2025-04-01', end_date: '2025-04-20' });
			expect(kindsOf((await conflictsOfWork(db, w)).filter((r) => r.kind === 'renovation_window'))).toEqual([]);
		});

		it('an accepted neighbourhood no longer has a window to respect', async () => {
			const w = await insertWork(db, { organisation_id: 'org-water', geom: lineAt(1050, 150, 100, at()), start_date: '2025-10-01', end_date: '2025-10-20' });
			expect(kindsOf(await conflictsOfWork(db, w))).toEqual([]);
		});
	});

	describe('sequence: deepest first, pave last', () => {
		it('telecom starting before the drainage in the same trench breaks the order', async () => {
			const drain = await work({
				organisation_id: 'org-drain',
				utility: 'sewage',
				kind: 'rain_sewage_separation',
				start_date: '2025-05-01',
				end_date: '2025-06-30'
			});
			const tel = await work({
				organisation_id: 'org-telecom',
				utility: 'telecom',
				kind: 'fibre_to_homes',
				northM: 4,
				start_date: '2025-04-01',
				end_date: '2025-05-15'
			});
			const rows = (await conflictsOfWork(db, tel)).filter((r) => r.work_ids.includes(drain));
			expect(kindsOf(rows)).toEqual(['sequence', 'time_overlap']);
			expect(rows.find((r) => r.kind === 'sequence')).toMatchObject({ subject_id: drain, work_ids: [drain, tel], severity: 'low' });
		});

		it('drainage first is the right order', async () => {
			const drain = await work({
				organisation_id: 'org-drain',
				utility: 'sewage',
				kind: 'rain_sewage_separation',
				start_date: '2025-04-01',
				end_date: '2025-06-30'
			});
			const tel = await work({
				organisation_id: 'org-telecom',
				utility: 'telecom',
				kind: 'fibre_to_homes',
				northM: 4,
				start_date: '2025-05-01',
				end_date: '2025-05-15'
			});
			expect(await pairKinds(tel, drain)).toEqual(['time_overlap']);
		});

		it('a road paved before the pipes under it breaks the order, more severely', async () => {
			const paved = await work({
				organisation_id: 'org-road',
				utility: 'road',
				kind: 'new_pipe',
				start_date: '2025-03-01',
				end_date: '2025-03-31',
				width_m: 10
			});
			const water = await work({ northM: 2, start_date: '2025-03-15', end_date: '2025-04-30' });
			const seq = (await conflictsOfWork(db, water)).find((r) => r.kind === 'sequence');
			expect(seq).toMatchObject({ subject_id: water, severity: 'medium' });
			expect(paved).toBeLessThan(water);
		});
	});

	describe('distances in metres on the ground', () => {
		it.each([
			['1 arc-minute of latitude', [116.0, 29.7], [116.0, 29.7 + 1 / 60]],
			['0.01° of longitude', [115.99, 29.72], [116.0, 29.72]],
			['a 5 km diagonal', [115.96, 29.69], [116.0, 29.72]],
			['15 m east', [116.0, 29.72], offset([116.0, 29.72], 15, 0)]
		])('%s matches the geodesic on the WGS84 ellipsoid within 0.05 %%', async (_name, a, b) => {
			const { rows } = await db.query<{ planar: number; geodesic: number }>(
				`SELECT works_gap_m(ST_Transform(ST_SetSRID(ST_MakePoint($1, $2), 4326), 4548), 0, ST_Transform(ST_SetSRID(ST_MakePoint($3, $4), 4326), 4548), 0) AS planar,
				        ST_Distance(ST_MakePoint($1, $2)::geography, ST_MakePoint($3, $4)::geography, true) AS geodesic`,
				[a[0], a[1], b[0], b[1]]
			);
			expect(Math.abs(rows[0].planar - rows[0].geodesic) / rows[0].geodesic).toBeLessThan(0.0005);
		});

		it('1 arc-minute of latitude at 29.7° N is 1847.6 m (meridian arc)', async () => {
			const { rows } = await db.query<{ d: number }>(
				`SELECT works_gap_m(ST_Transform(ST_SetSRID(ST_MakePoint(116, 29.7), 4326), 4548), 0, ST_Transform(ST_SetSRID(ST_MakePoint(116, 29.7 + 1.0/60), 4326), 4548), 0) AS d`
			);
			expect(rows[0].d).toBeGreaterThan(1846.6);
			expect(rows[0].d).toBeLessThan(1848.6);
		});
	});

	describe('properties', () => {
		const scenario = fc.record({
			dy: fc.double({ min: 0, max: 40, noNaN: true }),
			startA: fc.integer({ min: 0, max: 2000 }),
			lenA: fc.integer({ min: 1, max: 120 }),
			startB: fc.integer({ min: 0, max: 2000 }),
			lenB: fc.integer({ min: 1, max: 120 }),
			orgB: fc.constantFrom('org-water', 'org-gas', 'org-drain', 'org-telecom'),
			kindA: fc.constantFrom('replacement', 'road_major_repair', 'road_reconstruction'),
			east: fc.integer({ min: -8000, max: 8000 }),
			north: fc.integer({ min: -8000, max: 8000 })
		});
		type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;
		const day = (n: number) => new Date(Date.UTC(2021, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
		const utilityOf: Record<string, string> = { 'org-water': 'water', 'org-gas': 'gas', 'org-drain': 'sewage', 'org-telecom': 'telecom' };

		async function place(s: Scenario, from: [number, number]) {
			const road = s.kindA !== 'replacement';
			const a = await insertWork(db, {
				organisation_id: road ? 'org-road' : 'org-water',
				utility: road ? 'road' : 'water',
				kind: s.kindA,
				geom: lineAt(0, 0, 100, from),
				start_date: day(s.startA),
				end_date: day(s.startA + s.lenA)
			});
			const b = await insertWork(db, {
				organisation_id: s.orgB,
				utility: utilityOf[s.orgB],
				geom: lineAt(20, s.dy, 100, from),
				start_date: day(s.startB),
				end_date: day(s.startB + s.lenB)
			});
			return { a, b };
		}
		const signature = (rows: ConflictRow[], a: number, b: number) =>
			rows
				.filter((r) => r.work_ids.includes(a) && r.work_ids.includes(b))
				.map((r) => `${r.kind}:${r.subject_id === a ? 'a' : 'b'}`)
				.sort();

		it('a conflict found from A is found from B, and the full scan finds the same', async () => {
			await fc.assert(
				fc.asyncProperty(scenario, async (s) => {
					// anywhere in the city
					const { a, b } = await place(s, offset(ORIGIN, s.east, s.north));
					try {
						const fromA = signature(await conflictsOfWork(db, a), a, b);
						const fromB = signature(await conflictsOfWork(db, b), a, b);
						expect(fromB).toEqual(fromA);
						const scanned = signature(await scanConflicts(db, CITY), a, b);
						expect(scanned).toEqual(fromA);
					} finally {
						await db.query('DELETE FROM work WHERE id = ANY($1::bigint[])', [[a, b]]);
					}
				}),
				{ numRuns: 25, seed: 4004 }
			);
		});

		it('moving a scenario elsewhere in the city changes nothing', async () => {
			await fc.assert(
				fc.asyncProperty(scenario, async (s) => {
					const first = await place(s, offset(ORIGIN, 25000, 25000));
					const moved = await place(s, offset(ORIGIN, s.east, s.north));
					try {
						expect(signature(await conflictsOfWork(db, moved.a), moved.a, moved.b)).toEqual(signature(await conflictsOfWork(db, first.a), first.a, first.b));
					} finally {
						await db.query('DELETE FROM work WHERE id = ANY($1::bigint[])', [[first.a, first.b, moved.a, moved.b]]);
					}
				}),
				{ numRuns: 25, seed: 4005 }
			);
		});
	});
});

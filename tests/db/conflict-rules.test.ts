import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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
import { conflictsOfWork, type ConflictRow } from '../../src/lib/server/conflicts/engine';
import { CONFLICT_KINDS, CONFLICT_RULES, DIG_LAYER, JOINABLE_STATUSES, linksWorks, severityOf, type ConflictKind } from '../../src/lib/domain/conflict-rules';
import { UTILITIES, WORK_STATUSES } from '../../src/lib/domain/codes';
import type { Db } from '../../src/lib/server/db/types';

/**
 * The catalogue of conflict rules (src/lib/domain/conflict-rules.ts) and the engine's SQL agree:
 * every rule's severity, whether it links works into a proposal (and which works can join), and
 * the dig order. The SQL keeps its own copy where the engine weighs each pair of works.
 */
describe('one catalogue of conflict rules, the same in SQL', () => {
	let db: Db;
	let close: () => Promise<void>;
	let slot = 0;
	let here: [number, number];

	beforeAll(async () => {
		({ db, close } = await openScenarioDb());
		await db.query(
			`INSERT INTO historic_district (id, city_code, name, protection_level, boundary) VALUES ('hd-rules', $1, '测试街区', 'provincial', ST_SetSRID(ST_GeomFromGeoJSON($2), 4326))`,
			[CITY, JSON.stringify(multi(squareAt(0, 0, 200, offset(ORIGIN, 16000, 16000))))]
		);
		await insertNeighbourhood(db, {
			id: 'nb-rules',
			boundary: multi(squareAt(0, 0, 300, offset(ORIGIN, 17000, -16000))),
			status: 'under_construction',
			renovation_start: '2025-03-01',
			renovation_end: '2025-09-30'
		});
	});
	afterAll(() => close());
	beforeEach(() => {
		slot += 1;
		here = scenarioCorner(slot);
	});

	const work = (w: Partial<WorkFixture> & { northM?: number }) => insertTrench(db, here, w);

	/** One scenario per rule (and the sequence rule with the road), each giving the rows it breaks. */
	const scenarios: Record<string, () => Promise<{ rows: ConflictRow[]; expect: ConflictKind }>> = {
		time_overlap: async () => {
			const a = await work({});
			const b = await work({ organisation_id: 'org-telecom', utility: 'telecom', kind: 'fibre_to_homes', northM: 4 });
			return { rows: (await conflictsOfWork(db, b)).filter((r) => r.work_ids.includes(a)), expect: 'time_overlap' };
		},
		repeat_excavation: async () => {
			const a = await work({ start_date: '2023-03-01', end_date: '2023-03-31' });
			const b = await work({ northM: 3 });
			return { rows: (await conflictsOfWork(db, b)).filter((r) => r.work_ids.includes(a)), expect: 'repeat_excavation' };
		},
		moratorium: async () => {
			const r = await work({
				organisation_id: 'org-road',
				utility: 'road',
				kind: 'road_reconstruction',
				start_date: '2024-01-01',
				end_date: '2024-06-30',
				width_m: 12
			});
			const w = await work({ northM: 3, start_date: '2026-06-01', end_date: '2026-06-30' });
			return { rows: (await conflictsOfWork(db, w)).filter((x) => x.work_ids.includes(r)), expect: 'moratorium' };
		},
		historic_district: async () => {
			const w = await insertWork(db, { organisation_id: 'org-water', geom: lineAt(-50, 100, 100, offset(ORIGIN, 16000, 16000)) });
			return { rows: await conflictsOfWork(db, w), expect: 'historic_district' };
		},
		renovation_window: async () => {
			const w = await insertWork(db, {
				organisation_id: 'org-water',
				geom: lineAt(50, 150, 100, offset(ORIGIN, 17000, -16000)),
				start_date: '2025-10-01',
				end_date: '2025-10-20'
			});
			return { rows: await conflictsOfWork(db, w), expect: 'renovation_window' };
		},
		sequence: async () => {
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
			return { rows: (await conflictsOfWork(db, tel)).filter((r) => r.work_ids.includes(drain)), expect: 'sequence' };
		}
	};

	it('has one scenario for every kind of rule', () => {
		expect(Object.keys(scenarios).sort()).toEqual([...CONFLICT_KINDS].sort());
	});

	for (const kind of CONFLICT_KINDS) {
		it(`gives ${kind} the catalogue's severity`, async () => {
			const { rows, expect: wanted } = await scenarios[kind]();
			const found = rows.filter((r) => r.kind === wanted);
			expect(found).toHaveLength(1);
			expect(found[0].severity).toBe(severityOf(kind));
		});
	}

	it('weighs the sequence rule of every pair of utilities by the catalogue: the lower dig layer first, more severe with the road', async () => {
		// pair_rules on plain columns: b starts first, so the order breaks exactly when a lies deeper
		const { rows } = await db.query<{ a: string; b: string; sequence: boolean; subject: string | null; severity: string | null }>(
			`SELECT a.u AS a, b.u AS b, r.sequence, r.sequence_subject::text AS subject, r.sequence_severity AS severity
			   FROM unnest($1::text[]) a(u) CROSS JOIN unnest($1::text[]) b(u)
			  CROSS JOIN LATERAL pair_rules(1, 'org-a', a.u, 'new_pipe', DATE '2025-05-01', DATE '2025-06-30', false,
			                                2, 'org-b', b.u, 'new_pipe', DATE '2025-04-01', DATE '2025-05-15', false,
			                                2, 15, interval '3 years', interval '5 years', interval '3 years') r`,
			[[...UTILITIES]]
		);
		expect(rows).toHaveLength(UTILITIES.length ** 2);
		for (const r of rows) {
			const a = r.a as keyof typeof DIG_LAYER;
			const b = r.b as keyof typeof DIG_LAYER;
			const breaks = DIG_LAYER[a] < DIG_LAYER[b];
			expect([a, b, r.sequence]).toEqual([a, b, breaks]);
			if (breaks) expect([a, b, r.subject, r.severity]).toEqual([a, b, '1', severityOf('sequence', a === 'road' || b === 'road')]);
		}
		expect(CONFLICT_RULES.sequence.severityWithRoad).toBeDefined();
	});

	it('orders the dig as the catalogue does (utility_layer)', async () => {
		const { rows } = await db.query<{ u: string; layer: number }>('SELECT u, utility_layer(u) AS layer FROM unnest($1::text[]) u', [[...UTILITIES]]);
		expect(Object.fromEntries(rows.map((r) => [r.u, Number(r.layer)]))).toEqual(DIG_LAYER);
	});

	describe('which works a check proposes to join: the rules that link works, and the works that can still join', () => {
		/** A check of a water trench 3 m north of this corner (work_check), with the ids of the stored works in its proposal. */
		async function check(p: { start_date: string; end_date: string }) {
			const geometry = JSON.stringify(lineAt(0, 3, 100, here));
			const candidate = {
				organisation: 'org-water',
				utility: 'water',
				kind: 'replacement',
				width_m: 1,
				depth_m: 1.5,
				status: 'submitted',
				emergency: false,
				needs_review: false,
				geometry,
				...p
			};
			const { rows } = await db.query<{
				r: {
					id: number;
					rows: { work_ids: (number | string)[]; time_overlap: boolean; repeat_excavation: boolean; kind: string | null }[];
					proposal: { members: { id: number | string }[] } | null;
				};
			}>('SELECT work_check($1, $2, NULL, NULL, NULL) AS r', [CITY, JSON.stringify(candidate)]);
			const { id, proposal } = rows[0].r;
			return {
				id: Number(id),
				members: (proposal?.members ?? [])
					.map((m) => Number(m.id))
					.filter((m) => m !== Number(id))
					.sort((a, b) => a - b)
			};
		}
		/** The stored works the catalogue links to the checked one: by a rule that links works, and joinable. */
		const linkedByCatalogue = (rows: ConflictRow[], joinable: Set<number>) =>
			[...new Set(rows.filter((r) => linksWorks(r.kind)).flatMap((r) => r.work_ids))].filter((id) => joinable.has(id)).sort((a, b) => a - b);

		const cases: { name: string; setUp: () => Promise<void>; window: { start_date: string; end_date: string } }[] = [
			{
				name: 'an overlap, a repeat and a moratorium',
				window: { start_date: '2026-06-01', end_date: '2026-06-30' },
				setUp: async () => {
					await work({ organisation_id: 'org-telecom', utility: 'telecom', kind: 'fibre_to_homes', start_date: '2026-06-10', end_date: '2026-07-10' });
					await work({
						organisation_id: 'org-drain',
						utility: 'sewage',
						kind: 'rain_sewage_separation',
						start_date: '2024-03-01',
						end_date: '2024-03-31',
						northM: 6
					});
					await work({
						organisation_id: 'org-road',
						utility: 'road',
						kind: 'road_major_repair',
						start_date: '2025-01-01',
						end_date: '2025-02-28',
						width_m: 12,
						northM: -4
					});
				}
			},
			{
				name: 'a sequence beside an overlap',
				window: { start_date: '2025-04-01', end_date: '2025-05-15' },
				setUp: async () => {
					await work({ organisation_id: 'org-drain', utility: 'sewage', kind: 'rain_sewage_separation', start_date: '2025-05-01', end_date: '2025-06-30' });
				}
			},
			{
				name: 'overlaps with works of every status',
				window: { start_date: '2025-03-01', end_date: '2025-03-31' },
				setUp: async () => {
					for (const status of WORK_STATUSES)
						await work({ organisation_id: 'org-telecom', utility: 'telecom', kind: 'fibre_to_homes', status, northM: WORK_STATUSES.indexOf(status) });
				}
			}
		];
		for (const c of cases) {
			it(c.name, async () => {
				await c.setUp();
				const { id, members } = await check(c.window);
				// the same candidate stored, its conflicts read by the app and linked by the catalogue
				const stored = await insertWork(db, { organisation_id: 'org-water', geom: lineAt(0, 3, 100, here), status: 'submitted', ...c.window });
				const rows = (await conflictsOfWork(db, stored)).map((r) => ({ ...r, work_ids: r.work_ids.filter((w) => w !== stored) }));
				const { rows: statuses } = await db.query<{ id: number; status: string }>('SELECT id, status FROM work WHERE id = ANY($1::bigint[])', [
					rows.flatMap((r) => r.work_ids)
				]);
				const joinable = new Set(statuses.filter((s) => (JOINABLE_STATUSES as readonly string[]).includes(s.status)).map((s) => Number(s.id)));
				expect(id).toBeGreaterThan(0);
				expect(members).toEqual(linkedByCatalogue(rows, joinable));
				expect(rows.some((r) => !linksWorks(r.kind))).toBe(c.name !== 'overlaps with works of every status');
			});
		}
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openTestDb } from '../support/db';
import { CITY } from '../support/fixtures';
import { scanConflicts } from '../../src/lib/server/conflicts/engine';
import { UTILITIES, WORK_KINDS, WORK_STATUSES, NEIGHBOURHOOD_STATUSES } from '../../src/lib/domain/codes';
import type { Db } from '../../src/lib/server/db/types';
import { demoShiftYears } from '../../src/lib/server/demo/shift';
import { testToday } from '../support/clock';

interface Scenario {
	key: string;
	expect: { kind: string; a: string; b: string }[];
	exempt?: { kind: string; a: string; b: string }[];
}
const scenarios = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../data/demo/scenarios.json'), 'utf8')) as Scenario[];

describe('the demo data set, as loaded', () => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => {
		({ db, close } = await openTestDb('demo'));
	});
	afterAll(() => close());

	const distinct = async (sql: string) => (await db.query<{ v: string }>(sql)).rows.map((r) => r.v).sort();

	it('has the programme at Jiujiang scale: at least 133 neighbourhoods and 500 works', async () => {
		const { rows } = await db.query<{ nb: number; works: number; hd: number; districts: number; subs: number }>(
			`SELECT (SELECT count(*) FROM neighbourhood)::int AS nb, (SELECT count(*) FROM work)::int AS works,
			        (SELECT count(*) FROM historic_district)::int AS hd, (SELECT count(*) FROM district)::int AS districts,
			        (SELECT count(*) FROM sub_district)::int AS subs`
		);
		expect(rows[0].nb).toBeGreaterThanOrEqual(133);
		expect(rows[0].works).toBeGreaterThanOrEqual(500);
		expect(rows[0]).toMatchObject({ hd: 3, districts: 3, subs: 8 });
	});

	it('covers every utility, work kind, work status and neighbourhood status, 2019 to 2027', async () => {
		expect(await distinct('SELECT DISTINCT utility AS v FROM work')).toEqual([...UTILITIES].sort());
		expect(await distinct('SELECT DISTINCT kind AS v FROM work')).toEqual([...WORK_KINDS].sort());
		expect(await distinct('SELECT DISTINCT status AS v FROM work')).toEqual([...WORK_STATUSES].sort());
		expect(await distinct('SELECT DISTINCT status AS v FROM neighbourhood')).toEqual([...NEIGHBOURHOOD_STATUSES].sort());
		// the files' years, moved with the demo to the suite's today
		const years = Array.from({ length: 9 }, (_, i) => String(2019 + i + demoShiftYears(testToday())));
		expect(await distinct(`SELECT DISTINCT extract(year FROM start_date)::text AS v FROM work`)).toEqual(years);
	});

	it("places neighbourhoods without overlap, inside Jiujiang's urban area and inside their district", async () => {
		const { rows } = await db.query<{ overlaps: number; outside: number; wrong_district: number }>(
			`SELECT (SELECT count(*) FROM neighbourhood a JOIN neighbourhood b ON a.id < b.id AND a.boundary && b.boundary
			          AND ST_Area(ST_Intersection(a.boundary, b.boundary)::geography) > 1)::int AS overlaps,
			        (SELECT count(*) FROM neighbourhood WHERE NOT ST_Within(boundary, ST_MakeEnvelope(115.93, 29.64, 116.07, 29.76, 4326)))::int AS outside,
			        (SELECT count(*) FROM neighbourhood n JOIN district d ON d.code = n.district_code
			          WHERE NOT ST_Intersects(d.boundary, ST_PointOnSurface(n.boundary)))::int AS wrong_district`
		);
		expect(rows[0]).toEqual({ overlaps: 0, outside: 0, wrong_district: 0 });
	});

	it('names the three historic districts of the source document', async () => {
		const names = await distinct('SELECT name AS v FROM historic_district');
		expect(names.join()).toMatch(/庾亮南路/);
		expect(names.join()).toMatch(/行署大院/);
		expect(names.join()).toMatch(/动力机厂/);
	});

	it('has a planner account and one per utility, with argon2id hashes', async () => {
		const { rows } = await db.query<{ role: string; organisation_id: string | null; password_hash: string }>(
			'SELECT role, organisation_id, password_hash FROM app_user'
		);
		expect(rows.filter((r) => r.role === 'planner')).toHaveLength(1);
		const utilities = await distinct(`SELECT id AS v FROM organisation WHERE kind <> 'housing'`);
		expect(
			rows
				.filter((r) => r.role === 'utility')
				.map((r) => r.organisation_id)
				.sort()
		).toEqual(utilities);
		expect(rows.every((r) => r.password_hash.startsWith('$argon2id$'))).toBe(true);
	});

	it('holds exactly the conflicts its scenarios plant, each found by the engine', async () => {
		const { rows: works } = await db.query<{ id: number; title: string }>('SELECT id, title FROM work');
		const title = new Map(works.map((w) => [Number(w.id), w.title]));
		const { rows: hds } = await db.query<{ id: string; name: string }>('SELECT id, name FROM historic_district');
		const hdName = new Map(hds.map((h) => [h.id, h.name]));
		const found = (await scanConflicts(db, CITY)).map((c) => {
			const names = c.work_ids.map((id) => title.get(id)!);
			const other = c.historic_district_id ? hdName.get(c.historic_district_id)! : (c.neighbourhood_id ?? '');
			return [c.kind, ...(names.length > 1 ? names : [names[0], other])].map(String);
		});
		const key = (kind: string, a: string, b: string) => [kind, ...[a, b].sort()].join(' | ');
		const planted = scenarios.flatMap((s) => s.expect.map((e) => key(e.kind, e.a, e.b))).sort();
		expect(found.map(([kind, a, b]) => key(kind, a, b)).sort()).toEqual(planted);
		const exempt = scenarios.flatMap((s) => (s.exempt ?? []).map((e) => key(e.kind, e.a, e.b)));
		expect(exempt.length).toBeGreaterThan(0);
		for (const e of exempt) expect(planted).not.toContain(e);
	});

	it('flags the running emergency repairs for review', async () => {
		const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM work WHERE needs_review`);
		expect(rows[0].n).toBeGreaterThan(0);
	});
});

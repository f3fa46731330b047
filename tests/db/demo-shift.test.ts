import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { openTestDb } from '../support/db';
import { insertDistrict, insertNeighbourhood, insertOrganisation, insertWork } from '../support/fixtures';
import { realignDemo, seedDemo } from '../../src/lib/server/demo/seed';
import type { Db } from '../../src/lib/server/db/types';

const DEMO = resolve(import.meta.dirname, '../../data/demo');

/** The dates the committed demo files hold: first and last of each kind. */
const FILE = { firstStart: '2019-01-11', lastEnd: '2028-08-01', firstSince: '2019-02-26' };

async function span(db: Db) {
	const { rows } = await db.query<{
		first_start: string;
		last_end: string;
		first_since: string;
		first_batch: number;
		last_batch: number;
		work_days: number;
		reversed: number;
		info: string;
	}>(
		`SELECT (SELECT min(start_date)::text FROM work) AS first_start, (SELECT max(end_date)::text FROM work) AS last_end,
		        (SELECT min(since)::text FROM rain_sewage_change) AS first_since,
		        (SELECT min(batch_year) FROM neighbourhood) AS first_batch, (SELECT max(batch_year) FROM neighbourhood) AS last_batch,
		        (SELECT sum(end_date - start_date) FROM work)::int AS work_days,
		        (SELECT count(*) FROM neighbourhood WHERE renovation_end < renovation_start)::int AS reversed,
		        (SELECT json_object_agg(key, value) FROM dataset_info WHERE key LIKE 'demo_%')::text AS info`
	);
	return { ...rows[0], info: JSON.parse(rows[0].info) as Record<string, string> };
}

describe('the demo data, moved by whole years to the server’s today', () => {
	let db: Db;
	let close: () => Promise<void>;
	let unshiftedDays: number;
	beforeAll(async () => {
		({ db, close } = await openTestDb('migrated'));
	});
	afterAll(() => close());

	it('is loaded as written on its reference day', async () => {
		await seedDemo(db, DEMO, { accounts: false, today: '2026-12-01' });
		const s = await span(db);
		expect(s).toMatchObject({ first_start: FILE.firstStart, last_end: FILE.lastEnd, first_since: FILE.firstSince, first_batch: 2019, last_batch: 2026 });
		expect(s.info).toEqual({ demo_shift_years: '0', demo_today: '2026-12-01', demo_source: 'data/demo (npm run data:demo)' });
		unshiftedDays = Number(s.work_days);
	});

	it('is moved on by the years a database opened later is behind, keeping every interval', async () => {
		expect(await realignDemo(db, '2029-06-15')).toBe(3);
		const s = await span(db);
		expect(s).toMatchObject({ first_start: '2022-01-11', last_end: '2031-08-01', first_since: '2022-02-26', first_batch: 2022, last_batch: 2029, reversed: 0 });
		expect(s.info).toMatchObject({ demo_shift_years: '3', demo_today: '2029-12-01' });
		// whole years keep every window's length, but for a day where one spans a 29 February
		expect(Math.abs(Number(s.work_days) - unshiftedDays)).toBeLessThan(20);
	});

	it('is left alone when already aligned, and moved back for a clock in the past', async () => {
		expect(await realignDemo(db, '2029-09-01')).toBe(0);
		expect(await realignDemo(db, '2025-11-20')).toBe(-4);
		const s = await span(db);
		expect(s).toMatchObject({ first_start: '2018-01-11', first_since: '2018-02-26', reversed: 0 });
		// the batch year stays inside its CHECK (2019–2035)
		expect(s.first_batch).toBe(2019);
		expect(s.info).toMatchObject({ demo_shift_years: '-1', demo_today: '2025-12-01' });
	});
});

describe('a database that is not demo data', () => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => {
		({ db, close } = await openTestDb('migrated'));
		await insertDistrict(db);
		await insertOrganisation(db, 'real-water');
		await insertNeighbourhood(db, { id: 'nb-real', renovation_start: '2025-03-01', renovation_end: '2025-09-30' });
		await insertWork(db, { organisation_id: 'real-water', start_date: '2025-03-01', end_date: '2025-03-31' });
	});
	afterAll(() => close());

	it('is never moved, whatever the clock says', async () => {
		expect(await realignDemo(db, '2031-06-15')).toBe(0);
		const { rows } = await db.query<{ start: string; renovation: string }>(
			`SELECT (SELECT start_date::text FROM work) AS start, (SELECT renovation_start::text FROM neighbourhood) AS renovation`
		);
		expect(rows[0]).toEqual({ start: '2025-03-01', renovation: '2025-03-01' });
	});
});

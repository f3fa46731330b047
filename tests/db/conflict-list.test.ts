import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../support/db';
import { CITY, insertWork } from '../support/fixtures';
import { listConflicts } from '../../src/lib/server/conflicts/list';
import { scanConflicts } from '../../src/lib/server/conflicts/engine';
import type { Db } from '../../src/lib/server/db/types';

describe('the planners’ conflict list, on the demo data', () => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => {
		({ db, close } = await openTestDb('demo'));
	});
	afterAll(() => close());

	const version = async () => Number((await db.query<{ version: number }>('SELECT version FROM data_version')).rows[0].version);

	it('lists every conflict of the scan, most severe first, each with a message', async () => {
		const all = await listConflicts(db, { cityCode: CITY }, 'zh');
		expect(all.length).toBe((await scanConflicts(db, CITY)).length);
		const ranks = all.map((c) => ({ high: 0, medium: 1, low: 2 })[c.severity]);
		expect(ranks).toEqual([...ranks].sort());
		expect(all.every((c) => c.message.length > 10 && c.suggestion.length > 5)).toBe(true);
	});

	it('filters by kind, severity, time, district, view and work', async () => {
		const all = await listConflicts(db, { cityCode: CITY }, 'zh');
		const overlaps = await listConflicts(db, { cityCode: CITY, kind: ['time_overlap'] }, 'zh');
		expect(overlaps.length).toBeGreaterThan(0);
		expect(overlaps.every((c) => c.kind === 'time_overlap')).toBe(true);
		expect((await listConflicts(db, { cityCode: CITY, severity: ['low'] }, 'zh')).every((c) => c.severity === 'low')).toBe(true);

		const in2025 = await listConflicts(db, { cityCode: CITY, from: '2025-01-01', to: '2025-12-31' }, 'zh');
		expect(in2025.length).toBeGreaterThan(0);
		expect(in2025.length).toBeLessThan(all.length);
		for (const c of in2025) for (const w of c.works) expect(w.start_date <= '2025-12-31' && w.end_date >= '2025-01-01').toBe(true);

		const xunyang = await listConflicts(db, { cityCode: CITY, district: ['360403'] }, 'zh');
		const lianxi = await listConflicts(db, { cityCode: CITY, district: ['360402'] }, 'zh');
		expect(xunyang.length).toBeGreaterThan(0);
		expect(lianxi.length).toBeGreaterThan(0);
		expect(xunyang.filter((c) => lianxi.some((l) => l.id === c.id)).length).toBeLessThan(xunyang.length);

		const view = await listConflicts(db, { cityCode: CITY, bbox: [115.99, 29.725, 116.0, 29.74] }, 'zh');
		expect(view.length).toBeLessThan(all.length);
		expect(view.map((c) => c.id)).toContain(all.find((c) => c.works.some((w) => w.title?.startsWith('湓浦路')))!.id);

		const one = all[0].works[0].id;
		expect((await listConflicts(db, { cityCode: CITY, work: one }, 'zh')).every((c) => c.works.some((w) => w.id === one))).toBe(true);
	});

	it('keeps the scan until the data changes, and sees a new conflict at once', async () => {
		const first = await scanConflicts(db, CITY);
		expect(await scanConflicts(db, CITY)).toBe(first);
		const v = await version();
		await db
			.transaction(async (tx) => {
				await insertWork(tx, {
					organisation_id: 'jj-water',
					geom: {
						type: 'LineString',
						coordinates: [
							[116.00212, 29.72245],
							[116.00212, 29.72275]
						]
					},
					start_date: '2027-01-11',
					end_date: '2027-01-29'
				});
				throw new Error('rolled back, like a check');
			})
			.catch(() => {});
		expect(await version()).toBe(v);
		expect(await scanConflicts(db, CITY)).toBe(first);

		const id = await insertWork(db, {
			organisation_id: 'jj-water',
			geom: {
				type: 'LineString',
				coordinates: [
					[116.00212, 29.72245],
					[116.00212, 29.72275]
				]
			},
			start_date: '2027-01-11',
			end_date: '2027-01-29'
		});
		expect(await version()).toBeGreaterThan(v);
		const after = await listConflicts(db, { cityCode: CITY, work: id }, 'en');
		expect(after.map((c) => c.kind)).toEqual(['time_overlap']);
		expect(after[0].message).toMatch(/九江燃气|Jiujiang/);
	});
});

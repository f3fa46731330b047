import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../support/db';
import { CITY, ORIGIN, insertDistrict, insertNeighbourhood, insertOrganisation, insertWork, lineAt, multi, offset, squareAt } from '../support/fixtures';
import { workCollection, PUBLIC_WORK_FIELDS, STAFF_WORK_FIELDS } from '../../src/lib/server/works/queries';
import { neighbourhoodCollection, PUBLIC_NEIGHBOURHOOD_FIELDS } from '../../src/lib/server/neighbourhoods/queries';
import { historicDistrictCollection } from '../../src/lib/server/historic-districts/queries';
import type { Db } from '../../src/lib/server/db/types';

type FC = { type: string; features: { id: number | string; properties: Record<string, unknown>; geometry: { type: string } }[] };

describe('layer queries', () => {
	let db: Db;
	let close: () => Promise<void>;
	const ids: Record<string, number> = {};
	const staff = { audience: 'staff', role: 'utility', organisationId: 'org-water' } as const;

	beforeAll(async () => {
		({ db, close } = await openTestDb('migrated'));
		await insertDistrict(db, '360403', '浔阳区');
		await db.query(`INSERT INTO district (code, city_code, name, boundary) VALUES ('360402', $1, '濂溪区', ST_SetSRID(ST_GeomFromGeoJSON($2), 4326))`, [
			CITY,
			JSON.stringify(multi(squareAt(20_000, 0, 5000)))
		]);
		await insertOrganisation(db, 'org-water', 'water');
		await insertOrganisation(db, 'org-gas', 'gas');
		ids.march = await insertWork(db, {
			organisation_id: 'org-water',
			geom: lineAt(0, 0),
			start_date: '2025-03-01',
			end_date: '2025-03-31',
			internal_note: 'secret'
		});
		ids.june = await insertWork(db, { organisation_id: 'org-gas', utility: 'gas', geom: lineAt(0, 500), start_date: '2025-06-01', end_date: '2025-06-30' });
		ids.far = await insertWork(db, { organisation_id: 'org-water', geom: lineAt(21_000, 1000), start_date: '2025-03-10', end_date: '2025-03-20' });
		ids.draft = await insertWork(db, { organisation_id: 'org-gas', utility: 'gas', status: 'draft', geom: lineAt(0, 100) });
		ids.cancelled = await insertWork(db, { organisation_id: 'org-water', status: 'cancelled', geom: lineAt(0, 200) });
		await insertNeighbourhood(db, {
			id: 'nb-a',
			boundary: multi(squareAt(-300, -300, 200)),
			status: 'completed',
			rain_sewage_state: 'separated',
			batch_year: 2020,
			renovation_start: '2020-03-01',
			renovation_end: '2020-10-31'
		});
		await insertNeighbourhood(db, {
			id: 'nb-b',
			boundary: multi(squareAt(300, 300, 200)),
			status: 'planned',
			rain_sewage_state: 'combined',
			batch_year: 2026,
			renovation_start: '2026-03-01',
			renovation_end: '2026-12-31'
		});
		await insertNeighbourhood(db, {
			id: 'nb-c',
			boundary: multi(squareAt(20_500, 500, 200)),
			status: 'approved',
			district_code: '360402',
			renovation_start: null,
			renovation_end: null
		});
		await db.query(
			`INSERT INTO historic_district (id, city_code, name, protection_level, boundary) VALUES ('hd-a', $1, '街区', 'provincial', ST_SetSRID(ST_GeomFromGeoJSON($2), 4326))`,
			[CITY, JSON.stringify(multi(squareAt(1000, 1000, 300)))]
		);
	});
	afterAll(() => close());

	const works = async (filter: Parameters<typeof workCollection>[1], viewer: Parameters<typeof workCollection>[2] = staff) =>
		JSON.parse(await workCollection(db, filter, viewer)) as FC;
	const workIds = async (...args: Parameters<typeof works>) => (await works(...args)).features.map((f) => f.id);

	it('returns a valid FeatureCollection with stable ids', async () => {
		const fc = await works({ cityCode: CITY });
		expect(fc.type).toBe('FeatureCollection');
		expect(fc.features.every((f) => typeof f.id === 'number' && f.geometry.type === 'LineString')).toBe(true);
	});

	it('never returns drafts to the public or to other organisations, but does to their own and to planners', async () => {
		expect(await workIds({ cityCode: CITY }, { audience: 'public' })).not.toContain(ids.draft);
		expect(await workIds({ cityCode: CITY }, { audience: 'staff', role: 'utility', organisationId: 'org-water' })).not.toContain(ids.draft);
		expect(await workIds({ cityCode: CITY }, { audience: 'staff', role: 'utility', organisationId: 'org-gas' })).toContain(ids.draft);
		expect(await workIds({ cityCode: CITY }, { audience: 'staff', role: 'planner', organisationId: 'org-housing' })).toContain(ids.draft);
	});

	it('filters by bbox', async () => {
		const [minLon, minLat] = offset(ORIGIN, -50, -50);
		const [maxLon, maxLat] = offset(ORIGIN, 150, 50);
		expect(await workIds({ cityCode: CITY, bbox: [minLon, minLat, maxLon, maxLat] })).toEqual([ids.march]);
	});

	it('returns a work whose window meets [from, to], inclusive at both ends', async () => {
		expect(await workIds({ cityCode: CITY, from: '2025-03-31', to: '2025-05-31', status: ['approved'] })).toEqual([ids.march]);
		expect(await workIds({ cityCode: CITY, from: '2025-04-01', to: '2025-05-31' })).toEqual([]);
		expect(await workIds({ cityCode: CITY, from: '2025-06-30' })).toEqual([ids.june]);
		expect(await workIds({ cityCode: CITY, to: '2025-03-01', status: ['approved'] })).toEqual([ids.march]);
	});

	it('filters by organisation, utility, status and district', async () => {
		expect(await workIds({ cityCode: CITY, organisation: ['org-gas'] })).toEqual([ids.june]);
		expect(await workIds({ cityCode: CITY, utility: ['gas'] })).toEqual([ids.june]);
		expect(await workIds({ cityCode: CITY, status: ['cancelled'] })).toEqual([ids.cancelled]);
		expect(await workIds({ cityCode: CITY, district: ['360402'] })).toEqual([ids.far]);
	});

	it('gives the public exactly the public work fields, and staff the private ones too', async () => {
		const pub = (await works({ cityCode: CITY }, { audience: 'public' })).features.find((f) => f.id === ids.march)!;
		expect(Object.keys(pub.properties).sort()).toEqual(Object.keys(PUBLIC_WORK_FIELDS).sort());
		expect(pub.properties).not.toHaveProperty('depth_m');
		expect(pub.properties).not.toHaveProperty('internal_note');
		const priv = (await works({ cityCode: CITY })).features.find((f) => f.id === ids.march)!;
		expect(Object.keys(priv.properties).sort()).toEqual(Object.keys(STAFF_WORK_FIELDS).sort());
		expect(priv.properties).toMatchObject({ depth_m: 1.5, internal_note: 'secret', start_date: '2025-03-01', end_date: '2025-03-31', width_m: 1 });
	});

	it('filters neighbourhoods by status, rain-sewage state, batch year, district and renovation window', async () => {
		const nb = async (filter: Omit<Parameters<typeof neighbourhoodCollection>[1], 'cityCode'>) =>
			(JSON.parse(await neighbourhoodCollection(db, { cityCode: CITY, ...filter }, 'public')) as FC).features.map((f) => f.id);
		expect(await nb({})).toEqual(['nb-a', 'nb-b', 'nb-c']);
		expect(await nb({ status: ['planned', 'completed'] })).toEqual(['nb-a', 'nb-b']);
		expect(await nb({ rainSewage: ['combined'] })).toEqual(['nb-b', 'nb-c']);
		expect(await nb({ batchYear: [2020] })).toEqual(['nb-a']);
		expect(await nb({ district: ['360402'] })).toEqual(['nb-c']);
		expect(await nb({ from: '2026-01-01', to: '2026-06-30' })).toEqual(['nb-b']);
		const [minLon, minLat] = offset(ORIGIN, -400, -400);
		const [maxLon, maxLat] = offset(ORIGIN, -50, -50);
		expect(await nb({ bbox: [minLon, minLat, maxLon, maxLat] })).toEqual(['nb-a']);
	});

	it('answers a neighbourhood’s status on a day from its renovation window, never beyond the status recorded', async () => {
		const statuses = async (filter: Omit<Parameters<typeof neighbourhoodCollection>[1], 'cityCode'>) =>
			Object.fromEntries(
				(JSON.parse(await neighbourhoodCollection(db, { cityCode: CITY, ...filter }, 'public')) as FC).features.map((f) => [f.id, f.properties.status])
			);
		// nb-a: completed, renovated 2020-03-01 to 2020-10-31; nb-b: planned, window in 2026; nb-c: approved, no window
		expect(await statuses({})).toEqual({ 'nb-a': 'completed', 'nb-b': 'planned', 'nb-c': 'approved' });
		expect(await statuses({ at: '2020-02-29' })).toEqual({ 'nb-a': 'approved', 'nb-b': 'planned', 'nb-c': 'approved' });
		expect(await statuses({ at: '2020-03-01' })).toMatchObject({ 'nb-a': 'under_construction' });
		expect(await statuses({ at: '2020-10-31' })).toMatchObject({ 'nb-a': 'under_construction' });
		expect(await statuses({ at: '2020-11-01' })).toMatchObject({ 'nb-a': 'completed' });
		// a window that has opened since does not make a planned neighbourhood under construction
		expect(await statuses({ at: '2026-06-30' })).toEqual({ 'nb-a': 'completed', 'nb-b': 'planned', 'nb-c': 'approved' });
		// a period is answered at its end, and filtered by the status then
		expect(await statuses({ from: '2020-01-01', to: '2020-06-30' })).toEqual({ 'nb-a': 'under_construction' });
		expect(await statuses({ at: '2020-06-30', status: ['under_construction'] })).toEqual({ 'nb-a': 'under_construction' });
		expect(await statuses({ at: '2020-06-30', status: ['completed'] })).toEqual({});
	});

	it('gives the public no staff contact or internal note of a neighbourhood', async () => {
		const fc = JSON.parse(await neighbourhoodCollection(db, { cityCode: CITY }, 'public')) as FC;
		expect(Object.keys(fc.features[0].properties).sort()).toEqual(Object.keys(PUBLIC_NEIGHBOURHOOD_FIELDS).sort());
		const staffFc = JSON.parse(await neighbourhoodCollection(db, { cityCode: CITY }, 'staff')) as FC;
		expect(staffFc.features[0].properties).toMatchObject({ community_cadre_phone: '0792-8000000', internal_note: 'private note', district_name: '浔阳区' });
	});

	it('returns historic districts within a bbox', async () => {
		const all = JSON.parse(await historicDistrictCollection(db, { cityCode: CITY })) as FC;
		expect(all.features.map((f) => f.id)).toEqual(['hd-a']);
		expect(all.features[0].geometry.type).toBe('MultiPolygon');
		const [minLon, minLat] = offset(ORIGIN, -400, -400);
		const [maxLon, maxLat] = offset(ORIGIN, -50, -50);
		const none = JSON.parse(await historicDistrictCollection(db, { cityCode: CITY, bbox: [minLon, minLat, maxLon, maxLat] })) as FC;
		expect(none.features).toEqual([]);
	});
});

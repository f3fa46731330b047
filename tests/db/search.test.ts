import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../support/db';
import { CITY } from '../support/fixtures';
import { searchEverything } from '../../src/lib/server/search/search';
import type { Viewer } from '../../src/lib/server/works/queries';
import type { SearchHit } from '../../src/lib/domain/search-hit';
import type { Db } from '../../src/lib/server/db/types';

const PUBLIC: Viewer = { audience: 'public' };
const PLANNER: Viewer = { audience: 'staff', role: 'planner', organisationId: null };
/** data/demo: #599 the municipal road repair on 白水湖路; #534 a power duct on 白水湖路; #584 a power draft */
const ROAD_REPAIR = '599';
const POWER_DUCT = '534';
const POWER_DRAFT = '584';

describe('one search for neighbourhoods, streets, addresses, organisations and works', () => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => {
		({ db, close } = await openTestDb('demo'));
	});
	afterAll(() => close());
	const search = (q: string, viewer: Viewer = PUBLIC, limit = 10) => searchEverything(db, CITY, q, limit, viewer);
	const first = async (q: string, kind: SearchHit['kind'], viewer: Viewer = PUBLIC) => (await search(q, viewer, 50)).find((h) => h.kind === kind);

	it('finds a street by its name, full pinyin and initials, first, with the box of all its pieces', async () => {
		for (const name of ['湓浦路', '白水湖路']) {
			const [top] = await search(name);
			expect(top).toMatchObject({ kind: 'street', id: name, label: name });
			const { rows } = await db.query<{ box: number[] }>(
				`SELECT ARRAY[ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)] AS box FROM (SELECT ST_Extent(geom)::geometry AS e FROM street WHERE name = $1) x`,
				[name]
			);
			top.bbox!.forEach((v, i) => expect(v).toBeCloseTo(Number(rows[0].box[i]), 6));
			const [lon, lat] = top.point!;
			expect(lon >= top.bbox![0] && lon <= top.bbox![2] && lat >= top.bbox![1] && lat <= top.bbox![3]).toBe(true);
		}
		expect((await search('baishuihulu'))[0]).toMatchObject({ kind: 'street', id: '白水湖路' });
		expect((await search('bshl'))[0]).toMatchObject({ kind: 'street', id: '白水湖路' });
	});

	it('finds a work by its number, with or without #, and by words of its title', async () => {
		for (const q of ['599', '#599', '＃599']) {
			const [top] = await search(q);
			expect(top).toMatchObject({ kind: 'work', id: ROAD_REPAIR, label: '#599 白水湖路（红旗二巷至人民路段）道路大修', detail: '市政' });
			expect(top.start_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		}
		const byTitle = (await search('红旗二巷至人民路段', PUBLIC, 50)).filter((h) => h.kind === 'work').map((h) => h.id);
		expect(byTitle).toContain(ROAD_REPAIR);
	});

	it('finds an organisation by its name, short name and pinyin initials', async () => {
		expect((await search('九江深能燃气有限公司'))[0]).toMatchObject({ kind: 'organisation', id: 'jj-gas', label: '九江深能燃气有限公司', detail: '九江燃气' });
		expect((await first('九江燃气', 'organisation'))?.id).toBe('jj-gas');
		expect((await first('jjrq', 'organisation'))?.id).toBe('jj-gas');
		expect((await first('sxsh', 'organisation'))?.id).toBe('jj-drainage');
	});

	it('finds a neighbourhood by its address, and by name, pinyin and initials as before', async () => {
		const { rows } = await db.query<{ id: string; address: string }>(`SELECT id, address FROM neighbourhood WHERE address IS NOT NULL ORDER BY id LIMIT 1`);
		const hit = await first(rows[0].address, 'address');
		expect(hit).toMatchObject({ kind: 'address', id: rows[0].id, label: rows[0].address });
		expect((await search('hhex'))[0]).toMatchObject({ kind: 'neighbourhood', id: 'nb-360403-032' });
		expect((await search('hehuaerxiang'))[0]).toMatchObject({ kind: 'neighbourhood', id: 'nb-360403-032' });
		expect(await search('zzzzqqq')).toEqual([]);
	});

	it('ranks an exact name before a prefix before a name that merely contains the query', async () => {
		const hits = await search('白水湖路', PUBLIC, 50);
		const exact = hits.findIndex((h) => h.label === '白水湖路');
		const prefix = hits.findIndex((h) => h.label.replace(/^#\d+ /, '').startsWith('白水湖路') && h.label !== '白水湖路');
		const contains = hits.findIndex((h) => !h.label.replace(/^#\d+ /, '').startsWith('白水湖路') && h.label.includes('白水湖路'));
		expect(exact).toBe(0);
		expect(prefix).toBeGreaterThan(exact);
		expect(contains).toBeGreaterThan(prefix);
		expect(hits.slice(0, 3).length).toBe(3);
		expect((await search('白水湖路', PUBLIC, 3)).length).toBe(3);
	});

	it('gives the public no drafts, and a gas or power work only at the street stretches it is published as', async () => {
		expect((await search(POWER_DRAFT)).some((h) => h.kind === 'work' && h.id === POWER_DRAFT)).toBe(false);
		expect((await search(POWER_DRAFT, PLANNER))[0]).toMatchObject({ kind: 'work', id: POWER_DRAFT });

		const { rows } = await db.query<{ precise: number[]; published: number[] }>(
			`SELECT ARRAY[ST_XMin(w.geom), ST_YMin(w.geom), ST_XMax(w.geom), ST_YMax(w.geom)] AS precise,
			        ARRAY[ST_XMin(p), ST_YMin(p), ST_XMax(p), ST_YMax(p)] AS published
			   FROM work w CROSS JOIN LATERAL (SELECT public_work_geometry(w) AS p) x WHERE w.id = $1`,
			[Number(POWER_DUCT)]
		);
		const publicHit = (await search(POWER_DUCT))[0];
		const staffHit = (await search(POWER_DUCT, PLANNER))[0];
		publicHit.bbox!.forEach((v, i) => expect(v).toBeCloseTo(Number(rows[0].published[i]), 6));
		staffHit.bbox!.forEach((v, i) => expect(v).toBeCloseTo(Number(rows[0].precise[i]), 6));
		expect(publicHit.bbox).not.toEqual(staffHit.bbox);
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openTestDb } from '../support/db';
import { sharedTrench, type MetricGeometry, type TrenchMember, type Xy } from '../../src/lib/domain/shared-trench';
import type { Db } from '../../src/lib/server/db/types';

/**
 * The app's exact measure of a shared trench against PostGIS cutting each trench with the union of
 * the earlier members' buffered corridors (circles drawn with 256 sides, so within millimetres).
 */
describe('the trench works share, measured against PostGIS', () => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await openTestDb('migrated')));
	afterAll(() => close());

	const D = 15;
	const point = fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 })).map(([x, y]) => [500000 + x, 3280000 + y] as Xy);
	const trench = fc.record({
		path: fc.array(point, { minLength: 2, maxLength: 4 }),
		width_m: fc.constantFrom(0.6, 1, 2.5, 8)
	});
	const area = fc.tuple(point, fc.integer({ min: 5, max: 60 }), fc.integer({ min: 5, max: 60 })).map(([[x, y], w, h]) => ({
		geometry: {
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
		} as MetricGeometry,
		width_m: 0
	}));
	const member = fc.oneof(
		{ weight: 5, arbitrary: trench.map((t) => ({ geometry: { type: 'LineString', coordinates: t.path } as MetricGeometry, width_m: t.width_m })) },
		{ weight: 1, arbitrary: area }
	);

	async function postgis(members: TrenchMember[]): Promise<number> {
		let total = 0;
		for (let i = 1; i < members.length; i++) {
			if (members[i].geometry.type !== 'LineString') continue;
			const earlier = members.slice(0, i).map((m) => ({ g: JSON.stringify(m.geometry), r: D + (m.geometry.type === 'Polygon' ? 0 : m.width_m / 2) }));
			const { rows } = await db.query<{ shared: number }>(
				`SELECT coalesce(ST_Length(ST_Intersection(ST_GeomFromGeoJSON($1),
				          ST_Union(ARRAY(SELECT ST_Buffer(ST_GeomFromGeoJSON(e->>'g'), (e->>'r')::float8, 'quad_segs=64') FROM json_array_elements($2::json) e)))), 0) AS shared`,
				[JSON.stringify(members[i].geometry), JSON.stringify(earlier)]
			);
			total += Number(rows[0].shared);
		}
		return total;
	}

	it('agrees to the centimetre on random groups of trenches and areas', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(member, { minLength: 2, maxLength: 6 }), async (members) => {
				const mine = sharedTrench(members, D).trench_m;
				const theirs = await postgis(members);
				expect(Math.abs(mine - theirs)).toBeLessThan(0.01 * members.length);
			}),
			{ numRuns: 40, seed: 5005 }
		);
	});
});

import type { Db, Queryable } from '../../src/lib/server/db/types';
import { openTestDb } from './db';
import { hashPassword } from '../../src/lib/server/auth/password';

export const CITY = '360400';

/** A point in 浔阳区 and helpers to move from it by metres (flat-earth offsets, fine over a few km). */
export const ORIGIN: [number, number] = [115.99, 29.72];
const M_PER_DEG_LAT = 110_850;
const mPerDegLon = (lat: number) => 111_320 * Math.cos((lat * Math.PI) / 180);
export function offset([lon, lat]: [number, number], eastM: number, northM: number): [number, number] {
	return [lon + eastM / mPerDegLon(lat), lat + northM / M_PER_DEG_LAT];
}
/** A straight east-west line of `lengthM` starting `northM` north and `eastM` east of ORIGIN. */
export function lineAt(eastM: number, northM: number, lengthM = 100, from = ORIGIN) {
	return { type: 'LineString' as const, coordinates: [offset(from, eastM, northM), offset(from, eastM + lengthM, northM)] };
}
export function squareAt(eastM: number, northM: number, sizeM = 50, from = ORIGIN) {
	const a = offset(from, eastM, northM);
	const b = offset(from, eastM + sizeM, northM);
	const c = offset(from, eastM + sizeM, northM + sizeM);
	const d = offset(from, eastM, northM + sizeM);
	return { type: 'Polygon' as const, coordinates: [[a, b, c, d, a]] };
}
export const multi = (polygon: { coordinates: number[][][] }) => ({ type: 'MultiPolygon' as const, coordinates: [polygon.coordinates] });

export async function insertDistrict(db: Queryable, code = '360403', name = '浔阳区') {
	await db.query(`INSERT INTO district (code, city_code, name, boundary) VALUES ($1, $2, $3, ST_SetSRID(ST_GeomFromGeoJSON($4), 4326))`, [
		code,
		CITY,
		name,
		JSON.stringify(multi(squareAt(-5000, -5000, 10_000)))
	]);
}

export async function insertOrganisation(db: Queryable, id: string, kind = 'water', name = id) {
	await db.query(`INSERT INTO organisation (id, city_code, name, short_name, kind) VALUES ($1, $2, $3, $4, $5)`, [id, CITY, name, name.slice(0, 30), kind]);
}

export interface WorkFixture {
	organisation_id: string;
	utility?: string;
	kind?: string;
	geom?: object;
	start_date?: string;
	end_date?: string;
	status?: string;
	width_m?: number;
	depth_m?: number | null;
	emergency?: boolean;
	title?: string;
	internal_note?: string | null;
	neighbourhood_id?: string | null;
}

export async function insertWork(db: Queryable, w: WorkFixture): Promise<number> {
	const { rows } = await db.query<{ id: number }>(
		`INSERT INTO work (city_code, organisation_id, utility, kind, geom, start_date, end_date, status, width_m, depth_m, emergency, title, internal_note, neighbourhood_id)
		 VALUES ($1, $2, $3, $4, ST_SetSRID(ST_GeomFromGeoJSON($5), 4326), $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
		[
			CITY,
			w.organisation_id,
			w.utility ?? 'water',
			w.kind ?? 'replacement',
			JSON.stringify(w.geom ?? lineAt(0, 0)),
			w.start_date ?? '2025-03-01',
			w.end_date ?? '2025-03-31',
			w.status ?? 'approved',
			w.width_m ?? 1,
			w.depth_m === undefined ? 1.5 : w.depth_m,
			w.emergency ?? false,
			w.title ?? null,
			w.internal_note ?? null,
			w.neighbourhood_id ?? null
		]
	);
	return rows[0].id;
}

export interface NeighbourhoodFixture {
	id: string;
	name?: string;
	boundary?: object;
	status?: string;
	rain_sewage_state?: string;
	batch_year?: number;
	renovation_start?: string | null;
	renovation_end?: string | null;
	district_code?: string;
}

export async function insertNeighbourhood(db: Queryable, n: NeighbourhoodFixture) {
	await db.query(
		`INSERT INTO neighbourhood (id, city_code, district_code, name, boundary, built_year, buildings, households, batch_year, status,
		                            renovation_start, renovation_end, rain_sewage_state, community_cadre_phone, internal_note, hotline)
		 VALUES ($1, $2, $3, $4, ST_SetSRID(ST_GeomFromGeoJSON($5), 4326), 1985, 6, 240, $6, $7, $8, $9, $10,
		         '0792-8000000', 'private note', '0792-12345')`,
		[
			n.id,
			CITY,
			n.district_code ?? '360403',
			n.name ?? n.id,
			JSON.stringify(n.boundary ?? multi(squareAt(0, 0, 200))),
			n.batch_year ?? 2025,
			n.status ?? 'approved',
			n.renovation_start === undefined ? '2025-03-01' : n.renovation_start,
			n.renovation_end === undefined ? '2025-09-30' : n.renovation_end,
			n.rain_sewage_state ?? 'combined'
		]
	);
}

export async function insertUser(
	db: Queryable,
	u: { email: string; password: string; role: 'planner' | 'utility'; organisation_id?: string | null; disabled?: boolean }
): Promise<number> {
	const { rows } = await db.query<{ id: number }>(
		`INSERT INTO app_user (city_code, email, password_hash, role, organisation_id, display_name, disabled)
		 VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
		[CITY, u.email, await hashPassword(u.password), u.role, u.organisation_id ?? null, u.email.split('@')[0], u.disabled ?? false]
	);
	return rows[0].id;
}

/**
 * A migrated test database laid out for the conflict engine's scenarios: one district and an
 * organisation of each kind the rules weigh (org-water, org-gas, org-drain, org-telecom, org-road).
 */
export async function openScenarioDb(): Promise<{ db: Db; close(): Promise<void> }> {
	const opened = await openTestDb('migrated');
	await insertDistrict(opened.db);
	for (const [id, kind] of [
		['org-water', 'water'],
		['org-gas', 'gas'],
		['org-drain', 'drainage'],
		['org-telecom', 'telecom'],
		['org-road', 'municipal']
	])
		await insertOrganisation(opened.db, id, kind);
	return opened;
}

/** The n-th corner of the test city, 3 km from the others, so that one scenario never meets another. */
export const scenarioCorner = (slot: number) => offset(ORIGIN, (slot % 10) * 3000 - 15000, Math.floor(slot / 10) * 3000 - 15000);

/** A 100 m east-west trench of org-water (unless the fixture says otherwise), northM north and eastM east of a corner. */
export const insertTrench = (db: Queryable, corner: [number, number], w: Partial<WorkFixture> & { northM?: number; eastM?: number }) =>
	insertWork(db, { organisation_id: 'org-water', geom: lineAt(w.eastM ?? 0, w.northM ?? 0, 100, corner), ...w });

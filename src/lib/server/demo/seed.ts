import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db, Queryable } from '../db';
import { hashPassword } from '../auth/password';
import { serverToday } from '../clock';
import { demoShiftYears, recordedShift, shiftDemoDates } from './shift';

export const JIUJIANG = '360400';

interface Feature {
	type: 'Feature';
	id?: number | string;
	geometry: unknown;
	properties: Record<string, unknown>;
}
interface DemoAccount {
	email: string;
	password: string;
	role: 'planner' | 'utility';
	organisation: string | null;
	display_name: string;
}

const readJson = <T>(dir: string, file: string): T => JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;
/** The features of a file, with a numeric feature `id` (works, streets) kept as the row's id. */
const features = (dir: string, file: string) =>
	readJson<{ features: Feature[] }>(dir, file).features.map((f) => (typeof f.id === 'number' ? { ...f, properties: { ...f.properties, id: f.id } } : f));

/**
 * Inserts features into `table`: properties become the listed columns through the table's own row
 * type (so the database parses dates, numbers and arrays), the geometry goes to `geomColumn`.
 */
async function insertFeatures(
	tx: Queryable,
	table: string,
	columns: string[],
	geomColumn: string,
	geomExpr: (g: string) => string,
	rows: Feature[],
	cityCode: string
) {
	const list = columns.join(', ');
	const values = columns.map((c) => (c === 'city_code' ? '$2' : `r.${c}`)).join(', ');
	await tx.query(
		`INSERT INTO ${table} (${list}, ${geomColumn})
		 SELECT ${values}, ${geomExpr(`ST_SetSRID(ST_GeomFromGeoJSON(f->>'geometry'), 4326)`)}
		   FROM json_array_elements($1::json) f,
		        json_populate_record(null::${table}, f->'properties') r`,
		[JSON.stringify(rows), cityCode]
	);
}

export async function hasData(db: Queryable): Promise<boolean> {
	const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM neighbourhood');
	return rows[0].n > 0;
}

/**
 * Loads the committed demo data set (data/demo, made by `npm run data:demo`) into an empty database,
 * in one transaction, its dates moved by the whole years that bring its reference day nearest to
 * `today` (the server's clock). Demo accounts, whose passwords are public, only when asked.
 */
export async function seedDemo(db: Db, dataDir: string, options: { accounts: boolean; today?: string }): Promise<Record<string, number>> {
	const shift = demoShiftYears(options.today ?? serverToday());
	const organisations = readJson<Record<string, unknown>[]>(dataDir, 'organisations.json');
	const accounts = options.accounts ? readJson<DemoAccount[]>(dataDir, 'accounts.json') : [];
	const hashed = await Promise.all(accounts.map(async (a) => ({ ...a, password_hash: await hashPassword(a.password) })));
	const multi = (g: string) => `ST_Multi(${g})`;
	const same = (g: string) => g;
	const works = features(dataDir, 'works.geojson').map((f) => ({
		...f,
		properties: { ...f.properties, organisation_id: f.properties.organisation }
	}));

	return db.transaction(async (tx) => {
		await insertFeatures(tx, 'district', ['code', 'city_code', 'name'], 'boundary', multi, features(dataDir, 'districts.geojson'), JIUJIANG);
		await insertFeatures(
			tx,
			'sub_district',
			['code', 'city_code', 'district_code', 'name'],
			'boundary',
			multi,
			features(dataDir, 'sub_districts.geojson'),
			JIUJIANG
		);
		await insertFeatures(tx, 'street', ['id', 'city_code', 'name', 'class'], 'geom', same, features(dataDir, 'streets.geojson'), JIUJIANG);
		await tx.query(
			`INSERT INTO organisation (id, city_code, name, short_name, kind, hotline)
			 SELECT r.id, $2, r.name, r.short_name, r.kind, r.hotline
			   FROM json_populate_recordset(null::organisation, $1::json) r`,
			[JSON.stringify(organisations), JIUJIANG]
		);
		await insertFeatures(
			tx,
			'neighbourhood',
			[
				'id',
				'city_code',
				'district_code',
				'sub_district_code',
				'name',
				'address',
				'built_year',
				'buildings',
				'households',
				'batch_year',
				'status',
				'renovation_items',
				'renovation_start',
				'renovation_end',
				'county_leader',
				'housing_leader',
				'community_cadre',
				'community_cadre_phone',
				'hotline',
				'management_mode',
				'fee_collection_rate',
				'rain_sewage_state',
				'internal_note'
			],
			'boundary',
			multi,
			features(dataDir, 'neighbourhoods.geojson'),
			JIUJIANG
		);
		await insertFeatures(
			tx,
			'historic_district',
			['id', 'city_code', 'name', 'protection_level', 'description'],
			'boundary',
			multi,
			features(dataDir, 'historic_districts.geojson'),
			JIUJIANG
		);
		await insertFeatures(
			tx,
			'work',
			[
				'id',
				'city_code',
				'organisation_id',
				'utility',
				'kind',
				'title',
				'description',
				'width_m',
				'depth_m',
				'start_date',
				'end_date',
				'status',
				'emergency',
				'neighbourhood_id',
				'internal_note'
			],
			'geom',
			same,
			works,
			JIUJIANG
		);
		for (const table of ['work', 'street']) {
			await tx.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
		}
		// emergency repairs not yet closed wait for a planner's review (城市道路管理条例 art. 35)
		await tx.query(`UPDATE work SET needs_review = true WHERE emergency AND status NOT IN ('restored', 'cancelled')`);
		await tx.query(
			`INSERT INTO rain_sewage_change (neighbourhood_id, state, since, work_id)
			 SELECT c->>'neighbourhood_id', c->>'state', (c->>'since')::date,
			        (SELECT min(w.id) FROM work w WHERE w.title = c->>'work_title')
			   FROM json_array_elements($1::json) c`,
			[readFileSync(join(dataDir, 'rain_sewage_changes.json'), 'utf8')]
		);
		if (hashed.length > 0) {
			await tx.query(
				`INSERT INTO app_user (city_code, email, password_hash, role, organisation_id, display_name)
				 SELECT $2, a->>'email', a->>'password_hash', a->>'role', a->>'organisation', a->>'display_name'
				   FROM json_array_elements($1::json) a`,
				[JSON.stringify(hashed), JIUJIANG]
			);
		}
		await tx.query(
			`INSERT INTO dataset_info (key, value) VALUES ('demo', 'true'), ('demo_source', 'data/demo (npm run data:demo)')
			 ON CONFLICT (key) DO UPDATE SET value = excluded.value`
		);
		await shiftDemoDates(tx, shift, shift);
		const { rows } = await tx.query<Record<string, number>>(
			`SELECT (SELECT count(*) FROM neighbourhood)::int AS neighbourhoods,
			        (SELECT count(*) FROM work)::int AS works,
			        (SELECT count(*) FROM street)::int AS streets,
			        (SELECT count(*) FROM historic_district)::int AS historic_districts,
			        (SELECT count(*) FROM organisation)::int AS organisations,
			        (SELECT count(*) FROM app_user)::int AS accounts`
		);
		return rows[0];
	});
}

/**
 * Keeps a demo database current as years pass: one created in one year and opened in a later one
 * has all its dates moved on by the whole years it is behind, so "the next 90 days" and "this
 * year's conflicts" still hold works. Databases that are not demo data are never touched.
 * Returns the years moved (0 when already aligned or not a demo).
 */
export async function realignDemo(db: Db, today = serverToday()): Promise<number> {
	return db.transaction(async (tx) => {
		const recorded = await recordedShift(tx);
		if (recorded === null) return 0;
		const wanted = demoShiftYears(today);
		if (wanted === recorded) return 0;
		await shiftDemoDates(tx, wanted - recorded, wanted);
		return wanted - recorded;
	});
}

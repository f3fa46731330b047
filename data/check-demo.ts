/**
 * Validates the demo data set in data/demo/ (npx tsx data/check-demo.ts, or npm run data:check).
 *
 * Checks geometry (valid, no kinks, RFC 7946 ring order, 6 decimals, inside the demo box, off the water),
 * every code and value against the lists and CHECK constraints of sql/migrations/0001 and 0002,
 * the neighbourhoods' tiling (no overlaps, inside their district and sub-district), the consistency of
 * statuses with dates (demo today 2026-12-01), counts, and the conflict scenarios: it recomputes every
 * conflict of DESIGN.md §3 with Turf and compares them with data/demo/scenarios.json — each expected
 * conflict must be present, and no other conflict may exist.
 *
 * It also regenerates the data into a scratch folder and compares bytes, which proves the generator
 * is deterministic and the committed files are up to date (skip with --no-regen).
 */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const DIR = join(HERE, 'demo');
const DEMO_TODAY = '2026-12-01';
const BOX = { west: 115.93, south: 29.64, east: 116.07, north: 29.76 };
// the city's extent (sql/migrations/0002): admin areas cover whole districts and reach beyond the demo box
const CITY = { west: 113.9, south: 28.65, east: 116.95, north: 30.1 };

let failures = 0;
let passes = 0;
const problems: string[] = [];
function check(ok: boolean, what: string) {
	if (ok) passes++;
	else {
		failures++;
		if (problems.length < 60) problems.push(what);
	}
	return ok;
}

type Props = Record<string, unknown>;
const load = <T = FeatureCollection<Geometry, Props>>(f: string): T => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as T;

const districts = load('districts.geojson');
const subs = load('sub_districts.geojson');
const streets = load<FeatureCollection<LineString, Props>>('streets.geojson');
const nbs = load<FeatureCollection<MultiPolygon, Props>>('neighbourhoods.geojson');
const hds = load<FeatureCollection<MultiPolygon, Props>>('historic_districts.geojson');
const works = load('works.geojson');
const water = load<FeatureCollection<MultiPolygon, Props>>('water.geojson');
const orgs = load<{ id: string; name: string; short_name: string; kind: string; hotline: string | null }[]>('organisations.json');
const accounts = load<{ email: string; password: string; role: string; organisation: string | null; display_name: string }[]>('accounts.json');
const changes = load<{ neighbourhood_id: string; state: string; since: string; work_title: string | null }[]>('rain_sewage_changes.json');
type Expect = { kind: string; a: string; b?: string };
const scenarios =
	load<{ key: string; rule: string; titles: string[]; expect: Expect[]; exempt?: Expect[]; point: [number, number]; street: string }[]>('scenarios.json');

// ------------------------------------------------------------------------------------------------
// lists from the migrations
// ------------------------------------------------------------------------------------------------
const ORG_KINDS = ['water', 'drainage', 'gas', 'power', 'telecom', 'municipal', 'urban_management', 'housing'];
const UTILITIES = ['water', 'rain', 'sewage', 'gas', 'power', 'telecom', 'lighting', 'road'];
const WORK_KINDS = [
	'new_pipe',
	'replacement',
	'rain_sewage_separation',
	'cable_undergrounding',
	'gas_to_homes',
	'fibre_to_homes',
	'road_reconstruction',
	'road_major_repair',
	'emergency_repair'
];
const WORK_STATUSES = ['draft', 'submitted', 'approved', 'in_progress', 'backfilled', 'restored', 'cancelled'];
const NB_STATUSES = ['planned', 'approved', 'under_construction', 'completed', 'accepted'];
const RS_STATES = ['combined', 'separating', 'separated'];
const ITEMS = [
	'pipes_underground',
	'rain_sewage_separation',
	'gas_to_homes',
	'fibre_to_homes',
	'roof_waterproofing',
	'elevator',
	'parking',
	'lighting',
	'greening',
	'facade',
	'illegal_structure_removal',
	'fire_safety',
	'septic_tank',
	'road_paving',
	'water_supply',
	'power_upgrade'
];
const ID_RE = /^[a-z0-9][a-z0-9_-]{1,62}$/;
const PHONE_RE = /^[0-9+() -]{3,30}$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
/** which utilities an organisation of each kind plausibly works on */
const ORG_UTILITIES: Record<string, string[]> = {
	water: ['water'],
	drainage: ['rain', 'sewage'],
	gas: ['gas'],
	power: ['power', 'lighting'],
	telecom: ['telecom'],
	municipal: ['road', 'lighting', 'rain'],
	urban_management: ['road', 'lighting'],
	housing: ['road']
};
const KIND_UTILITIES: Record<string, string[]> = {
	rain_sewage_separation: ['rain', 'sewage'],
	cable_undergrounding: ['power', 'telecom'],
	gas_to_homes: ['gas'],
	fibre_to_homes: ['telecom'],
	road_reconstruction: ['road'],
	road_major_repair: ['road']
};
const REAL_NAMES = [
	'建材厂宿舍',
	'西苑小区',
	'老管委会宿舍',
	'昌平小区',
	'矿冶小区',
	'港务局宿舍',
	'月亮湾生活区',
	'铁路宿舍',
	'利江市场小区',
	'267大队宿舍',
	'思源楼',
	'祥福楼',
	'桃园新村',
	'赣华宿舍',
	'粮食局宿舍',
	'利江花园',
	'一马路生活区',
	'海扬宿舍四区、五区',
	'农行宿舍',
	'二马路至三马路居民小区',
	'新华书店宿舍',
	'电视台宿舍',
	'图书馆宿舍',
	'天福花园片区',
	'孤溪埂片区',
	'九一六社区',
	'赣北商城',
	'湖滨小区',
	'铜矿小区'
];

const day = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86400000;
const TODAY = day(DEMO_TODAY);
const validDate = (s: unknown) => typeof s === 'string' && DATE_RE.test(s) && new Date(s + 'T00:00:00Z').toISOString().slice(0, 10) === s;
const countBy = <T>(arr: T[], key: (t: T) => string) => arr.reduce<Record<string, number>>((m, t) => ((m[key(t)] = (m[key(t)] ?? 0) + 1), m), {});

// ------------------------------------------------------------------------------------------------
// geometry helpers
// ------------------------------------------------------------------------------------------------
function positions(g: Geometry): Position[] {
	switch (g.type) {
		case 'Point':
			return [g.coordinates];
		case 'LineString':
		case 'MultiPoint':
			return g.coordinates;
		case 'Polygon':
		case 'MultiLineString':
			return g.coordinates.flat();
		case 'MultiPolygon':
			return g.coordinates.flat(2);
		default:
			return [];
	}
}
function rings(g: Geometry): Position[][] {
	if (g.type === 'Polygon') return g.coordinates;
	if (g.type === 'MultiPolygon') return g.coordinates.flat();
	return [];
}
function checkGeometry(label: string, f: Feature<Geometry, Props>, box: typeof BOX, types: string[]) {
	const g = f.geometry;
	if (!check(!!g && types.includes(g.type), `${label}: geometry type ${g?.type} not in ${types}`)) return;
	check(turf.booleanValid(f as Feature<any>), `${label}: invalid geometry`);
	if (g.type !== 'Point') check(turf.kinks(f as Feature<any>).features.length === 0, `${label}: self-intersection (kinks)`);
	const pts = positions(g);
	check(
		pts.every(([x, y]) => x >= box.west && x <= box.east && y >= box.south && y <= box.north),
		`${label}: outside ${JSON.stringify(box)}`
	);
	check(
		pts.every((p) => p.length === 2 && p.every((v) => Math.abs(v * 1e6 - Math.round(v * 1e6)) < 1e-6)),
		`${label}: coordinates not rounded to 6 decimals`
	);
	rings(g).forEach((r, i) => {
		check(r.length >= 4 && r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1], `${label}: ring ${i} not closed`);
	});
	if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
		const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
		for (const p of polys) check(!turf.booleanClockwise(p[0]), `${label}: exterior ring not counter-clockwise (RFC 7946 §3.1.6)`);
	}
	if (g.type === 'LineString') check(g.coordinates.length >= 2 && turf.length(f as Feature<LineString>) > 0, `${label}: degenerate line`);
}
const area = (g: Feature<Polygon | MultiPolygon> | Polygon | MultiPolygon) => turf.area(g as any);
function overlapArea(a: Feature<any>, b: Feature<any>): number {
	const i = turf.intersect(turf.featureCollection([a, b]));
	return i ? turf.area(i) : 0;
}
const bboxMeet = (a: number[], b: number[], pad = 0) => a[0] - pad <= b[2] && b[0] - pad <= a[2] && a[1] - pad <= b[3] && b[1] - pad <= a[3];
const lineOf = (f: Feature<Geometry>): Feature<LineString>[] => {
	const g = f.geometry;
	if (g.type === 'LineString') return [f as Feature<LineString>];
	return rings(g).map((r) => turf.lineString(r));
};
/** ground distance in metres between two features (0 when they meet) */
function distance(a: Feature<Geometry>, b: Feature<Geometry>): number {
	if (turf.booleanIntersects(a as any, b as any)) return 0;
	let best = Infinity;
	for (const [x, y] of [
		[a, b],
		[b, a]
	] as const) {
		const lines = lineOf(y);
		for (const p of positions(x.geometry)) for (const l of lines) best = Math.min(best, turf.pointToLineDistance(turf.point(p), l, { units: 'meters' }));
	}
	return best;
}

// ------------------------------------------------------------------------------------------------
// admin areas
// ------------------------------------------------------------------------------------------------
const DISTRICT_CODES = ['360402', '360403', '360404'];
check(districts.features.length === 3, `3 districts, got ${districts.features.length}`);
for (const f of districts.features) {
	const p = f.properties;
	check(DISTRICT_CODES.includes(String(p.code)) && /^[0-9]{6}$/.test(String(p.code)), `district code ${p.code}`);
	check(typeof p.name === 'string' && p.name.length >= 1 && p.name.length <= 100, `district name ${p.name}`);
	checkGeometry(`district ${p.name}`, f, CITY, ['MultiPolygon']);
}
check(
	JSON.stringify(districts.features.map((f) => `${f.properties.code}${f.properties.name}`).sort()) ===
		JSON.stringify(['360402濂溪区', '360403浔阳区', '360404柴桑区']),
	'district names and codes'
);
for (let i = 0; i < districts.features.length; i++)
	for (let j = i + 1; j < districts.features.length; j++)
		check(
			overlapArea(districts.features[i], districts.features[j]) < 1,
			`districts ${districts.features[i].properties.name} and ${districts.features[j].properties.name} overlap`
		);
const xunyang = districts.features.find((f) => f.properties.code === '360403')!;

check(subs.features.length === 8, `8 sub-districts, got ${subs.features.length}`);
const SUB_NAMES = ['甘棠街道', '湓浦街道', '人民路街道', '白水湖街道', '金鸡坡街道', '八里湖街道', '向阳街道', '滨兴街道'];
check(JSON.stringify(subs.features.map((f) => f.properties.name).sort()) === JSON.stringify([...SUB_NAMES].sort()), 'the 8 sub-districts of 浔阳区 by name');
let subAreaSum = 0;
for (const f of subs.features) {
	const p = f.properties;
	check(
		/^[0-9]{9}([0-9]{3})?$/.test(String(p.code)) && String(p.code).startsWith('360403') && p.district_code === '360403',
		`sub-district code ${p.code}/${p.district_code}`
	);
	checkGeometry(`sub-district ${p.name}`, f, CITY, ['MultiPolygon']);
	const a = area(f as Feature<MultiPolygon>);
	subAreaSum += a;
	check(Math.abs(overlapArea(f, xunyang) - a) < a * 1e-4, `sub-district ${p.name} not inside 浔阳区`);
}
check(Math.abs(subAreaSum - area(xunyang as Feature<MultiPolygon>)) < area(xunyang as Feature<MultiPolygon>) * 1e-3, 'sub-districts do not tile 浔阳区');
for (let i = 0; i < subs.features.length; i++)
	for (let j = i + 1; j < subs.features.length; j++)
		check(overlapArea(subs.features[i], subs.features[j]) < 1, `sub-districts ${subs.features[i].properties.name}/${subs.features[j].properties.name} overlap`);
const xyArea = area(xunyang as Feature<MultiPolygon>) / 1e6;
check(xyArea > 35 && xyArea < 65, `浔阳区 schematic area ${xyArea.toFixed(1)} km² (real: about 48–49 km²)`);

// ------------------------------------------------------------------------------------------------
// water, streets
// ------------------------------------------------------------------------------------------------
const lakes = water.features.filter((f) => f.properties.kind === 'lake');
const waterFeatures = water.features;
for (const f of water.features) checkGeometry(`water ${f.properties.name}`, f, CITY, ['MultiPolygon']);
const gantang = lakes.find((l) => l.properties.name === '甘棠湖')!;
check(!!gantang && Math.abs(area(gantang) / 1e6 - 0.8) < 0.15, `甘棠湖 about 0.8 km² (${gantang && (area(gantang) / 1e6).toFixed(2)})`);
const onWater = (f: Feature<Geometry>) => waterFeatures.some((w) => bboxMeet(turf.bbox(w), turf.bbox(f)) && turf.booleanIntersects(w as any, f as any));

check(streets.features.length >= 150 && streets.features.length <= 400, `150–400 streets, got ${streets.features.length}`);
for (const f of streets.features) {
	const p = f.properties;
	check(typeof p.name === 'string' && p.name.length >= 1 && p.name.length <= 100, `street name ${p.name}`);
	check(['trunk', 'primary', 'secondary', 'branch'].includes(String(p.class)), `street class ${p.class}`);
	checkGeometry(`street ${p.name}`, f, BOX, ['LineString']);
	check(!onWater(f), `street ${p.name} runs into water`);
}
const streetNames = new Set(streets.features.map((f) => f.properties.name));
for (const n of [
	'浔阳路',
	'庾亮南路',
	'庾亮北路',
	'长虹大道',
	'九龙街',
	'湓浦路',
	'西园路',
	'十里大道',
	'八里湖大道',
	'浔南大道',
	'前进东路',
	'塔岭南路',
	'甘棠北路',
	'甘棠南路',
	'大中路',
	'滨江路'
])
	check(streetNames.has(n), `street ${n} present`);
check(Object.keys(countBy(streets.features, (f) => String(f.properties.class))).length === 4, 'all street classes present');

// ------------------------------------------------------------------------------------------------
// historic districts
// ------------------------------------------------------------------------------------------------
check(hds.features.length === 3, '3 historic districts');
const hdByName = new Map(hds.features.map((f) => [String(f.properties.name), f]));
for (const f of hds.features) {
	const p = f.properties;
	check(ID_RE.test(String(p.id)) && String(p.id).startsWith('hd-') && f.id === p.id, `historic district id ${p.id}`);
	check(['national', 'provincial', 'municipal', 'county'].includes(String(p.protection_level)), `protection level ${p.protection_level}`);
	check(typeof p.description === 'string' && p.description.length <= 2000 && p.description.length > 0, `description of ${p.name}`);
	checkGeometry(`historic district ${p.name}`, f, BOX, ['MultiPolygon']);
	check(!onWater(f), `historic district ${p.name} in the water`);
}
{
	const yl = hdByName.get('庾亮南路历史文化街区');
	const dl = hdByName.get('动力机厂历史文化街区');
	const xs = hdByName.get('行署大院');
	check(!!yl && !!dl && !!xs, 'the three named historic districts');
	if (yl) {
		const [w, s, , n] = turf.bbox(yl);
		const ns = turf.distance([w, s], [w, n], { units: 'meters' });
		check(ns > 590 && ns < 680, `庾亮南路 district ~630 m north–south (${ns.toFixed(0)})`);
		check(turf.distance(turf.centroid(yl), [115.996, 29.716], { units: 'meters' }) < 700, '庾亮南路 district near 115.996, 29.716');
		check(
			streets.features.some((s) => s.properties.name === '庾亮南路' && turf.booleanIntersects(s, yl)),
			'庾亮南路 runs through its district'
		);
		check(turf.booleanPointInPolygon(turf.centroid(yl), xunyang as Feature<MultiPolygon>), '庾亮南路 district in 浔阳区');
		check(gantang && turf.centroid(yl).geometry.coordinates[0] > turf.centroid(gantang).geometry.coordinates[0], '庾亮南路 district east of 甘棠湖');
	}
	if (dl) {
		const ha = area(dl) / 1e4;
		check(ha > 8 && ha < 12, `动力机厂 district ~10 ha (${ha.toFixed(1)})`);
		check(
			turf.booleanPointInPolygon(turf.centroid(dl), districts.features.find((d) => d.properties.code === '360402') as Feature<MultiPolygon>),
			'动力机厂 district in 濂溪区'
		);
		check(turf.distance(turf.centroid(dl), [116.0, 29.68], { units: 'meters' }) < 2500, '动力机厂 district near 116.00, 29.68');
		check(
			streets.features.some((s) => s.properties.name === '十里大道' && turf.pointToLineDistance(turf.centroid(dl), s, { units: 'meters' }) < 300),
			'动力机厂 district on 十里大道'
		);
	}
	if (xs) check(turf.booleanPointInPolygon(turf.centroid(xs), xunyang as Feature<MultiPolygon>) && area(xs) < 200000, '行署大院 small, in 浔阳区');
}

// ------------------------------------------------------------------------------------------------
// neighbourhoods
// ------------------------------------------------------------------------------------------------
check(nbs.features.length >= 133, `≥ 133 neighbourhoods, got ${nbs.features.length}`);
const nbById = new Map<string, Feature<MultiPolygon, Props>>();
const subByCode = new Map(subs.features.map((f) => [String(f.properties.code), f]));
const districtByCode = new Map(districts.features.map((f) => [String(f.properties.code), f]));
for (const f of nbs.features) {
	const p = f.properties;
	const id = String(p.id);
	const L = `neighbourhood ${id} ${p.name}`;
	check(ID_RE.test(id) && /^nb-36040[234]-\d{3}$/.test(id) && f.id === id, `${L}: id`);
	check(!nbById.has(id), `${L}: duplicate id`);
	nbById.set(id, f);
	checkGeometry(L, f, BOX, ['MultiPolygon']);
	check(!onWater(f), `${L}: in the water`);
	const d = districtByCode.get(String(p.district_code));
	if (check(!!d, `${L}: district ${p.district_code}`)) check(Math.abs(overlapArea(f, d!) - area(f)) < 1, `${L}: not inside its district`);
	if (p.district_code === '360403') {
		const s = subByCode.get(String(p.sub_district_code));
		if (check(!!s, `${L}: sub-district ${p.sub_district_code}`)) check(Math.abs(overlapArea(f, s!) - area(f)) < 1, `${L}: not inside its sub-district`);
	} else check(p.sub_district_code === null, `${L}: sub_district_code must be null outside 浔阳区`);
	const [w, s, e, n] = turf.bbox(f);
	const we = turf.distance([w, s], [e, s], { units: 'meters' });
	const sn = turf.distance([w, s], [w, n], { units: 'meters' });
	check(we >= 90 && we <= 430 && sn >= 90 && sn <= 430, `${L}: ${we.toFixed(0)} × ${sn.toFixed(0)} m, not 100–400 m across`);
	check(typeof p.name === 'string' && p.name.length >= 1 && p.name.length <= 100, `${L}: name`);
	check(typeof p.address === 'string' && p.address.length <= 200 && p.address.length > 0, `${L}: address`);
	check(Number.isInteger(p.built_year) && (p.built_year as number) >= 1960 && (p.built_year as number) <= 2000, `${L}: built_year ${p.built_year}`);
	check(Number.isInteger(p.buildings) && (p.buildings as number) >= 1 && (p.buildings as number) <= 60, `${L}: buildings ${p.buildings}`);
	const hh = p.households as number;
	check(Number.isInteger(hh) && hh <= 3000 && (hh >= 30 || (REAL_NAMES.includes(String(p.name)) && hh >= 1)), `${L}: households ${hh}`);
	check(Number.isInteger(p.batch_year) && (p.batch_year as number) >= 2019 && (p.batch_year as number) <= 2026, `${L}: batch_year`);
	const st = String(p.status);
	check(NB_STATUSES.includes(st), `${L}: status ${st}`);
	const items = p.renovation_items as string[];
	check(Array.isArray(items) && items.every((i) => ITEMS.includes(i)) && new Set(items).size === items.length, `${L}: renovation_items`);
	check(
		items.some((i) => ['pipes_underground', 'rain_sewage_separation', 'gas_to_homes', 'fibre_to_homes'].includes(i)),
		`${L}: none of the four core items`
	);
	check(validDate(p.renovation_start) && validDate(p.renovation_end) && String(p.renovation_start) <= String(p.renovation_end), `${L}: renovation window`);
	const rs = day(String(p.renovation_start));
	const re = day(String(p.renovation_end));
	const byStatus: Record<string, boolean> = {
		accepted: re < TODAY,
		completed: re < TODAY,
		under_construction: rs <= TODAY && TODAY <= re,
		approved: rs > TODAY,
		planned: rs > TODAY
	};
	check(byStatus[st], `${L}: status ${st} inconsistent with window ${p.renovation_start}..${p.renovation_end}`);
	check(Math.abs(new Date(String(p.renovation_start)).getUTCFullYear() - (p.batch_year as number)) <= 1, `${L}: window far from batch year`);
	for (const k of ['county_leader', 'housing_leader', 'community_cadre'])
		check(typeof p[k] === 'string' && (p[k] as string).length >= 2 && (p[k] as string).length <= 50, `${L}: ${k}`);
	check(PHONE_RE.test(String(p.community_cadre_phone)) && String(p.community_cadre_phone).startsWith('0792-8'), `${L}: community_cadre_phone`);
	check(PHONE_RE.test(String(p.hotline)), `${L}: hotline`);
	check(['property_company', 'community', 'owners_self_governance'].includes(String(p.management_mode)), `${L}: management_mode`);
	const fee = p.fee_collection_rate as number;
	check(typeof fee === 'number' && fee >= 0 && fee <= 100 && Math.abs(fee * 100 - Math.round(fee * 100)) < 1e-6, `${L}: fee_collection_rate`);
	const rss = items.includes('rain_sewage_separation');
	const state = String(p.rain_sewage_state);
	check(RS_STATES.includes(state), `${L}: rain_sewage_state`);
	if (rss) {
		const want = st === 'accepted' || st === 'completed' ? 'separated' : st === 'under_construction' ? 'separating' : 'combined';
		check(state === want, `${L}: rain_sewage_state ${state} but ${want} expected for ${st} with rain_sewage_separation`);
	} else check(state !== 'separating', `${L}: separating without the item`);
	check(p.internal_note === null || (typeof p.internal_note === 'string' && p.internal_note.length <= 2000), `${L}: internal_note`);
}
{
	const names = nbs.features.map((f) => String(f.properties.name));
	for (const n of REAL_NAMES) check(names.includes(n), `real neighbourhood ${n} present`);
	check(new Set(names).size === names.length, 'neighbourhood names unique');
	const tk = nbs.features.find((f) => f.properties.name === '铜矿小区');
	check(!!tk && (tk.properties.fee_collection_rate as number) >= 95, '铜矿小区 fee collection ≥ 95 %');
	const xh = nbs.features.find((f) => f.properties.name === '新华书店宿舍');
	check(
		!!xh &&
			xh.properties.households === 146 &&
			xh.properties.sub_district_code === subs.features.find((s) => s.properties.name === '人民路街道')!.properties.code,
		'新华书店宿舍: 146 households in 人民路街道'
	);
	const tf = nbs.features.find((f) => f.properties.name === '天福花园片区');
	check(!!tf && tf.properties.households === 868 && tf.properties.buildings === 30, '天福花园片区 868 households, 30 buildings');
	const st = countBy(nbs.features, (f) => String(f.properties.status));
	for (const s of NB_STATUSES) check((st[s] ?? 0) > 0, `neighbourhood status ${s} present`);
	for (const c of DISTRICT_CODES)
		check(
			nbs.features.some((f) => f.properties.district_code === c),
			`neighbourhoods in ${c}`
		);
	for (const s of subs.features)
		check(
			nbs.features.some((f) => f.properties.sub_district_code === s.properties.code),
			`neighbourhoods in ${s.properties.name}`
		);
	const combined = nbs.features.filter((f) => f.properties.rain_sewage_state === 'combined').length / nbs.features.length;
	check(combined > 0.12 && combined < 0.4, `about a quarter still combined (${(combined * 100).toFixed(0)} %)`);
	const yl = hdByName.get('庾亮南路历史文化街区');
	check(!!yl && nbs.features.some((f) => turf.booleanIntersects(f, yl)), 'some neighbourhoods overlap 庾亮南路历史文化街区');
	// no overlaps
	const boxes = nbs.features.map((f) => turf.bbox(f));
	let overlaps = 0;
	for (let i = 0; i < nbs.features.length; i++)
		for (let j = i + 1; j < nbs.features.length; j++)
			if (bboxMeet(boxes[i], boxes[j]) && (turf.booleanOverlap(nbs.features[i], nbs.features[j]) || overlapArea(nbs.features[i], nbs.features[j]) > 0.01)) {
				overlaps++;
				check(false, `neighbourhoods ${nbs.features[i].properties.id} and ${nbs.features[j].properties.id} overlap`);
			}
	check(overlaps === 0, 'neighbourhoods do not overlap');
}

// ------------------------------------------------------------------------------------------------
// organisations, accounts
// ------------------------------------------------------------------------------------------------
const orgById = new Map(orgs.map((o) => [o.id, o]));
check(orgs.length === 10 && orgById.size === 10, '10 organisations with unique ids');
for (const o of orgs) {
	check(ID_RE.test(o.id) && o.id.startsWith('jj-'), `organisation id ${o.id}`);
	check(o.name.length >= 1 && o.name.length <= 100 && o.short_name.length >= 1 && o.short_name.length <= 30, `organisation names ${o.id}`);
	check(ORG_KINDS.includes(o.kind), `organisation kind ${o.kind}`);
	check(o.hotline === null || PHONE_RE.test(o.hotline), `organisation hotline ${o.hotline}`);
}
for (const k of ORG_KINDS)
	check(
		orgs.some((o) => o.kind === k),
		`organisation kind ${k} present`
	);
check(orgs.filter((o) => o.kind === 'telecom').length === 3, 'three telecoms');
for (const id of ['jj-water', 'jj-gas', 'jj-power', 'jj-telecom', 'jj-mobile', 'jj-unicom', 'jj-drainage', 'jj-municipal', 'jj-urban-management', 'jj-housing'])
	check(orgById.has(id), `organisation ${id}`);
check(
	accounts.filter((a) => a.role === 'planner').length === 1 && accounts.some((a) => a.email === 'planner@demo.digonce.cn' && a.role === 'planner'),
	'one planner account'
);
for (const o of orgs.filter((o) => o.kind !== 'housing'))
	check(accounts.filter((a) => a.role === 'utility' && a.organisation === o.id).length === 1, `one utility account for ${o.id}`);
check(new Set(accounts.map((a) => a.email.toLowerCase())).size === accounts.length, 'account emails unique');
for (const a of accounts) {
	check(/^[^@\s]+@[^@\s]+$/.test(a.email) && a.email.endsWith('@demo.digonce.cn'), `account email ${a.email}`);
	check(
		['planner', 'utility'].includes(a.role) && (a.role !== 'utility' || !!a.organisation) && (a.organisation === null || orgById.has(a.organisation)),
		`account ${a.email} role/organisation`
	);
	check(a.display_name.length >= 1 && a.display_name.length <= 100 && a.password.length >= 8, `account ${a.email} fields`);
}

// ------------------------------------------------------------------------------------------------
// works
// ------------------------------------------------------------------------------------------------
type WorkF = Feature<LineString | Polygon, Props>;
const W = works.features as WorkF[];
check(W.length >= 600, `≥ 600 works, got ${W.length}`);
const streetBoxes = streets.features.map((s) => turf.bbox(s));
const hdFeatures = hds.features;
function nearStreet(p: Position, m: number): boolean {
	const pad = m / 90000;
	for (let i = 0; i < streets.features.length; i++) {
		const b = streetBoxes[i];
		if (p[0] < b[0] - pad || p[0] > b[2] + pad || p[1] < b[1] - pad || p[1] > b[3] + pad) continue;
		if (turf.pointToLineDistance(turf.point(p), streets.features[i], { units: 'meters' }) <= m) return true;
	}
	return false;
}
for (const [i, f] of W.entries()) {
	const p = f.properties;
	const L = `work ${f.id} ${p.title}`;
	check(f.id === i + 1, `${L}: feature id`);
	const org = orgById.get(String(p.organisation));
	check(!!org, `${L}: organisation ${p.organisation}`);
	check(UTILITIES.includes(String(p.utility)) && WORK_KINDS.includes(String(p.kind)) && WORK_STATUSES.includes(String(p.status)), `${L}: codes`);
	if (org) check(ORG_UTILITIES[org.kind].includes(String(p.utility)), `${L}: ${org.kind} organisation on utility ${p.utility}`);
	const ku = KIND_UTILITIES[String(p.kind)];
	if (ku) check(ku.includes(String(p.utility)), `${L}: kind ${p.kind} with utility ${p.utility}`);
	check(p.emergency === (p.kind === 'emergency_repair'), `${L}: emergency flag`);
	check(typeof p.title === 'string' && p.title.length > 0 && p.title.length <= 200, `${L}: title`);
	check(typeof p.description === 'string' && p.description.length <= 2000, `${L}: description`);
	check(p.internal_note === null || (typeof p.internal_note === 'string' && p.internal_note.length <= 2000), `${L}: internal_note`);
	const w = p.width_m as number;
	const d = p.depth_m as number;
	check(w >= 0.5 && w <= 6 && Math.abs(w * 100 - Math.round(w * 100)) < 1e-6, `${L}: width_m ${w}`);
	check(d >= 0.6 && d <= 5 && Math.abs(d * 100 - Math.round(d * 100)) < 1e-6, `${L}: depth_m ${d}`);
	if (p.utility === 'rain' || p.utility === 'sewage') check(d >= 1.5, `${L}: drainage should be deeper`);
	check(validDate(p.start_date) && validDate(p.end_date), `${L}: dates`);
	const s = day(String(p.start_date));
	const e = day(String(p.end_date));
	check(s <= e && e - s <= 1095, `${L}: window ${p.start_date}..${p.end_date}`);
	check(String(p.start_date) >= '2019-01-01' && String(p.start_date) <= '2027-12-31', `${L}: start outside 2019–2027`);
	const maxDays = p.kind === 'emergency_repair' ? 4 : p.kind === 'road_reconstruction' ? 366 : 180;
	check(e - s <= maxDays, `${L}: ${e - s} days is too long for ${p.kind}`);
	const st = String(p.status);
	if (e < TODAY) check(['restored', 'backfilled', 'cancelled'].includes(st), `${L}: past work with status ${st}`);
	else if (s <= TODAY) check(['in_progress', 'approved'].includes(st), `${L}: running work with status ${st}`);
	else check(['submitted', 'approved', 'draft', 'cancelled'].includes(st), `${L}: future work with status ${st}`);
	if (p.kind === 'emergency_repair') check(s <= TODAY, `${L}: emergency in the future`);
	check(p.neighbourhood_id === null || nbById.has(String(p.neighbourhood_id)), `${L}: neighbourhood_id ${p.neighbourhood_id}`);
	checkGeometry(L, f, BOX, ['LineString', 'Polygon']);
	check(!onWater(f), `${L}: in the water`);
	// along a street, or inside the neighbourhood or historic district it belongs to
	const pts = f.geometry.type === 'LineString' ? f.geometry.coordinates : [turf.centroid(f).geometry.coordinates];
	const along = pts.filter((q) => nearStreet(q, 10)).length / pts.length;
	const nb = p.neighbourhood_id ? nbById.get(String(p.neighbourhood_id)) : undefined;
	const inside = (nb && turf.booleanIntersects(f, nb)) || (f.geometry.type === 'Polygon' && hdFeatures.some((h) => turf.booleanWithin(f, h as any)));
	check(along >= 0.5 || !!inside, `${L}: not along a street (${(along * 100).toFixed(0)} % of vertices within 10 m)`);
}
{
	const kinds = countBy(W, (f) => String(f.properties.kind));
	const utils = countBy(W, (f) => String(f.properties.utility));
	const stats = countBy(W, (f) => String(f.properties.status));
	const byOrg = countBy(W, (f) => String(f.properties.organisation));
	for (const k of WORK_KINDS) check((kinds[k] ?? 0) > 0, `work kind ${k} present`);
	for (const u of UTILITIES) check((utils[u] ?? 0) > 0, `utility ${u} present`);
	for (const s of WORK_STATUSES) check((stats[s] ?? 0) > 0, `work status ${s} present`);
	for (const o of orgs) check((byOrg[o.id] ?? 0) > 0, `works by ${o.id}`);
	for (const y of [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027])
		check(
			W.some((f) => String(f.properties.start_date).startsWith(String(y))),
			`works starting in ${y}`
		);
	check(
		W.some((f) => f.geometry.type === 'Polygon'),
		'some area works'
	);
}

// ------------------------------------------------------------------------------------------------
// conflicts (DESIGN.md §3, default settings), recomputed independently of the generator
// ------------------------------------------------------------------------------------------------
const CO_LOCATION = 15;
const yearsLater = (d: number, y: number) => {
	const t = new Date(d * 86400000);
	return Date.UTC(t.getUTCFullYear() + y, t.getUTCMonth(), t.getUTCDate()) / 86400000;
};
const live = W.filter((f) => f.properties.status !== 'cancelled');
const win = (f: WorkF) => [day(String(f.properties.start_date)), day(String(f.properties.end_date))] as const;
const title = (f: WorkF) => String(f.properties.title);
interface Conflict {
	kind: string;
	a: string;
	b: string;
	metres?: number;
}
const found: Conflict[] = [];
const exempted: Conflict[] = [];
/** digging order, deepest first: drainage → water/gas → power/telecom/lighting → road */
const layer = (f: WorkF) => ({ rain: 1, sewage: 1, water: 2, gas: 2, power: 3, telecom: 3, lighting: 3, road: 4 })[String(f.properties.utility)] ?? 3;
{
	const boxes = live.map((f) => turf.bbox(f));
	const pad = (CO_LOCATION + 12) / 90000;
	for (let i = 0; i < live.length; i++) {
		for (let j = i + 1; j < live.length; j++) {
			if (!bboxMeet(boxes[i], boxes[j], pad)) continue;
			const a = live[i];
			const b = live[j];
			// distances between the works' footprints (trench = centreline ± width/2; an area is its own footprint)
			const reach = (f: WorkF) => (f.geometry.type === 'Polygon' ? 0 : (f.properties.width_m as number) / 2);
			const m = Math.max(0, distance(a, b) - reach(a) - reach(b));
			if (m > CO_LOCATION) continue;
			const [as, ae] = win(a);
			const [bs, be] = win(b);
			const gapDays = Math.max(as - be, bs - ae, 0); // 0 when the windows touch or overlap
			const overlap = gapDays === 0;
			const [first, second] = ae <= bs ? [a, b] : [b, a];
			const withinHorizon = !overlap && win(second)[0] <= yearsLater(win(first)[1], 3);
			// moratorium (城市道路管理条例 art. 33): a dig after a road work; emergencies are exempt (art. 35)
			let moratorium = false;
			for (const [road, other] of [
				[a, b],
				[b, a]
			] as const) {
				const years = road.properties.kind === 'road_reconstruction' ? 5 : road.properties.kind === 'road_major_repair' ? 3 : 0;
				if (!years || other.properties.kind === 'road_reconstruction' || other.properties.kind === 'road_major_repair') continue;
				const roadEnd = win(road)[1];
				const otherStart = win(other)[0];
				if (roadEnd < otherStart && otherStart < yearsLater(roadEnd, years)) {
					if (other.properties.emergency) exempted.push({ kind: 'moratorium', a: title(other), b: title(road), metres: m });
					else {
						moratorium = true;
						found.push({ kind: 'moratorium', a: title(other), b: title(road), metres: m });
					}
				}
			}
			const differentOrgs = a.properties.organisation !== b.properties.organisation;
			if (overlap && differentOrgs) found.push({ kind: 'time_overlap', a: title(a), b: title(b), metres: m });
			// a moratorium is the stronger finding for the same pair
			if (withinHorizon && !moratorium) found.push({ kind: 'repeat_excavation', a: title(first), b: title(second), metres: m });
			// deepest first: in a linked pair, the deeper work must not start after the shallower one
			const la = layer(a);
			const lb = layer(b);
			if (la !== lb && !moratorium && ((overlap && differentOrgs) || withinHorizon)) {
				const [deep, shallow] = la < lb ? [a, b] : [b, a];
				if (win(deep)[0] > win(shallow)[0]) found.push({ kind: 'sequence', a: title(shallow), b: title(deep), metres: m });
			}
		}
	}
	for (const f of live)
		for (const h of hdFeatures) if (turf.booleanIntersects(f, h)) found.push({ kind: 'historic_district', a: title(f), b: String(h.properties.name) });
	for (const f of live) {
		for (const nb of nbs.features) {
			const st = String(nb.properties.status);
			if (!['planned', 'approved', 'under_construction'].includes(st)) continue;
			if (!bboxMeet(turf.bbox(f), turf.bbox(nb)) || !turf.booleanIntersects(f, nb)) continue;
			const [s, e] = win(f);
			if (s < day(String(nb.properties.renovation_start)) || e > day(String(nb.properties.renovation_end)))
				found.push({ kind: 'renovation_window', a: title(f), b: String(nb.properties.id) });
		}
	}
}
const key = (c: { kind: string; a: string; b?: string }) => `${c.kind}|${[c.a, c.b ?? ''].sort().join('|')}`;
const foundKeys = new Map(found.map((c) => [key(c), c]));
const expected = scenarios.flatMap((s) => s.expect.map((e) => ({ ...e, scenario: s.key })));
const expectedKeys = new Set(expected.map(key));
for (const e of expected) {
	const f = foundKeys.get(key(e));
	check(!!f, `scenario ${e.scenario}: expected ${e.kind} between «${e.a}» and «${e.b}» not found`);
	if (f && f.metres !== undefined) check(f.metres <= CO_LOCATION, `scenario ${e.scenario}: ${f.metres.toFixed(1)} m apart`);
}
const unexpected = found.filter((c) => !expectedKeys.has(key(c)));
const exemptExpected = scenarios.flatMap((s) => (s.exempt ?? []).map((e) => ({ ...e, scenario: s.key })));
const exemptKeys = new Set(exempted.map(key));
for (const e of exemptExpected) check(exemptKeys.has(key(e)), `scenario ${e.scenario}: exempt ${e.kind} between «${e.a}» and «${e.b}» does not apply`);
for (const c of exempted)
	check(
		exemptExpected.some((e) => key(e) === key(c)),
		`unexpected exempt ${c.kind}: «${c.a}» / «${c.b}»`
	);
for (const c of unexpected) check(false, `unexpected conflict ${c.kind}: «${c.a}» / «${c.b}»${c.metres !== undefined ? ` (${c.metres.toFixed(1)} m)` : ''}`);
const titles = new Map<string, WorkF[]>();
for (const f of W) titles.set(title(f), [...(titles.get(title(f)) ?? []), f]);
for (const s of scenarios) {
	for (const t of s.titles) check(titles.get(t)?.length === 1, `scenario ${s.key}: title «${t}» must name exactly one work`);
	check(s.point[0] >= BOX.west && s.point[0] <= BOX.east && s.point[1] >= BOX.south && s.point[1] <= BOX.north, `scenario ${s.key}: point`);
}
// the demo: one approved gas work next month on a street in 浔阳区, with no other work anywhere near
{
	const demo = scenarios.find((s) => s.key.startsWith('demo-'));
	const g = demo && titles.get(demo.titles[0])?.[0];
	if (check(!!g, 'demo scenario present')) {
		const p = g!.properties;
		check(
			p.organisation === 'jj-gas' && p.utility === 'gas' && p.status === 'approved' && p.start_date === '2027-01-04' && p.end_date === '2027-02-05',
			'demo gas work: jj-gas, approved, 2027-01-04..2027-02-05'
		);
		check(
			turf.booleanWithin(g!, subs.features.find((s) => turf.booleanPointInPolygon(demo!.point, s as any)) as any),
			'demo gas work inside one 浔阳区 sub-district'
		);
		const near = W.filter((f) => f !== g && distance(f, g!) < 150);
		check(near.length === 0, `no other work within 150 m of the demo gas work (${near.map(title).join(', ')})`);
		check(
			streets.features.some((s) => s.properties.name === demo!.street && turf.pointToLineDistance(demo!.point, s, { units: 'meters' }) < 6),
			'demo point lies on its street'
		);
	}
}
const worksInConflict = new Set(found.flatMap((c) => [c.a, c.b]));
check(worksInConflict.size < W.length * 0.1, `most works conflict-free (${worksInConflict.size} titles involved)`);

// ------------------------------------------------------------------------------------------------
// rain–sewage changes
// ------------------------------------------------------------------------------------------------
{
	const allTitles = new Set(W.map(title));
	for (const t of new Set(changes.map((c) => c.work_title).filter((t): t is string => t !== null)))
		check(titles.get(t)?.length === 1, `rain_sewage_change work_title «${t}» must name exactly one work`);
	const last = new Map<string, { state: string; since: string }>();
	for (const c of changes) {
		check(
			nbById.has(c.neighbourhood_id) && RS_STATES.includes(c.state) && validDate(c.since) && (c.work_title === null || allTitles.has(c.work_title)),
			`rain_sewage_change ${JSON.stringify(c)}`
		);
		const prev = last.get(c.neighbourhood_id);
		check(!prev || prev.since <= c.since, `rain_sewage_changes of ${c.neighbourhood_id} out of order`);
		check(c.since <= DEMO_TODAY, `rain_sewage_change in the future: ${JSON.stringify(c)}`);
		last.set(c.neighbourhood_id, c);
	}
	for (const [id, c] of last) check(nbById.get(id)!.properties.rain_sewage_state === c.state, `rain_sewage_state of ${id} differs from its last change`);
	for (const f of nbs.features)
		if (f.properties.rain_sewage_state !== 'combined') check(last.has(String(f.properties.id)), `no rain_sewage_change for ${f.properties.id}`);
}

// ------------------------------------------------------------------------------------------------
// size, determinism
// ------------------------------------------------------------------------------------------------
{
	const total = readdirSync(DIR).reduce((s, f) => s + statSync(join(DIR, f)).size, 0);
	check(total < 3 * 1024 * 1024, `data/demo/ is ${(total / 1024).toFixed(0)} KiB (limit 3 MiB)`);
	if (!process.argv.includes('--no-regen')) {
		const tmp = mkdtempSync(join(tmpdir(), 'digonce-demo-'));
		try {
			const r = spawnSync(process.execPath, ['--import', 'tsx', join(HERE, 'generate-demo.ts')], {
				env: { ...process.env, DEMO_OUT_DIR: tmp },
				encoding: 'utf8'
			});
			if (check(r.status === 0, `regeneration failed: ${r.stderr}`)) {
				const files = readdirSync(DIR).sort();
				check(JSON.stringify(readdirSync(tmp).sort()) === JSON.stringify(files), 'regenerated file list differs');
				for (const f of files)
					check(readFileSync(join(DIR, f)).equals(readFileSync(join(tmp, f))), `data/demo/${f} differs from a fresh run: regenerate with npm run data:demo`);
			}
		} finally {
			rmSync(tmp, { recursive: true, force: true });
		}
	}
}

// ------------------------------------------------------------------------------------------------
console.log(
	`neighbourhoods ${nbs.features.length}:`,
	countBy(nbs.features, (f) => String(f.properties.district_code)),
	countBy(nbs.features, (f) => String(f.properties.status))
);
console.log(
	`works ${W.length}:`,
	countBy(W, (f) => String(f.properties.status))
);
console.log(
	`conflicts found ${found.length} (expected ${expected.length}):`,
	countBy(found, (c) => c.kind)
);
for (const p of problems) console.log('  FAIL', p);
if (failures > problems.length) console.log(`  … and ${failures - problems.length} more`);
console.log(`demo data: ${passes} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);

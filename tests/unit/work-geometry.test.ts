import { describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import gcoord from 'gcoord';
import { combine, declaredCrs, measure, parseUpload, parts, shapeProblems, toWgs84, type WorkGeometry } from '../../src/lib/geo/work-geometry';
import { propertyProblems } from '../../src/lib/domain/work-checks';
import { t } from '../../src/lib/i18n';

const GK = '+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
const JIUJIANG = { name: '九江市', extent: [113.9, 28.65, 116.95, 30.1] as [number, number, number, number] };
const ACROSS = [
	[116.00212, 29.72245],
	[116.00212, 29.72275]
];
const line = (coordinates: number[][]): WorkGeometry => ({ type: 'LineString', coordinates });

describe('uploaded and drawn shapes of a work', () => {
	it('reads a FeatureCollection, a Feature or a bare geometry, and says what is wrong with a file', () => {
		const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: line(ACROSS) }] };
		expect(parseUpload(JSON.stringify(fc)).shapes).toHaveLength(1);
		expect(parseUpload(JSON.stringify(fc.features[0])).shapes).toHaveLength(1);
		expect(parseUpload(JSON.stringify(line(ACROSS))).shapes).toHaveLength(1);
		expect(parseUpload('{"type":').problems[0].key).toBe('register.error.upload_not_json');
		expect(parseUpload('{"hello":1}').problems[0].key).toBe('register.error.upload_not_geojson');
		expect(parseUpload('{"type":"FeatureCollection","features":[]}').problems[0].key).toBe('work.error.features_empty');
		const many = { type: 'FeatureCollection', features: Array.from({ length: 201 }, () => ({ type: 'Feature', properties: {}, geometry: line(ACROSS) })) };
		expect(parseUpload(JSON.stringify(many)).problems[0]).toMatchObject({ key: 'work.error.too_many_features', params: { max: 200, count: 201 } });
	});

	it('says which file is not JSON and what to do, never the parser’s own words', () => {
		const { problems } = parseUpload('{"type":"FeatureCollection","features":[', '浔阳路.geojson');
		expect(problems).toHaveLength(1);
		const zh = t('zh', problems[0].key, problems[0].params);
		const en = t('en', problems[0].key, problems[0].params);
		expect(zh).toContain('浔阳路.geojson');
		expect(zh).toContain('重新导出为 GeoJSON');
		expect(en).toContain('浔阳路.geojson');
		for (const text of [zh, en]) expect(text).not.toMatch(/Unexpected|JSON input|position|\{/);
	});

	it('reads the CRS a file names in its own crs member, in every spelling GIS software writes', () => {
		const named = (name: string) => declaredCrs({ type: 'FeatureCollection', crs: { type: 'name', properties: { name } }, features: [] });
		expect(named('urn:ogc:def:crs:EPSG::4548')).toEqual({ crs: 'EPSG:4548' });
		expect(named('EPSG:4490')).toEqual({ crs: 'EPSG:4490' });
		expect(named('urn:ogc:def:crs:OGC:1.3:CRS84')).toEqual({ crs: 'EPSG:4326' });
		expect(named('http://www.opengis.net/def/crs/EPSG/0/4548')).toEqual({ crs: 'EPSG:4548' });
		expect(named('urn:ogc:def:crs:EPSG:6.6:4326')).toEqual({ crs: 'EPSG:4326' });
		expect(declaredCrs({ type: 'FeatureCollection', crs: { type: 'EPSG', properties: { code: 4490 } } })).toEqual({ crs: 'EPSG:4490' });
		expect(named('urn:ogc:def:crs:EPSG::4549')).toEqual({ unsupported: 'urn:ogc:def:crs:EPSG::4549' });
		expect(declaredCrs({ type: 'FeatureCollection', features: [] })).toBeNull();
		const fc = {
			type: 'FeatureCollection',
			crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4548' } },
			features: [
				{
					type: 'Feature',
					properties: {},
					geometry: line([
						[410000, 3290000],
						[410030, 3290000]
					])
				}
			]
		};
		expect(parseUpload(JSON.stringify(fc)).declared).toEqual({ crs: 'EPSG:4548' });
	});

	it('makes several lines one trench in several runs, and refuses a point or a trench mixed with an area', () => {
		const two = combine([
			line(ACROSS),
			line([
				[116.01, 29.72],
				[116.011, 29.72]
			])
		]);
		expect(two.geometry).toEqual({
			type: 'MultiLineString',
			coordinates: [
				ACROSS,
				[
					[116.01, 29.72],
					[116.011, 29.72]
				]
			]
		});
		expect(parts(two.geometry!)).toHaveLength(2);
		expect(combine([line(ACROSS)]).geometry).toEqual(line(ACROSS));
		expect(combine([]).geometry).toBeNull();
		expect(combine([{ type: 'Point', coordinates: [116, 29.7] }]).problems[0]).toMatchObject({
			key: 'work.error.geometry_type',
			params: { index: 1, type: 'Point' }
		});
		const area = {
			type: 'Polygon' as const,
			coordinates: [
				[
					[116, 29.7],
					[116.001, 29.7],
					[116.001, 29.701],
					[116, 29.7]
				]
			]
		};
		expect(combine([line(ACROSS), area]).problems[0]).toMatchObject({ key: 'register.error.mixed_shapes', params: { lines: 1, areas: 1 } });
	});

	it('previews EPSG:4548 and GCJ-02 coordinates in WGS84 within centimetres, and leaves the input untouched', () => {
		const gk = line(ACROSS.map((p) => proj4('EPSG:4326', GK, p)));
		const copy = structuredClone(gk);
		const back = toWgs84(gk, 'EPSG:4548') as { coordinates: number[][] };
		back.coordinates.forEach((p, i) => {
			expect(p[0]).toBeCloseTo(ACROSS[i][0], 7);
			expect(p[1]).toBeCloseTo(ACROSS[i][1], 7);
		});
		expect(gk).toEqual(copy);
		const gcj = line(ACROSS.map((p) => gcoord.transform(p as [number, number], gcoord.WGS84, gcoord.GCJ02) as number[]));
		const fromGcj = toWgs84(gcj, 'GCJ-02') as { coordinates: number[][] };
		expect(fromGcj.coordinates[0][0]).toBeCloseTo(ACROSS[0][0], 5);
		expect(toWgs84(line(ACROSS), 'EPSG:4490')).toEqual(line(ACROSS));
	});

	it('says what the server would: outside the city (naming the CRS), too short, too long, too large', () => {
		expect(measure(line(ACROSS)).length_m).toBeCloseTo(33.3, 0);
		expect(shapeProblems(line(ACROSS), JIUJIANG, 'EPSG:4326')).toEqual([]);
		const [outside] = shapeProblems(
			line([
				[116.39, 39.9],
				[116.391, 39.9]
			]),
			JIUJIANG,
			'EPSG:4548'
		);
		expect(t('zh', outside.key, outside.params)).toBe(
			'图形不在九江市范围内（113.90,28.65,116.95,30.10）。请确认坐标系选择正确（当前：EPSG:4548），并在城市范围内绘制。'
		);
		expect(
			shapeProblems(
				line([
					[116, 29.7],
					[116, 29.7]
				]),
				JIUJIANG,
				'EPSG:4326'
			)[0]
		).toMatchObject({ key: 'work.error.line_too_short', params: { length: '0.0' } });
		expect(
			shapeProblems(
				line([
					[115.95, 29.7],
					[116.07, 29.7]
				]),
				JIUJIANG,
				'EPSG:4326'
			)[0].key
		).toBe('work.error.line_too_long');
		const big = {
			type: 'Polygon' as const,
			coordinates: [
				[
					[116.02, 29.7],
					[116.026, 29.7],
					[116.026, 29.706],
					[116.02, 29.706],
					[116.02, 29.7]
				]
			]
		};
		expect(shapeProblems(big, JIUJIANG, 'EPSG:4326')[0].key).toBe('work.error.area_too_large');
	});
});

describe('the property rules the form and the server share', () => {
	const water = { role: 'utility' as const, organisation: { name: '九江市自来水有限公司', kind: 'water' as const } };
	const ok = { utility: 'water' as const, kind: 'replacement' as const, start_date: '2027-01-11', end_date: '2027-01-29' };
	it('finds nothing wrong with the demo trench, and every problem the server names, in its words', () => {
		expect(propertyProblems(ok, water, 'zh', '2026-06-01', 24)).toEqual([]);
		const say = (p: Parameters<typeof propertyProblems>[0], lang: 'zh' | 'en' = 'zh') =>
			propertyProblems(p, water, lang, '2026-06-01', 24).map((x) => t(lang, x.key, x.params));
		expect(say({ ...ok, end_date: '2027-01-01', start_date: '2027-02-01' })).toEqual(['完工日期 2027-01-01 早于开工日期 2027-02-01，请改正。']);
		expect(say({ ...ok, utility: 'gas' })[0]).toMatch(/九江市自来水有限公司（供水）不能登记“燃气”管线/);
		expect(say({ ...ok, kind: 'fibre_to_homes' })[0]).toMatch(/作业类型“光纤到户”只适用于以下管线：通信/);
		expect(say({ ...ok, start_date: '2026-05-01', end_date: '2026-05-10' })[0]).toMatch(/开工日期 2026-05-01 早于今天/);
		expect(say({ ...ok, end_date: '2028-12-31' })[0]).toMatch(/工期 721 天超过“管线更换”的上限 365 天/);
		expect(say({ ...ok, emergency: true })).toEqual([t('zh', 'work.error.emergency_kind')]);
		// an emergency repair may be registered a day after it started
		expect(say({ ...ok, kind: 'emergency_repair', emergency: true, start_date: '2026-05-31', end_date: '2026-06-02' })).toEqual([]);
	});
});

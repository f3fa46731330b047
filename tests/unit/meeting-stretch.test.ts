import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { meetingStretch, trenchLines, type TrenchLines } from '../../src/lib/domain/meeting-stretch';
import type { MetricGeometry, Xy } from '../../src/lib/domain/corridor';

// a plane where 1 m is 1e-5 of a degree both ways, so the expected stretches read off in metres
const toLonLat = ([x, y]: Xy): Position => [116 + x * 1e-5, 29.7 + y * 1e-5];
const trench = (...lines: Xy[][]): TrenchLines => ({ metric: lines, lonlat: lines.map((l) => l.map(toLonLat)) });
const line = (...coordinates: Xy[]): MetricGeometry => ({ type: 'LineString', coordinates });
/** a stretch's coordinates back in metres, to the centimetre */
const metres = (coords: Position[]) => coords.map(([lon, lat]) => [Math.round((lon - 116) * 1e7) / 100, Math.round((lat - 29.7) * 1e7) / 100]);

describe('where a trench meets another work', () => {
	it('is the stretch of the trench within reach of a trench alongside, past its end by the round cap', () => {
		const s = meetingStretch(
			trench([
				[0, 0],
				[100, 0]
			]),
			line([50, 6], [150, 6]),
			10,
			9
		);
		expect(s.type).toBe('LineString');
		// from x = 50 − √(10² − 6²) = 42 to the trench's end
		expect(metres(s.coordinates as Position[])).toEqual([
			[42, 0],
			[100, 0]
		]);
	});

	it('is the short stretch either side of a crossing', () => {
		const s = meetingStretch(
			trench([
				[0, 0],
				[100, 0]
			]),
			line([50, -50], [50, 50]),
			15.5,
			9
		);
		expect(metres(s.coordinates as Position[])).toEqual([
			[34.5, 0],
			[65.5, 0]
		]);
	});

	it('goes on through the trench’s bends as one line', () => {
		const s = meetingStretch(
			trench([
				[0, 0],
				[50, 0],
				[100, 20]
			]),
			line([0, 2], [50, 2], [100, 22]),
			5,
			9
		);
		expect(s.type).toBe('LineString');
		expect(metres(s.coordinates as Position[])).toEqual([
			[0, 0],
			[50, 0],
			[100, 20]
		]);
	});

	it('is in pieces where the trench comes within reach twice', () => {
		const other: MetricGeometry = {
			type: 'MultiLineString',
			coordinates: [
				[
					[10, -20],
					[10, 20]
				],
				[
					[90, -20],
					[90, 20]
				]
			]
		};
		const s = meetingStretch(
			trench([
				[0, 0],
				[100, 0]
			]),
			other,
			5,
			9
		);
		expect(s.type).toBe('MultiLineString');
		expect((s.coordinates as Position[][]).map(metres)).toEqual([
			[
				[5, 0],
				[15, 0]
			],
			[
				[85, 0],
				[95, 0]
			]
		]);
	});

	it('takes in the part inside an area work and its reach beyond the edge', () => {
		const square: MetricGeometry = {
			type: 'Polygon',
			coordinates: [
				[
					[40, -10],
					[60, -10],
					[60, 10],
					[40, 10],
					[40, -10]
				]
			]
		};
		const s = meetingStretch(
			trench([
				[0, 0],
				[100, 0]
			]),
			square,
			15,
			9
		);
		expect(metres(s.coordinates as Position[])).toEqual([
			[25, 0],
			[75, 0]
		]);
	});

	it('cuts each line of a trench in several lines', () => {
		const s = meetingStretch(
			trench(
				[
					[0, 0],
					[100, 0]
				],
				[
					[0, 50],
					[100, 50]
				]
			),
			line([50, -10], [50, 60]),
			1,
			9
		);
		expect((s.coordinates as Position[][]).map(metres)).toEqual([
			[
				[49, 0],
				[51, 0]
			],
			[
				[49, 50],
				[51, 50]
			]
		]);
	});

	it('is the trench’s point nearest the other work when nothing is within reach', () => {
		expect(
			metres([
				meetingStretch(
					trench([
						[0, 0],
						[100, 0]
					]),
					line([30, 5], [40, 20]),
					4.999,
					9
				).coordinates as Position
			])
		).toEqual([[30, 0]]);
		expect(
			metres([
				meetingStretch(
					trench([
						[0, 0],
						[100, 0]
					]),
					line([150, 5], [160, 5]),
					1,
					9
				).coordinates as Position
			])
		).toEqual([[100, 0]]);
	});

	it('rounds to a millionth of a degree by default and drops what rounds to nothing', () => {
		// 2 cm of the trench within reach: a line to a billionth of a degree, nothing to a millionth
		const other = line([50.3, -4.99999], [50.3, -20]);
		expect(
			meetingStretch(
				trench([
					[0, 0],
					[100, 0]
				]),
				other,
				5,
				9
			).type
		).toBe('LineString');
		expect(
			meetingStretch(
				trench([
					[0, 0],
					[100, 0]
				]),
				other,
				5
			)
		).toEqual({ type: 'Point', coordinates: [116.000503, 29.7] });
	});

	it('pairs lon/lat and metric lines only when their vertices match', () => {
		expect(
			trenchLines(
				{
					type: 'LineString',
					coordinates: [
						[116, 29.7],
						[116.001, 29.7]
					]
				},
				line([0, 0], [100, 0])
			)
		).not.toBeNull();
		expect(
			trenchLines(
				{
					type: 'LineString',
					coordinates: [
						[116, 29.7],
						[116.001, 29.7]
					]
				},
				line([0, 0], [50, 0], [100, 0])
			)
		).toBeNull();
		expect(
			trenchLines(
				{
					type: 'LineString',
					coordinates: [
						[116, 29.7],
						[116.001, 29.7]
					]
				},
				{ type: 'Polygon', coordinates: [] }
			)
		).toBeNull();
	});
});

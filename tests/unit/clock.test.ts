import { describe, expect, it } from 'vitest';
import { serverToday } from '../../src/lib/server/clock';
import { DEMO_REFERENCE_DAY, demoShiftYears } from '../../src/lib/server/demo/shift';
import { FIRST_YEAR, LAST_YEAR, MONTHS, monthIndex, setTimeSpan } from '../../src/lib/map/months';

describe('the server clock', () => {
	it('is China’s date when no day is pinned', () => {
		// 23:30 UTC is already the next morning in China
		expect(serverToday({}, new Date('2031-03-04T23:30:00Z'))).toBe('2031-03-05');
		expect(serverToday({ DIGONCE_TODAY: '' }, new Date('2031-03-04T10:00:00Z'))).toBe('2031-03-04');
	});

	it('is the day DIGONCE_TODAY names', () => {
		expect(serverToday({ DIGONCE_TODAY: '2029-06-15' }, new Date('2031-03-04T10:00:00Z'))).toBe('2029-06-15');
	});

	it('refuses a DIGONCE_TODAY that is not a calendar date', () => {
		for (const bad of ['2029-02-30', '2029-6-15', 'tomorrow', '20290615']) {
			expect(() => serverToday({ DIGONCE_TODAY: bad })).toThrow(/DIGONCE_TODAY/);
		}
	});
});

describe('the demo’s shift', () => {
	it('is none on the reference day and moves by whole years to the nearest one', () => {
		expect(demoShiftYears(DEMO_REFERENCE_DAY)).toBe(0);
		expect(demoShiftYears('2027-06-15')).toBe(1);
		expect(demoShiftYears('2029-06-15')).toBe(3);
		expect(demoShiftYears('2029-05-30')).toBe(2);
		expect(demoShiftYears('2029-12-31')).toBe(3);
		expect(demoShiftYears('2024-11-20')).toBe(-2);
	});
});

describe('the time bar’s span', () => {
	it('runs from 2019 to the year after the server’s today', () => {
		try {
			setTimeSpan('2029-06-15');
			expect([FIRST_YEAR, LAST_YEAR, MONTHS]).toEqual([2019, 2030, 144]);
			expect(monthIndex('2029-06')).toBe(10 * 12 + 5);
			expect(monthIndex('2031-01')).toBeNull();
		} finally {
			setTimeSpan('2026-12-01');
		}
		expect([FIRST_YEAR, LAST_YEAR, MONTHS]).toEqual([2019, 2027, 108]);
	});
});

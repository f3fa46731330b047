import { describe, expect, it } from 'vitest';
import { MONTHS, monthEnd, monthIndex, monthLabel, monthStart, stepWindow, yearRange } from '../../src/lib/map/months';

describe('the time control’s months (2019-01 … 2027-12)', () => {
	it('numbers the 108 months of the programme and refuses others', () => {
		expect(MONTHS).toBe(108);
		expect(monthIndex('2019-01')).toBe(0);
		expect(monthIndex('2027-12')).toBe(107);
		for (const bad of ['2018-12', '2028-01', '2025-13', '2025-00', '2025-1', 'x']) expect(monthIndex(bad)).toBeNull();
		for (let i = 0; i < MONTHS; i++) expect(monthIndex(monthLabel(i))).toBe(i);
	});

	it('gives the first and last day of a month, leap years included', () => {
		expect(monthStart(monthIndex('2025-02')!)).toBe('2025-02-01');
		expect(monthEnd(monthIndex('2025-02')!)).toBe('2025-02-28');
		expect(monthEnd(monthIndex('2024-02')!)).toBe('2024-02-29');
		expect(monthEnd(monthIndex('2025-12')!)).toBe('2025-12-31');
		expect(monthEnd(monthIndex('2026-04')!)).toBe('2026-04-30');
	});

	it('plays a window forward a month at a time, keeping its length, and wraps at the end', () => {
		expect(stepWindow(0, 11)).toEqual([1, 12]);
		expect(stepWindow(96, 107)).toEqual([0, 11]);
		expect(stepWindow(5, 5)).toEqual([6, 6]);
		expect(yearRange(2025)).toEqual([72, 83]);
	});
});

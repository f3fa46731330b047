import { describe, expect, it } from 'vitest';
import { dateRange, longDate, workPurpose, workSentence } from '../../src/lib/domain/plain-words';

describe('plain words for residents', () => {
	it('says what a work is for', () => {
		expect(workPurpose('zh', 'replacement', 'water')).toBe('供水管道更换');
		expect(workPurpose('zh', 'rain_sewage_separation', 'sewage')).toBe('雨污分流改造（污水管）');
		expect(workPurpose('en', 'cable_undergrounding', 'power')).toBe('Putting power cables underground');
	});

	it('writes dates the way people read them, with the year only when it is not this year', () => {
		expect(dateRange('zh', '2026-03-05', '2026-03-20', 2026)).toBe('3月5日—3月20日');
		expect(dateRange('zh', '2026-12-28', '2027-01-04', 2026)).toBe('2026年12月28日—2027年1月4日');
		expect(dateRange('zh', '2027-01-04', '2027-02-05', 2026)).toBe('2027年1月4日—2月5日');
		expect(dateRange('en', '2026-03-05', '2026-03-20', 2026)).toBe('5 Mar – 20 Mar');
	});

	it('puts it in one sentence', () => {
		expect(
			workSentence(
				'zh',
				{ kind: 'replacement', utility: 'water', start_date: '2026-03-05', end_date: '2026-03-20', organisation_name: '九江市自来水公司' },
				2026
			)
		).toBe('3月5日—3月20日 供水管道更换 · 九江市自来水公司');
	});

	it('names one day with its year, a timestamp by its day in China', () => {
		expect(longDate('zh', '2027-01-04')).toBe('2027年1月4日');
		expect(longDate('en', '2027-01-04')).toBe('4 Jan 2027');
		// 17:30 UTC on 3 January is already 4 January in Jiujiang
		expect(longDate('zh', '2027-01-03T17:30:00.000Z')).toBe('2027年1月4日');
	});
});

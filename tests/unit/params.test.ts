import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bboxParam, codeList, isoDate, orderedDates } from '../../src/lib/server/http/params';
import { parseSearchParams } from '../../src/lib/server/http/validate';
import { ApiError } from '../../src/lib/server/http/errors';
import { t } from '../../src/lib/i18n';
import { UTILITIES } from '../../src/lib/domain/codes';

const schema = orderedDates(
	z.object({ bbox: bboxParam.optional(), from: isoDate.optional(), to: isoDate.optional(), utility: codeList(UTILITIES).optional() })
);
const parse = (query: string, lang: 'zh' | 'en' = 'en') => parseSearchParams(new URL(`http://x/api/works?${query}`), schema, lang);
function messageOf(query: string, lang: 'zh' | 'en' = 'en'): string {
	try {
		parse(query, lang);
	} catch (err) {
		expect(err).toBeInstanceOf(ApiError);
		expect((err as ApiError).status).toBe(400);
		return t(lang, (err as ApiError).key, (err as ApiError).params);
	}
	throw new Error(`"${query}" was accepted`);
}

describe('query parameters', () => {
	it('parses good ones', () => {
		expect(parse('bbox=115.95,29.66,116.05,29.75&from=2025-01-01&to=2025-12-31&utility=water,gas&lang=zh')).toEqual({
			bbox: [115.95, 29.66, 116.05, 29.75],
			from: '2025-01-01',
			to: '2025-12-31',
			utility: ['water', 'gas']
		});
	});

	it.each([
		['bbox=1,2,3', /bbox must be four numbers/],
		['bbox=116,29,115,30', /bbox is out of range/],
		['bbox=a,b,c,d', /bbox must be four numbers/],
		['from=2025-02-30', /from must be a real date as YYYY-MM-DD.*got "2025-02-30"/],
		['to=yesterday', /to must be a real date/],
		['from=2025-05-01&to=2025-04-01', /start date 2025-05-01 is after the end date 2025-04-01/],
		['utility=steam', /"steam" is not a valid value for utility. Allowed: water, rain/],
		['colour=red', /Unknown parameter "colour"/]
	])('refuses %s with a message saying what to do', (query, message) => {
		expect(messageOf(query)).toMatch(message);
	});

	it('answers in Chinese when asked', () => {
		expect(messageOf('from=2025-13-01', 'zh')).toMatch(/from 应为 YYYY-MM-DD 格式的真实日期.*2025-13-01/);
	});
});

import { describe, expect, it } from 'vitest';
import { messages, pickLang, placeholders, t } from '../../src/lib/i18n';
import {
	NEIGHBOURHOOD_STATUSES,
	ORGANISATION_KINDS,
	RAIN_SEWAGE_STATES,
	UTILITIES,
	WORK_KINDS,
	WORK_STATUSES,
	RENOVATION_ITEMS
} from '../../src/lib/domain/codes';

describe('i18n messages', () => {
	it('has the same keys in Chinese and English, none empty', () => {
		expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.zh).sort());
		for (const lang of ['zh', 'en'] as const) {
			expect(Object.entries(messages[lang]).filter(([, v]) => !v.trim())).toEqual([]);
		}
	});

	it('uses the same placeholders in both languages', () => {
		for (const key of Object.keys(messages.zh) as (keyof typeof messages.zh)[]) {
			expect([key, placeholders(messages.en[key])]).toEqual([key, placeholders(messages.zh[key])]);
		}
	});

	it('labels every code of the domain', () => {
		const needed = [
			...ORGANISATION_KINDS.map((c) => `org_kind.${c}`),
			...UTILITIES.map((c) => `utility.${c}`),
			...WORK_KINDS.map((c) => `work_kind.${c}`),
			...WORK_STATUSES.map((c) => `work_status.${c}`),
			...NEIGHBOURHOOD_STATUSES.map((c) => `nb_status.${c}`),
			...RAIN_SEWAGE_STATES.map((c) => `rain_sewage.${c}`),
			...RENOVATION_ITEMS.map((c) => `item.${c}`)
		];
		expect(needed.filter((k) => !(k in messages.zh))).toEqual([]);
	});

	it('fills placeholders and leaves unknown ones visible', () => {
		expect(t('zh', 'error.date_order', { from: '2025-05-01', to: '2025-04-01' })).toBe('开始日期 2025-05-01 晚于结束日期 2025-04-01，请交换或改正。');
		expect(t('en', 'error.date_order', { from: 'a' })).toContain('{to}');
	});

	it('says "1 work" and "2 works" in English, with one form in Chinese', () => {
		expect(t('en', 'pub.nearby.count', { count: 1 })).toBe('1 work');
		expect(t('en', 'pub.nearby.count', { count: 2 })).toBe('2 works');
		expect(t('en', 'pub.nearby.count', { count: 0 })).toBe('0 works');
		expect(t('en', 'desk.conflicts', { count: 1 })).toBe('1 conflict');
		expect(t('en', 'map.conflicts.count', { count: 1 })).toBe('1 conflict in this view and period');
		expect(t('en', 'proposal.total', { count: 1, cost: '82,100' })).toBe('1 proposal, saving about ¥82,100 in all');
		expect(t('zh', 'pub.nearby.count', { count: 1 })).toBe('1 项施工');
		expect(t('en', 'pub.nearby.count')).toContain('{count, plural');
	});

	it('picks the language from the query, then the cookie, then Accept-Language, Chinese by default', () => {
		expect(pickLang('en', 'zh', 'zh-CN')).toBe('en');
		expect(pickLang(null, 'en', 'zh-CN')).toBe('en');
		expect(pickLang('fr', undefined, 'en-GB,en;q=0.9')).toBe('en');
		expect(pickLang(null, undefined, 'fr-FR')).toBe('zh');
		expect(pickLang(null, undefined, null)).toBe('zh');
	});
});

import { t, type Lang, type MessageKey } from '$lib/i18n';
import type { Utility, WorkKind } from './codes';

/** What a work is for, in words a resident uses: "供水管道更换", "Replacing the water pipe". */
export function workPurpose(lang: Lang, kind: WorkKind, utility: Utility): string {
	return t(lang, `purpose.${kind}` as MessageKey, { utility: t(lang, `plain_utility.${utility}` as MessageKey) });
}

const locale = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en-GB');

/** "3月5日—3月20日", with the year when it is not this year's (dates are YYYY-MM-DD, China time). */
export function dateRange(lang: Lang, start: string, end: string, thisYear = new Date().getUTCFullYear()): string {
	const fmt = (date: string, withYear: boolean) =>
		new Intl.DateTimeFormat(locale(lang), {
			timeZone: 'UTC',
			month: lang === 'zh' ? 'long' : 'short',
			day: 'numeric',
			...(withYear ? { year: 'numeric' } : {})
		}).format(new Date(`${date}T00:00:00Z`));
	const withYear = start.slice(0, 4) !== String(thisYear) || end.slice(0, 4) !== String(thisYear);
	return t(lang, 'date.range', { start: fmt(start, withYear), end: fmt(end, withYear && end.slice(0, 4) !== start.slice(0, 4)) });
}

/** "3月5日—3月20日 供水管道更换 · 九江市自来水公司" */
export function workSentence(
	lang: Lang,
	w: { kind: WorkKind; utility: Utility; start_date: string; end_date: string; organisation_name: string },
	thisYear?: number
): string {
	return t(lang, 'work.sentence', {
		dates: dateRange(lang, w.start_date, w.end_date, thisYear),
		purpose: workPurpose(lang, w.kind, w.utility),
		organisation: w.organisation_name
	});
}

/** "2027年1月4日", "4 Jan 2027": one day, with its year. Takes YYYY-MM-DD or a full timestamp (shown in China time). */
export function longDate(lang: Lang, date: string): string {
	const at = date.length === 10 ? new Date(`${date}T00:00:00Z`) : new Date(new Date(date).getTime() + 8 * 3_600_000);
	return new Intl.DateTimeFormat(locale(lang), { timeZone: 'UTC', year: 'numeric', month: lang === 'zh' ? 'long' : 'short', day: 'numeric' }).format(at);
}

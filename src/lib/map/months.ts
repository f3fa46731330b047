/** The time control counts months from January 2019 to December 2027 (the programme's span). */
export const FIRST_YEAR = 2019;
export const LAST_YEAR = 2027;
export const MONTHS = (LAST_YEAR - FIRST_YEAR + 1) * 12;

/** `2025-03` → its index (2019-01 is 0); out-of-range or malformed → null. */
export function monthIndex(month: string): number | null {
	const m = /^(\d{4})-(\d{2})$/.exec(month);
	if (!m) return null;
	const year = Number(m[1]);
	const mon = Number(m[2]);
	if (mon < 1 || mon > 12) return null;
	const index = (year - FIRST_YEAR) * 12 + mon - 1;
	return index >= 0 && index < MONTHS ? index : null;
}

export function monthLabel(index: number): string {
	const year = FIRST_YEAR + Math.floor(index / 12);
	return `${year}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The first day of the month, YYYY-MM-DD. */
export const monthStart = (index: number) => `${monthLabel(index)}-01`;

/** The last day of the month, YYYY-MM-DD. */
export function monthEnd(index: number): string {
	const year = FIRST_YEAR + Math.floor(index / 12);
	const month = index % 12; // 0-based; day 0 of the next month is this month's last day
	const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
	return `${monthLabel(index)}-${String(last).padStart(2, '0')}`;
}

export const clampMonth = (index: number) => Math.min(Math.max(Math.round(index), 0), MONTHS - 1);

/** The months of a calendar year, clamped to the span. */
export const yearRange = (year: number): [number, number] => [clampMonth((year - FIRST_YEAR) * 12), clampMonth((year - FIRST_YEAR) * 12 + 11)];

/**
 * One step of the play button: the window moves on by a month, keeping its length; past the end it
 * starts again at the beginning.
 */
export function stepWindow(from: number, to: number): [number, number] {
	const length = to - from;
	if (to + 1 >= MONTHS) return [0, length];
	return [from + 1, to + 1];
}

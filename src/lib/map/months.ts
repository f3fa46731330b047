/**
 * The time control counts months from January 2019, when the renovation programme began, to
 * December of the year after the server's today, so that it reaches this year and the next however
 * many years pass. The page sets the span from the server's today (`setTimeSpan`) before anything
 * counts months; until then it is 2019–2027, the span of the demo's own day.
 */
export const PROGRAMME_START_YEAR = 2019;
export let FIRST_YEAR = PROGRAMME_START_YEAR;
export let LAST_YEAR = 2027;
export let MONTHS = (LAST_YEAR - FIRST_YEAR + 1) * 12;

/** The span for a server's today (YYYY-MM-DD): 2019 to the year after today's. */
export function setTimeSpan(today: string): void {
	const year = Number(today.slice(0, 4));
	if (!Number.isInteger(year)) return;
	FIRST_YEAR = Math.min(PROGRAMME_START_YEAR, year);
	LAST_YEAR = Math.max(year + 1, FIRST_YEAR);
	MONTHS = (LAST_YEAR - FIRST_YEAR + 1) * 12;
}

/** `2025-03` → its index (January of FIRST_YEAR is 0); out-of-range or malformed → null. */
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

import { addDays } from '../../src/lib/domain/work-rules';
import { demoShiftYears } from '../../src/lib/server/demo/shift';

/**
 * The day the whole suite runs on, so that no test expires as the calendar moves: vite.config.ts
 * pins `DIGONCE_TODAY` for every test process (the demo's reference day unless the caller names
 * another) and tests/support/app.ts passes it to the servers it starts. Dates in tests are written
 * relative to it, and dates read from the demo data go through `demoDate`.
 */
export function testToday(): string {
	const today = process.env.DIGONCE_TODAY;
	if (!today) throw new Error('DIGONCE_TODAY is not set: run the tests through vitest (vite.config.ts pins it)');
	return today;
}

/** A day relative to the suite's today. */
export const day = (offset: number): string => addDays(testToday(), offset);

/** A date written in data/demo, where the seeded demo database holds it (moved by whole years). */
export function demoDate(date: string, today = testToday()): string {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCFullYear(d.getUTCFullYear() + demoShiftYears(today));
	return d.toISOString().slice(0, 10);
}

/**
 * The day the whole suite runs on, so that no test expires as the calendar moves: vite.config.ts
 * pins `DIGONCE_TODAY` for every test process (the demo's reference day unless the caller names
 * another) and tests/support/app.ts passes it to the servers it starts. Dates in tests are written
 * relative to it; the demo database is moved to it (src/lib/server/demo/shift.ts).
 */
export function testToday(): string {
	const today = process.env.DIGONCE_TODAY;
	if (!today) throw new Error('DIGONCE_TODAY is not set: run the tests through vitest (vite.config.ts pins it)');
	return today;
}

import { chinaToday } from '../domain/work-rules';

/**
 * The server's one clock: "today" in China, or the day `DIGONCE_TODAY=YYYY-MM-DD` names, so that
 * tests, demos and reproductions of a report run on a day of their choosing. Everything the server
 * decides by date (which starts are in the past, what is "the next 90 days", which year the planners'
 * time bar opens on, how far the demo data is shifted) asks this function, never the system clock.
 */
export function serverToday(env: Record<string, string | undefined> = process.env, now = new Date()): string {
	const pinned = env.DIGONCE_TODAY?.trim();
	if (!pinned) return chinaToday(now);
	if (!isCalendarDate(pinned)) {
		throw new Error(`DIGONCE_TODAY must be a calendar date YYYY-MM-DD, not "${env.DIGONCE_TODAY}"`);
	}
	return pinned;
}

function isCalendarDate(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

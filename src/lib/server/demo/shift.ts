import type { Queryable } from '../db';

/** The day the committed demo data was written for (data/README.md): its statuses are right on it. */
export const DEMO_REFERENCE_DAY = '2026-12-01';

const addYears = (date: string, years: number) => {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCFullYear(d.getUTCFullYear() + years);
	return d.getTime();
};

/**
 * The whole number of years that moves the demo's reference day nearest to `today`. Whole years
 * keep weekdays roughly, seasons and every interval between the demo's dates, so its works stay
 * "planned", "in progress" and "done" as written, and its conflicts stay the same conflicts.
 */
export function demoShiftYears(today: string): number {
	const target = Date.parse(`${today}T00:00:00Z`);
	const rough = Math.round((target - Date.parse(`${DEMO_REFERENCE_DAY}T00:00:00Z`)) / (365.2425 * 86_400_000));
	let best = rough;
	for (const k of [rough - 1, rough + 1]) {
		if (Math.abs(addYears(DEMO_REFERENCE_DAY, k) - target) < Math.abs(addYears(DEMO_REFERENCE_DAY, best) - target)) best = k;
	}
	return best;
}

/** The years a demo database's dates have been moved by (0 for one seeded before shifts existed). */
export async function recordedShift(db: Queryable): Promise<number | null> {
	const { rows } = await db.query<{ key: string; value: string }>(`SELECT key, value FROM dataset_info WHERE key IN ('demo', 'demo_shift_years')`);
	const info = Object.fromEntries(rows.map((r) => [r.key, r.value]));
	if (info.demo !== 'true') return null;
	return Number(info.demo_shift_years ?? 0);
}

/**
 * Moves every calendar date of the demo data by `years` and records the demo's total shift in
 * `dataset_info` (`demo_shift_years`, and `demo_today`: where the reference day now falls). Times of
 * things that really happened on this server (sessions, events, submissions) are not moved.
 * Batch years move with the renovation dates but stay inside the column's CHECK (2019–2035).
 */
export async function shiftDemoDates(tx: Queryable, years: number, total: number): Promise<void> {
	if (years !== 0) {
		const by = `make_interval(years => ${Math.trunc(years)})`;
		await tx.query(`UPDATE work SET start_date = (start_date + ${by})::date, end_date = (end_date + ${by})::date`);
		await tx.query(
			`UPDATE neighbourhood
			    SET renovation_start = (renovation_start + ${by})::date,
			        renovation_end = (renovation_end + ${by})::date,
			        batch_year = least(greatest(batch_year + ${Math.trunc(years)}, 2019), 2035)`
		);
		await tx.query(`UPDATE rain_sewage_change SET since = (since + ${by})::date`);
	}
	const demoToday = new Date(addYears(DEMO_REFERENCE_DAY, total)).toISOString().slice(0, 10);
	await tx.query(
		`INSERT INTO dataset_info (key, value) VALUES ('demo_shift_years', $1), ('demo_today', $2)
		 ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
		[String(total), demoToday]
	);
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, startApp, type RunningApp } from '../support/app';
import { addDays } from '../../src/lib/domain/work-rules';

/**
 * The app as it will be used years from now: the built server started on two days two years apart,
 * each on its own copy of the demo database, walks the paths a utility, a resident and a planner
 * take on the first morning. Nothing here names a year: every date follows the server's clock.
 */
type Json = Record<string, any>;

describe.each(['2027-06-15', '2029-06-15'])('on %s', (today) => {
	const year = Number(today.slice(0, 4));
	let app: RunningApp;
	let water: ReturnType<typeof client>;
	let planner: ReturnType<typeof client>;
	const anon = () => client(app.url);

	async function signIn(email: string) {
		const c = client(app.url);
		const res = await c('/api/session', { method: 'POST', body: JSON.stringify({ email, password: 'demo-password' }) });
		expect(res.status).toBe(200);
		return c;
	}
	const register = (start: string, end: string) =>
		water('/api/works', {
			method: 'POST',
			body: JSON.stringify({
				type: 'Feature',
				geometry: {
					type: 'LineString',
					coordinates: [
						[116.03, 29.7],
						[116.031, 29.7]
					]
				},
				properties: {
					organisation: 'jj-water',
					utility: 'water',
					kind: 'replacement',
					start_date: start,
					end_date: end,
					width_m: 0.8,
					depth_m: 1.2,
					title: '供水管更换'
				}
			})
		});

	beforeAll(async () => {
		app = await startApp('demo', { DIGONCE_TODAY: today });
		water = await signIn('water@demo.digonce.cn');
		planner = await signIn('planner@demo.digonce.cn');
	});
	afterAll(() => app?.stop());

	it('lets a utility register a work starting in ten days, and refuses one that started yesterday', async () => {
		const ok = await register(addDays(today, 10), addDays(today, 30));
		expect(ok.status).toBe(201);
		const late = await register(addDays(today, -1), addDays(today, 30));
		expect(late.status).toBe(400);
		const { error } = await late.json();
		expect(error.code).toBe('invalid_work');
		expect(error.message).toContain(today);
	});

	it('shows a resident the works at a demo neighbourhood’s door in the next 90 days, on the API and on its page', async () => {
		const soon = await (await anon()(`/api/works?from=${today}&to=${addDays(today, 90)}`)).json();
		const at = soon.features.map((f: Json) => f.properties.neighbourhood_id).find((id: string | null) => id);
		expect(at).toBeTruthy();

		const { works } = await (await anon()(`/api/nearby?neighbourhood=${at}&days=90`)).json();
		expect(works.length).toBeGreaterThan(0);
		for (const w of works) {
			expect(w.end_date >= today && w.start_date <= addDays(today, 90)).toBe(true);
		}
		const page = await (await anon()(`/n/${at}`)).text();
		expect(page).toContain('data-testid="nearby-works"');
		expect(page).toContain(works[0].sentence);
	});

	it('renders the residents’ map on the server’s today', async () => {
		const res = await anon()('/m');
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain(`today:"${today}"`);
		expect(html).toContain(`worksUntil:"${addDays(today, 365)}"`);
	});

	it('shows a planner this year’s conflicts and the repeat-excavation map of the last five years', async () => {
		const conflicts = await (await planner(`/api/conflicts?from=${year}-01-01&to=${year}-12-31`)).json();
		expect(conflicts.features.length).toBeGreaterThan(0);
		const history = await (await anon()('/api/streets/history')).json();
		expect(history.features.length).toBeGreaterThan(0);
	});

	it('opens the planners’ time bar on this year, with the next one still ahead', async () => {
		const html = await (await planner('/')).text();
		expect(html).toContain(`data-testid="time-year-${year}"`);
		expect(html).toContain(`data-testid="time-year-${year + 1}"`);
		expect(html).not.toContain(`data-testid="time-year-${year + 2}"`);
		expect(html).toMatch(new RegExp(`data-testid="time-range"[^>]*>[^<]*${year}-01[^<]*${year}-12`));
	});
});

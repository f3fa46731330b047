import { env } from '$env/dynamic/private';
import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { databaseHealth, districtOverview } from '$lib/server/overview/queries';
import { listOrganisations } from '$lib/server/organisations/queries';
import { cityView, districtExtents } from '$lib/server/basemap/queries';
import { basemapConfig } from '$lib/server/basemap/config';
import { defaultCityCode } from '$lib/server/city';
import { viewerOf } from '$lib/server/works/queries';
import { ruleSettings } from '$lib/server/conflicts/engine';
import { serverToday } from '$lib/server/clock';

/** a phone's browser, WeChat's own included: the planners' panels do not fit on it */
const PHONE = /Mobi|iPhone|iPod|MicroMessenger/i;

/** The planners' map: what the page needs before the map's own data arrives per view. */
export const load: PageServerLoad = async ({ locals, url, request, setHeaders }) => {
	// A resident who opens the bare address on a phone gets the residents' map. A link with a view
	// in it (a colleague's map), or anyone signed in, gets the planners' map whatever the screen.
	setHeaders({ vary: 'User-Agent, Cookie' });
	if (!locals.user && !url.search && PHONE.test(request.headers.get('user-agent') ?? '')) redirect(303, '/m');
	const city = defaultCityCode();
	return {
		health: await databaseHealth(locals.db),
		districts: await districtOverview(locals.db, city, viewerOf(locals.user)),
		districtExtents: await districtExtents(locals.db, city),
		organisations: await listOrganisations(locals.db, city),
		city: await cityView(locals.db, city),
		basemap: basemapConfig(env),
		/** how long after starting an emergency repair may be registered (the registration form says so) */
		emergencyHours: (await ruleSettings(locals.db, city)).emergency_registration_hours,
		/** the month the time control opens on: this year, within the programme's span */
		today: serverToday()
	};
};

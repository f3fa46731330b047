import type { PageServerLoad } from './$types';
import { databaseHealth, districtOverview } from '$lib/server/overview/queries';
import { listOrganisations } from '$lib/server/organisations/queries';
import { defaultCityCode } from '$lib/server/city';

export const load: PageServerLoad = async ({ locals }) => ({
	health: await databaseHealth(locals.db),
	districts: await districtOverview(locals.db, defaultCityCode()),
	organisations: (await listOrganisations(locals.db, defaultCityCode())).length
});

import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/http/endpoint';
import { listOrganisations } from '$lib/server/organisations/queries';
import { defaultCityCode } from '$lib/server/city';

export const GET = endpoint(async ({ locals }) => json(await listOrganisations(locals.db, defaultCityCode())));

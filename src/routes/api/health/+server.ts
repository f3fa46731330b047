import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/http/endpoint';
import { databaseHealth } from '$lib/server/overview/queries';

export const GET = endpoint(async ({ locals }) => json(await databaseHealth(locals.db)));

import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { endpoint } from '$lib/server/http/endpoint';
import { parseBody, readJson } from '$lib/server/http/validate';
import { submissionReceipts } from '$lib/server/submissions/submissions';
import { defaultCityCode } from '$lib/server/city';

const body = z.object({ receipts: z.array(z.string().max(64)).max(50) });

/**
 * What became of a device's own submissions, by the receipts it was given. A POST, so receipts
 * stay out of URLs, logs and caches.
 */
export const POST = endpoint(async ({ request, locals }) => {
	const { receipts } = parseBody(await readJson(request, 10_000), body, locals.lang);
	return json({ submissions: await submissionReceipts(locals.db, defaultCityCode(), receipts) });
});

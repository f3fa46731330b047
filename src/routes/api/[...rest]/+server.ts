import { endpoint } from '$lib/server/http/endpoint';
import { ApiError } from '$lib/server/http/errors';

export const fallback = endpoint(async ({ request, url }) => {
	throw new ApiError(404, 'not_found', 'error.api_not_found', { method: request.method, path: url.pathname });
});

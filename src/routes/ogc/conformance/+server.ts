import { endpoint } from '$lib/server/http/endpoint';
import { parseSearchParams } from '$lib/server/http/validate';
import { CONFORMANCE, metadataQuery, ogcJson } from '$lib/server/ogc/http';

export const GET = endpoint(async ({ url, locals }) => {
	parseSearchParams(url, metadataQuery, locals.lang);
	return ogcJson({ conformsTo: CONFORMANCE });
});

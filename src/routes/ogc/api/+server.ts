import { endpoint } from '$lib/server/http/endpoint';
import { parseSearchParams } from '$lib/server/http/validate';
import { base, metadataQuery, ogcJson } from '$lib/server/ogc/http';
import { openApiDocument } from '$lib/server/ogc/openapi';

export const GET = endpoint(async ({ url, locals }) => {
	parseSearchParams(url, metadataQuery, locals.lang);
	return ogcJson(openApiDocument(base(url)), 'application/vnd.oai.openapi+json;version=3.0');
});

import { endpoint } from '$lib/server/http/endpoint';
import { parseSearchParams } from '$lib/server/http/validate';
import { base, metadataQuery, ogcJson } from '$lib/server/ogc/http';
import { OGC_COLLECTIONS } from '$lib/server/ogc/collections';
import { collectionMetadata } from '$lib/server/ogc/metadata';
import { defaultCityCode } from '$lib/server/city';

export const GET = endpoint(async ({ url, locals }) => {
	parseSearchParams(url, metadataQuery, locals.lang);
	const collections = [];
	for (const c of OGC_COLLECTIONS) collections.push(await collectionMetadata(locals.db, c, url, defaultCityCode(), locals.lang));
	return ogcJson({ links: [{ href: `${base(url)}/collections`, rel: 'self', type: 'application/json' }], collections });
});

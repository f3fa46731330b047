import type { RequestEvent } from './$types';
import { endpoint } from '$lib/server/http/endpoint';
import { parseSearchParams } from '$lib/server/http/validate';
import { findCollection, metadataQuery, ogcJson } from '$lib/server/ogc/http';
import { collectionMetadata } from '$lib/server/ogc/metadata';
import { defaultCityCode } from '$lib/server/city';

export const GET = endpoint(async ({ url, params, locals }: RequestEvent) => {
	parseSearchParams(url, metadataQuery, locals.lang);
	return ogcJson(await collectionMetadata(locals.db, findCollection(params.collection), url, defaultCityCode(), locals.lang));
});

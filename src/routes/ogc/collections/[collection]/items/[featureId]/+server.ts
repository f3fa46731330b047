import type { RequestEvent } from './$types';
import { endpoint } from '$lib/server/http/endpoint';
import { notFound } from '$lib/server/http/errors';
import { parseSearchParams } from '$lib/server/http/validate';
import { base, findCollection, metadataQuery, ogcJson } from '$lib/server/ogc/http';
import { collectionItem } from '$lib/server/ogc/collections';
import { defaultCityCode } from '$lib/server/city';

export const GET = endpoint(async ({ url, params, locals }: RequestEvent) => {
	parseSearchParams(url, metadataQuery, locals.lang);
	const c = findCollection(params.collection);
	const feature = await collectionItem(locals.db, c, defaultCityCode(), params.featureId);
	if (!feature) throw notFound(`${c.id}/${params.featureId}`);
	return ogcJson(
		{
			...feature,
			links: [
				{ href: url.toString(), rel: 'self', type: 'application/geo+json' },
				{ href: `${base(url)}/collections/${c.id}`, rel: 'collection', type: 'application/json' }
			]
		},
		'application/geo+json'
	);
});

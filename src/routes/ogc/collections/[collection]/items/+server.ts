import type { RequestEvent } from './$types';
import { endpoint } from '$lib/server/http/endpoint';
import { base, findCollection, ogcJson, parseItemsQuery } from '$lib/server/ogc/http';
import { collectionItems } from '$lib/server/ogc/collections';
import { defaultCityCode } from '$lib/server/city';

/** One page of a collection's features, with numberMatched and next/prev links. */
export const GET = endpoint(async ({ url, params, locals }: RequestEvent) => {
	const c = findCollection(params.collection);
	const q = parseItemsQuery(url, locals.lang);
	const { collection, numberMatched } = await collectionItems(locals.db, c, { cityCode: defaultCityCode(), ...q });
	const page = (offset: number) => {
		const u = new URL(url);
		u.searchParams.set('offset', String(offset));
		u.searchParams.set('limit', String(q.limit));
		return u.toString();
	};
	const links = [
		{ href: url.toString(), rel: 'self', type: 'application/geo+json' },
		{ href: `${base(url)}/collections/${c.id}`, rel: 'collection', type: 'application/json' }
	];
	if (q.offset + collection.features.length < numberMatched) links.push({ href: page(q.offset + q.limit), rel: 'next', type: 'application/geo+json' });
	if (q.offset > 0) links.push({ href: page(Math.max(0, q.offset - q.limit)), rel: 'prev', type: 'application/geo+json' });
	return ogcJson(
		{ ...collection, numberMatched, numberReturned: collection.features.length, timeStamp: new Date().toISOString(), links },
		'application/geo+json'
	);
});

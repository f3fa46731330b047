import type { Queryable } from '../db';
import type { Lang } from '$lib/i18n';
import { collectionExtent, type OgcCollection } from './collections';
import { collectionLinks, CRS84 } from './http';

export async function collectionMetadata(db: Queryable, c: OgcCollection, url: URL, cityCode: string, lang: Lang) {
	const e = await collectionExtent(db, c, cityCode);
	return {
		id: c.id,
		title: c.title[lang],
		description: c.description[lang],
		itemType: 'feature',
		crs: [CRS84],
		extent: {
			spatial: { bbox: e.x0 === null ? [] : [[e.x0, e.y0, e.x1, e.y1]], crs: CRS84 },
			...(c.time
				? {
						temporal: {
							interval: [[e.t0 ? `${e.t0}T00:00:00Z` : null, e.t1 ? `${e.t1}T23:59:59Z` : null]],
							trs: 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian'
						}
					}
				: {})
		},
		links: collectionLinks(url, c)
	};
}

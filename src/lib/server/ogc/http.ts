import { z } from 'zod';
import type { Lang } from '$lib/i18n';
import { ApiError } from '../http/errors';
import { parseSearchParams } from '../http/validate';
import { bboxParam } from '../http/params';
import { OGC_COLLECTIONS, type OgcCollection } from './collections';

export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
export const CONFORMANCE = [
	'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
	'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
	'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30'
];

export const ogcJson = (body: unknown, type = 'application/json') =>
	new Response(JSON.stringify(body), { headers: { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'public, max-age=60' } });

export const base = (url: URL) => `${url.origin}/ogc`;

export function findCollection(id: string): OgcCollection {
	const c = OGC_COLLECTIONS.find((x) => x.id === id);
	if (!c) throw new ApiError(404, 'not_found', 'error.not_found', { what: id });
	return c;
}

/** `f=json` is what some clients add; any other format is not offered. */
const format = z.enum(['json', 'geojson', 'application/json', 'application/geo+json']).optional();
export const metadataQuery = z.object({ f: format });

const date = /^(\d{4}-\d{2}-\d{2})(T[0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;
/** RFC 3339 instant or interval (`a/b`, `../b`, `a/..`), read as whole dates. */
const datetime = z
	.string()
	.refine((v) => v.split('/').length <= 2 && v.split('/').every((part) => part === '..' || date.test(part)) && v !== '..' && v !== '../..', {
		error: 'error.datetime_format'
	})
	.transform((v) => {
		const [a, b = a] = v.split('/');
		return { from: a === '..' ? undefined : a.slice(0, 10), to: b === '..' ? undefined : b.slice(0, 10) };
	});

const itemsQuery = z.object({
	f: format,
	bbox: bboxParam.optional(),
	datetime: datetime.optional(),
	limit: z
		.string()
		.regex(/^\d{1,6}$/, { error: 'error.limit_format' })
		.transform(Number)
		.refine((v) => v >= 1, { error: 'error.limit_format' })
		.optional(),
	offset: z
		.string()
		.regex(/^\d{1,9}$/, { error: 'error.offset_format' })
		.transform(Number)
		.optional()
});

export const MAX_LIMIT = 10_000;

export function parseItemsQuery(url: URL, lang: Lang) {
	const q = parseSearchParams(url, itemsQuery, lang);
	return {
		bbox: q.bbox,
		from: q.datetime?.from,
		to: q.datetime?.to,
		// OGC API – Features /req/core/query-param-limit-response: a larger limit is clamped, not refused
		limit: Math.min(q.limit ?? 100, MAX_LIMIT),
		offset: q.offset ?? 0
	};
}

export function collectionLinks(url: URL, c: OgcCollection) {
	return [
		{ href: `${base(url)}/collections/${c.id}`, rel: 'self', type: 'application/json', title: c.title.en },
		{ href: `${base(url)}/collections/${c.id}/items`, rel: 'items', type: 'application/geo+json', title: c.title.en }
	];
}

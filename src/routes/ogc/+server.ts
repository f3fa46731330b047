import { endpoint } from '$lib/server/http/endpoint';
import { parseSearchParams } from '$lib/server/http/validate';
import { base, metadataQuery, ogcJson } from '$lib/server/ogc/http';
import { t } from '$lib/i18n';

/** OGC API – Features landing page. */
export const GET = endpoint(async ({ url, locals }) => {
	parseSearchParams(url, metadataQuery, locals.lang);
	const b = base(url);
	return ogcJson({
		title: `${t(locals.lang, 'app.name')} · ${t(locals.lang, 'app.city')}`,
		description: t(locals.lang, 'demo.notice'),
		links: [
			{ href: b, rel: 'self', type: 'application/json', title: 'This document' },
			{ href: `${b}/api`, rel: 'service-desc', type: 'application/vnd.oai.openapi+json;version=3.0', title: 'API definition' },
			{ href: `${b}/conformance`, rel: 'conformance', type: 'application/json', title: 'Conformance classes' },
			{ href: `${b}/collections`, rel: 'data', type: 'application/json', title: 'Collections' }
		]
	});
});

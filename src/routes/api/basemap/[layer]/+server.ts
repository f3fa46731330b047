import { z } from 'zod';
import { endpoint } from '$lib/server/http/endpoint';
import { parseSearchParams } from '$lib/server/http/validate';
import { ApiError } from '$lib/server/http/errors';
import { geojsonResponse } from '$lib/server/http/responses';
import { BASEMAP_LAYERS, basemapCollection, type BasemapLayer } from '$lib/server/basemap/queries';
import { defaultCityCode } from '$lib/server/city';

/** The offline basemap's data (static/basemap/style.json points here): cached for an hour. */
export const GET = endpoint(async ({ params, url, locals }) => {
	parseSearchParams(url, z.object({}), locals.lang);
	const layer = params.layer ?? '';
	if (!(BASEMAP_LAYERS as readonly string[]).includes(layer)) {
		throw new ApiError(404, 'not_found', 'error.basemap_layer', { layer, allowed: BASEMAP_LAYERS.join(', ') });
	}
	return geojsonResponse(await basemapCollection(locals.db, layer as BasemapLayer, defaultCityCode()), 3600);
});

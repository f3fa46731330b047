/** A GeoJSON body already serialised by the database. */
export const geojsonResponse = (body: string, cacheSeconds = 0) =>
	new Response(body, {
		headers: {
			'content-type': 'application/geo+json; charset=utf-8',
			'cache-control': cacheSeconds > 0 ? `public, max-age=${cacheSeconds}` : 'no-store'
		}
	});

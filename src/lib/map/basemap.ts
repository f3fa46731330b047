import type { StyleSpecification } from 'maplibre-gl';

/** What the server says about the basemap (src/lib/server/basemap/config.ts). */
export type BasemapChoice = { kind: 'offline' } | { kind: 'tianditu'; key: string } | { kind: 'style'; url: string };

/** 天地图 WMTS in Web Mercator (`_w`): the map and its annotation layer, Chinese or English. */
function tiandituStyle(key: string, lang: 'zh' | 'en'): StyleSpecification {
	const tiles = (layer: string) =>
		[0, 1, 2, 3, 4, 5, 6, 7].map(
			(n) =>
				`https://t${n}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(key)}`
		);
	const labels = lang === 'zh' ? 'cva' : 'eva';
	return {
		version: 8,
		sources: {
			tianditu: { type: 'raster', tiles: tiles('vec'), tileSize: 256, maxzoom: 18, attribution: '© 天地图' },
			'tianditu-labels': { type: 'raster', tiles: tiles(labels), tileSize: 256, maxzoom: 18 }
		},
		layers: [
			{ id: 'tianditu', type: 'raster', source: 'tianditu' },
			{ id: 'tianditu-labels', type: 'raster', source: 'tianditu-labels', metadata: { 'digonce:z': 55 } }
		]
	};
}

/**
 * The style for the map root. The offline style's GeoJSON sources are given as paths; MapLibre
 * fetches them from its worker, so they are made absolute against the page first.
 */
export async function basemapStyle(
	choice: BasemapChoice,
	lang: 'zh' | 'en',
	base: string,
	fetcher: typeof fetch = fetch
): Promise<StyleSpecification | string> {
	if (choice.kind === 'tianditu') return tiandituStyle(choice.key, lang);
	if (choice.kind === 'style') return choice.url;
	const style = (await (await fetcher('/basemap/style.json')).json()) as StyleSpecification;
	for (const source of Object.values(style.sources)) {
		if (source.type === 'geojson' && typeof source.data === 'string') source.data = new URL(source.data, base).href;
	}
	return style;
}

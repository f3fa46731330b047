/**
 * Which basemap the map draws under the overlays, from the environment:
 * - unset or `offline`: static/basemap/style.json, drawn from the app's own data, no network;
 * - `tianditu`: 天地图 vector tiles and Chinese annotation, with the key in `TIANDITU_KEY`
 *   (CGCS2000, which is WGS84 to within centimetres: the overlays line up);
 * - any `https://…` URL: a MapLibre style (e.g. an OpenStreetMap style). 高德 and 腾讯 basemaps
 *   are GCJ-02, offset from our WGS84 data by hundreds of metres: not supported as they are.
 */
export type BasemapConfig = { kind: 'offline' } | { kind: 'tianditu'; key: string } | { kind: 'style'; url: string };

export function basemapConfig(env: Record<string, string | undefined>): BasemapConfig {
	const setting = env.BASEMAP?.trim();
	if (!setting || setting === 'offline') return { kind: 'offline' };
	if (setting === 'tianditu') {
		const key = env.TIANDITU_KEY?.trim();
		if (!key) throw new Error('BASEMAP=tianditu needs TIANDITU_KEY (a 天地图 browser key)');
		return { kind: 'tianditu', key };
	}
	if (/^https?:\/\//.test(setting)) return { kind: 'style', url: setting };
	throw new Error(`BASEMAP must be "offline", "tianditu" or a style URL (https://…); got "${setting}"`);
}

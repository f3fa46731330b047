import { INPUT_CRS, type InputCrs } from '$lib/domain/work-rules';
import { ApiError } from './errors';

/** `?crs=` of an upload or a registration; WGS84 unless said otherwise. */
export function crsParam(url: URL): InputCrs {
	const value = url.searchParams.get('crs') ?? 'EPSG:4326';
	if (!(INPUT_CRS as readonly string[]).includes(value)) {
		throw new ApiError(400, 'invalid_crs', 'work.error.crs_unknown', { value });
	}
	return value as InputCrs;
}

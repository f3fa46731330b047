import type { Feature, Geometry } from 'geojson';
import type { Queryable } from '../db';
import type { Audience } from '../geojson';
import type { Lang } from '$lib/i18n';
import { neighbourhoodCollection, rainSewageHistory, type PUBLIC_NEIGHBOURHOOD_FIELDS } from '../neighbourhoods/queries';
import { publishedSubmissions } from '../submissions/submissions';
import { worksAffecting, type PublicWork } from './nearby';

/** A neighbourhood's public facts, as `PUBLIC_NEIGHBOURHOOD_FIELDS` names them. */
export type NeighbourhoodFacts = Record<keyof typeof PUBLIC_NEIGHBOURHOOD_FIELDS, unknown> & Record<string, unknown>;

export interface NeighbourhoodPage {
	feature: Feature<Geometry, NeighbourhoodFacts> & { id: string };
	works: PublicWork[];
	rain_sewage_history: Awaited<ReturnType<typeof rainSewageHistory>>;
	submissions: Awaited<ReturnType<typeof publishedSubmissions>>;
}

/**
 * A neighbourhood's page (网格化 公示): its facts for the audience, the works affecting it, its
 * drainage history and what residents said that was published. Null when there is no such one.
 */
export async function neighbourhoodPage(db: Queryable, cityCode: string, id: string, audience: Audience, lang: Lang): Promise<NeighbourhoodPage | null> {
	const fc = JSON.parse(await neighbourhoodCollection(db, { cityCode, id }, audience));
	if (!fc.features.length) return null;
	return {
		feature: fc.features[0],
		works: await worksAffecting(db, cityCode, id, lang),
		rain_sewage_history: await rainSewageHistory(db, id),
		submissions: await publishedSubmissions(db, id)
	};
}

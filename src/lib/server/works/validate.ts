import gcoord from 'gcoord';
import type { Queryable } from '../db';
import type { SessionUser } from '../auth/session';
import { ApiError } from '../http/errors';
import { t, type Lang } from '$lib/i18n';
import type { OrganisationKind } from '$lib/domain/codes';
import { AREA_M2, LINE_LENGTH_M, WIDTH_M, chinaToday, type InputCrs } from '$lib/domain/work-rules';
import { isEmergency, propertyProblems, type Problem, type Registrant } from '$lib/domain/work-checks';
import type { WorkGeometry, WorkProperties } from './input';

export type { Problem };

/** A work that passed every check: its geometry now in WGS84. */
export interface ValidWork extends WorkProperties {
	geometry: WorkGeometry;
	width_m: number;
	emergency: boolean;
	needs_review: boolean;
}

export function invalidWork(problems: Problem[], lang: Lang): ApiError {
	const details = problems.map((p) => ({ path: p.path, message: t(lang, p.key, p.params) }));
	return new ApiError(400, 'invalid_work', 'error.invalid_body', { details: details.map((d) => d.message).join(' ') }, details);
}

const SRID: Record<Exclude<InputCrs, 'GCJ-02'>, number> = { 'EPSG:4326': 4326, 'EPSG:4490': 4490, 'EPSG:4548': 4548 };

interface GeometryFacts {
	valid: boolean;
	reason: string | null;
	lon: number | null;
	lat: number | null;
	inside: boolean;
	extent: string;
	city: string;
	dim: number;
	length_m: number;
	min_part_m: number;
	area_m2: number;
	geojson: string;
}

/** Transforms the geometry to WGS84 and checks it against the city: valid, inside, not degenerate, not too big. */
export async function checkGeometry(db: Queryable, geometry: WorkGeometry, crs: InputCrs, cityCode: string, lang: Lang): Promise<{ problems: Problem[]; geometry: WorkGeometry }> {
	const wgs84 = crs === 'GCJ-02' ? (gcoord.transform(structuredClone(geometry) as never, gcoord.GCJ02, gcoord.WGS84) as unknown as WorkGeometry) : geometry;
	let facts: GeometryFacts;
	try {
		const { rows } = await db.query<GeometryFacts>(
			`WITH g AS (SELECT ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON($1), $2), 4326) AS geom),
			      c AS (SELECT * FROM city WHERE code = $3)
			 SELECT ST_IsValid(g.geom) AS valid, (ST_IsValidDetail(g.geom)).reason AS reason,
			        ST_X((ST_IsValidDetail(g.geom)).location) AS lon, ST_Y((ST_IsValidDetail(g.geom)).location) AS lat,
			        ST_Within(g.geom, c.extent) AS inside, c.name AS city,
			        concat_ws(',', round(ST_XMin(c.extent)::numeric, 2), round(ST_YMin(c.extent)::numeric, 2),
			                       round(ST_XMax(c.extent)::numeric, 2), round(ST_YMax(c.extent)::numeric, 2)) AS extent,
			        ST_Dimension(g.geom) AS dim,
			        ST_Length(ST_Transform(g.geom, c.metric_srid)) AS length_m,
			        (SELECT min(ST_Length(ST_Transform(d.geom, c.metric_srid))) FROM ST_Dump(g.geom) d) AS min_part_m,
			        ST_Area(ST_Transform(g.geom, c.metric_srid)) AS area_m2,
			        ST_AsGeoJSON(g.geom, 7) AS geojson
			   FROM g, c`,
			[JSON.stringify(wgs84), crs === 'GCJ-02' ? 4326 : SRID[crs], cityCode]
		);
		facts = rows[0];
	} catch (err) {
		// PostGIS could not read or transform it: coordinates far outside what the CRS allows
		return { problems: [{ path: 'geometry', key: 'work.error.outside_city', params: { city: cityCode, extent: '—', crs } }], geometry };
	}
	const problems: Problem[] = [];
	const round = (n: number) => (n < 10 ? n.toFixed(1) : String(Math.round(n)));
	if (!facts.valid) {
		problems.push({ path: 'geometry', key: 'work.error.geometry_invalid', params: { reason: facts.reason ?? '?', lon: facts.lon?.toFixed(6) ?? '?', lat: facts.lat?.toFixed(6) ?? '?' } });
	}
	if (!facts.inside) problems.push({ path: 'geometry', key: 'work.error.outside_city', params: { city: facts.city, extent: facts.extent, crs } });
	if (facts.dim === 1) {
		if (facts.min_part_m < LINE_LENGTH_M.min) problems.push({ path: 'geometry', key: 'work.error.line_too_short', params: { length: round(facts.min_part_m), min: LINE_LENGTH_M.min } });
		if (facts.length_m > LINE_LENGTH_M.max) problems.push({ path: 'geometry', key: 'work.error.line_too_long', params: { length: round(facts.length_m), max: LINE_LENGTH_M.max } });
	} else {
		if (facts.valid && facts.area_m2 < AREA_M2.min) problems.push({ path: 'geometry', key: 'work.error.area_too_small', params: { area: round(facts.area_m2), min: AREA_M2.min } });
		if (facts.area_m2 > AREA_M2.max) problems.push({ path: 'geometry', key: 'work.error.area_too_large', params: { area: round(facts.area_m2), max: AREA_M2.max } });
	}
	void lang;
	return { problems, geometry: JSON.parse(facts.geojson) as WorkGeometry };
}

/** The domain rules of a work's properties, for `user` (null when a planner acts on behalf of anyone). */
export async function checkProperties(
	db: Queryable,
	p: WorkProperties,
	user: SessionUser,
	cityCode: string,
	lang: Lang,
	settings: { emergency_registration_hours: number },
	today = chinaToday()
): Promise<Problem[]> {
	const problems: Problem[] = [];
	const { rows: orgs } = await db.query<{ id: string; name: string; kind: OrganisationKind }>(
		'SELECT id, name, kind FROM organisation WHERE id = $1 AND city_code = $2',
		[p.organisation, cityCode]
	);
	const org = orgs[0];
	let registrant: Registrant = { role: user.role, organisation: null };
	if (!org) problems.push({ path: 'properties.organisation', key: 'work.error.organisation_unknown', params: { value: p.organisation } });
	else if (user.role === 'utility' && user.organisationId !== org.id) {
		problems.push({ path: 'properties.organisation', key: 'work.error.organisation_not_yours', params: { own: user.organisationName ?? user.organisationId ?? '', value: p.organisation } });
	} else registrant = { role: user.role, organisation: org };
	// the rules that need no database are the registration form's too (domain/work-checks.ts)
	problems.push(...propertyProblems(p, registrant, lang, today, settings.emergency_registration_hours));

	if (p.neighbourhood_id) {
		const { rows } = await db.query('SELECT 1 FROM neighbourhood WHERE id = $1 AND city_code = $2', [p.neighbourhood_id, cityCode]);
		if (!rows.length) problems.push({ path: 'properties.neighbourhood_id', key: 'work.error.neighbourhood_unknown', params: { value: p.neighbourhood_id } });
	}
	return problems;
}

export function defaults(p: WorkProperties, geometry: WorkGeometry): ValidWork {
	const emergency = isEmergency(p);
	return {
		...p,
		geometry,
		width_m: p.width_m ?? WIDTH_M.default,
		emergency,
		status: p.status ?? (emergency ? 'in_progress' : 'submitted'),
		needs_review: emergency
	};
}

import gcoord from 'gcoord';
import type { Queryable } from '../db';
import { settingsFromJson, type RuleSettings } from '../conflicts/engine';
import type { SessionUser } from '../auth/session';
import { Invalid } from '../errors';
import { t, type Lang } from '$lib/i18n';
import type { OrganisationKind } from '$lib/domain/codes';
import { AREA_M2, LINE_LENGTH_M, WIDTH_M, type InputCrs } from '$lib/domain/work-rules';
import { serverToday } from '../clock';
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

export function invalidWork(problems: Problem[], lang: Lang): Invalid {
	const details = problems.map((p) => ({ path: p.path, message: t(lang, p.key, p.params) }));
	return new Invalid('invalid_work', 'error.invalid_body', { details: details.map((d) => d.message).join(' ') }, details);
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

/** What the database knows of a work being registered, read in one round trip. */
export interface RegistrationFacts {
	/** null when PostGIS could not read or transform the geometry */
	geometry: GeometryFacts | null;
	/** the geometry in WGS84 as sent to the database (GCJ-02 is converted here first) */
	wgs84: WorkGeometry;
	settings: RuleSettings;
	organisation: { id: string; name: string; kind: OrganisationKind } | null;
	neighbourhood_known: boolean;
	/** the city's name and extent, as the form says them (work-geometry.ts shapeProblems) */
	city: { name: string; extent: string } | null;
}

/** What `registration_facts` answers (sql/functions/0600_check.sql). */
export interface FactsJson {
	geometry: GeometryFacts | null;
	settings: Record<string, number>;
	organisation: RegistrationFacts['organisation'];
	neighbourhood_known: boolean;
	/** the city's name and extent, as the form says them (work-geometry.ts shapeProblems) */
	city: { name: string; extent: string } | null;
}

/** The geometry in WGS84: GCJ-02 is converted here, the other CRSs by PostGIS (`srid`). */
export function toWgs84(geometry: WorkGeometry, crs: InputCrs): { geometry: WorkGeometry; srid: number } {
	if (crs === 'GCJ-02')
		return { geometry: gcoord.transform(structuredClone(geometry) as never, gcoord.GCJ02, gcoord.WGS84) as unknown as WorkGeometry, srid: 4326 };
	return { geometry, srid: SRID[crs] };
}

export const factsFromJson = (f: FactsJson, wgs84: WorkGeometry): RegistrationFacts => ({ ...f, wgs84, settings: settingsFromJson(f.settings) });

/** Reads the geometry's facts (transformed to WGS84, against the city), the rule settings, the organisation and the neighbourhood. */
export async function registrationFacts(
	db: Queryable,
	geometry: WorkGeometry,
	crs: InputCrs,
	cityCode: string,
	organisation: string,
	neighbourhoodId: string | undefined
): Promise<RegistrationFacts> {
	const wgs84 = toWgs84(geometry, crs);
	const { rows } = await db.query<{ f: FactsJson }>('SELECT registration_facts($1, $2, $3, $4, $5) AS f', [
		JSON.stringify(wgs84.geometry),
		wgs84.srid,
		cityCode,
		organisation,
		neighbourhoodId ?? null
	]);
	return factsFromJson(rows[0].f, wgs84.geometry);
}

/** Every problem of a work, given what the database knows of it; throws an Invalid listing them. Answers the geometry in WGS84. */
export function validated(
	feature: { geometry: WorkGeometry; properties: WorkProperties },
	user: SessionUser,
	facts: RegistrationFacts,
	crs: InputCrs,
	cityCode: string,
	lang: Lang
): WorkGeometry {
	const geometry = checkGeometry(facts.geometry, facts.wgs84, crs, facts.city ?? { name: cityCode, extent: '' });
	const problems = [...geometry.problems, ...checkProperties(feature.properties, user, facts, lang)];
	if (problems.length) throw invalidWork(problems, lang);
	return geometry.geometry;
}

/** The geometry against the city: valid, inside, not degenerate, not too big. */
export function checkGeometry(
	facts: GeometryFacts | null,
	geometry: WorkGeometry,
	crs: InputCrs,
	city: { name: string; extent: string }
): { problems: Problem[]; geometry: WorkGeometry } {
	// coordinates PostGIS cannot transform (a zone's metres read as degrees) lie outside the city too,
	// said in the same words as the form says it, so the two are shown as one
	if (!facts) return { problems: [{ path: 'geometry', key: 'work.error.outside_city', params: { city: city.name, extent: city.extent, crs } }], geometry };
	const problems: Problem[] = [];
	const round = (n: number) => (n < 10 ? n.toFixed(1) : String(Math.round(n)));
	if (!facts.valid) {
		problems.push({
			path: 'geometry',
			key: 'work.error.geometry_invalid',
			params: { reason: facts.reason ?? '?', lon: facts.lon?.toFixed(6) ?? '?', lat: facts.lat?.toFixed(6) ?? '?' }
		});
	}
	if (!facts.inside) problems.push({ path: 'geometry', key: 'work.error.outside_city', params: { city: facts.city, extent: facts.extent, crs } });
	if (facts.dim === 1) {
		if (facts.min_part_m < LINE_LENGTH_M.min)
			problems.push({ path: 'geometry', key: 'work.error.line_too_short', params: { length: round(facts.min_part_m), min: LINE_LENGTH_M.min } });
		if (facts.length_m > LINE_LENGTH_M.max)
			problems.push({ path: 'geometry', key: 'work.error.line_too_long', params: { length: round(facts.length_m), max: LINE_LENGTH_M.max } });
	} else {
		if (facts.valid && facts.area_m2 < AREA_M2.min)
			problems.push({ path: 'geometry', key: 'work.error.area_too_small', params: { area: round(facts.area_m2), min: AREA_M2.min } });
		if (facts.area_m2 > AREA_M2.max)
			problems.push({ path: 'geometry', key: 'work.error.area_too_large', params: { area: round(facts.area_m2), max: AREA_M2.max } });
	}
	return { problems, geometry: JSON.parse(facts.geojson) as WorkGeometry };
}

/** The domain rules of a work's properties, for `user`, given what the database knows of its organisation and neighbourhood. */
export function checkProperties(p: WorkProperties, user: SessionUser, facts: RegistrationFacts, lang: Lang, today = serverToday()): Problem[] {
	const problems: Problem[] = [];
	const org = facts.organisation;
	let registrant: Registrant = { role: user.role, organisation: null };
	if (!org) problems.push({ path: 'properties.organisation', key: 'work.error.organisation_unknown', params: { value: p.organisation } });
	else if (user.role === 'utility' && user.organisationId !== org.id) {
		problems.push({
			path: 'properties.organisation',
			key: 'work.error.organisation_not_yours',
			params: { own: user.organisationName ?? user.organisationId ?? '', value: p.organisation }
		});
	} else registrant = { role: user.role, organisation: org };
	// the rules that need no database are the registration form's too (domain/work-checks.ts)
	problems.push(...propertyProblems(p, registrant, lang, today, facts.settings.emergency_registration_hours));
	if (p.neighbourhood_id && !facts.neighbourhood_known) {
		problems.push({ path: 'properties.neighbourhood_id', key: 'work.error.neighbourhood_unknown', params: { value: p.neighbourhood_id } });
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

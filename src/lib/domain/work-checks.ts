import { t, type Lang, type MessageKey, type MessageParams } from '$lib/i18n';
import type { OrganisationKind, Role, Utility, WorkKind, WorkStatus } from './codes';
import { MAX_DURATION_DAYS, MAX_YEARS_AHEAD, UTILITIES_BY_ORGANISATION_KIND, UTILITIES_BY_WORK_KIND, addDays, daysBetween } from './work-rules';

/**
 * The rules of a work's properties that need no database: the server applies them on every check
 * and save, and the registration form applies the very same function while the user types, so
 * both say the same thing in the same words (the i18n keys below).
 */
export interface Problem {
	/** the field the problem is about, as the API names it: `properties.end_date`, `geometry` */
	path: string;
	key: MessageKey;
	params?: MessageParams;
}

export interface PropertyFacts {
	utility: Utility;
	kind: WorkKind;
	start_date: string;
	end_date: string;
	emergency?: boolean;
	status?: WorkStatus;
}

export interface Registrant {
	role: Role;
	/** the organisation the work is for, once known to exist */
	organisation: { name: string; kind: OrganisationKind } | null;
}

/** Statuses a new work may be registered with, by role; emergencies may be registered as already started. */
export function statusesOnCreate(role: Role, emergency: boolean): WorkStatus[] {
	if (role === 'planner') return ['draft', 'submitted', 'approved', 'in_progress'];
	return emergency ? ['draft', 'submitted', 'in_progress'] : ['draft', 'submitted'];
}

/** An emergency repair is one of kind `emergency_repair`, flagged as such (the flag follows the kind when unset). */
export const isEmergency = (p: Pick<PropertyFacts, 'kind' | 'emergency'>) => p.emergency ?? p.kind === 'emergency_repair';

export function propertyProblems(p: PropertyFacts, who: Registrant, lang: Lang, today: string, emergencyHours: number): Problem[] {
	const problems: Problem[] = [];
	const org = who.organisation;
	if (org && !UTILITIES_BY_ORGANISATION_KIND[org.kind].includes(p.utility)) {
		problems.push({
			path: 'properties.utility',
			key: 'work.error.utility_not_for_org',
			params: {
				org: org.name,
				kind: t(lang, `org_kind.${org.kind}`),
				utility: t(lang, `utility.${p.utility}`),
				allowed: UTILITIES_BY_ORGANISATION_KIND[org.kind].map((u) => t(lang, `utility.${u}`)).join('、')
			}
		});
	}
	const kindUtilities = UTILITIES_BY_WORK_KIND[p.kind];
	if (kindUtilities && !kindUtilities.includes(p.utility)) {
		problems.push({
			path: 'properties.kind',
			key: 'work.error.kind_needs_utility',
			params: {
				kind: t(lang, `work_kind.${p.kind}`),
				utility: t(lang, `utility.${p.utility}`),
				allowed: kindUtilities.map((u) => t(lang, `utility.${u}`)).join('、')
			}
		});
	}
	const emergency = isEmergency(p);
	if (emergency !== (p.kind === 'emergency_repair')) problems.push({ path: 'properties.emergency', key: 'work.error.emergency_kind' });

	if (p.end_date < p.start_date) {
		problems.push({ path: 'properties.end_date', key: 'work.error.dates_order', params: { start: p.start_date, end: p.end_date } });
	} else {
		const days = daysBetween(p.start_date, p.end_date) + 1;
		if (days > MAX_DURATION_DAYS[p.kind]) {
			problems.push({
				path: 'properties.end_date',
				key: 'work.error.duration',
				params: { days, max: MAX_DURATION_DAYS[p.kind], kind: t(lang, `work_kind.${p.kind}`) }
			});
		}
	}
	// Emergency repairs may be registered after they start (《城市道路管理条例》 art. 35); planners may record past works.
	const earliest = emergency ? addDays(today, -Math.ceil(emergencyHours / 24)) : who.role === 'planner' ? null : today;
	if (earliest && p.start_date < earliest) {
		problems.push({ path: 'properties.start_date', key: 'work.error.start_in_past', params: { start: p.start_date, today, hours: emergencyHours } });
	}
	const latest = addDays(today, MAX_YEARS_AHEAD * 365);
	if (p.start_date > latest) problems.push({ path: 'properties.start_date', key: 'work.error.start_too_far', params: { start: p.start_date, max: latest } });

	const allowedStatus = statusesOnCreate(who.role, emergency);
	if (p.status && !allowedStatus.includes(p.status)) {
		problems.push({
			path: 'properties.status',
			key: 'work.error.status_on_create',
			params: { allowed: allowedStatus.map((s) => t(lang, `work_status.${s}` as MessageKey)).join('、') }
		});
	}
	return problems;
}

import type { Geometry } from 'geojson';
import { t, type Lang } from '$lib/i18n';
import type { OrganisationKind, Role, Utility, WorkKind, WorkStatus } from '$lib/domain/codes';
import { WORK_KINDS } from '$lib/domain/codes';
import { DEPTH_M, UTILITIES_BY_ORGANISATION_KIND, UTILITIES_BY_WORK_KIND, WIDTH_M, addDays, daysBetween, type InputCrs } from '$lib/domain/work-rules';
import { isEmergency, propertyProblems, type Problem } from '$lib/domain/work-checks';
import { combine, shapeProblems, toWgs84, type CityBounds, type WorkGeometry } from '$lib/geo/work-geometry';

export interface DraftOrganisation {
	id: string;
	name: string;
	kind: OrganisationKind;
}

/** The fields of the form, as the API names them (`properties.<field>`). */
export const DRAFT_FIELDS = [
	'organisation',
	'utility',
	'kind',
	'start_date',
	'end_date',
	'width_m',
	'depth_m',
	'title',
	'description',
	'emergency',
	'status'
] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number] | 'geometry';

/** Kinds that make sense for a network (work-rules.ts UTILITIES_BY_WORK_KIND), emergency repair last. */
export const kindsFor = (utility: Utility): WorkKind[] => WORK_KINDS.filter((k) => !UTILITIES_BY_WORK_KIND[k] || UTILITIES_BY_WORK_KIND[k]!.includes(utility));

const isDate = (s: string) =>
	/^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/**
 * A work being registered or edited: where (drawn, or uploaded in a chosen CRS), when, what. It
 * says what the server will say of it (the same rules: work-checks.ts, work-geometry.ts) and
 * builds the body of `POST /api/works` and `/api/works/check`.
 */
export class WorkDraft {
	organisation = $state('');
	utility = $state<Utility>('water');
	kind = $state<WorkKind>('replacement');
	start_date = $state('');
	end_date = $state('');
	/** text, as typed; parsed for the body */
	width_m = $state(String(WIDTH_M.default));
	depth_m = $state('');
	title = $state('');
	description = $state('');
	emergency = $state(false);
	/** drawn shapes (WGS84) or the uploaded ones (in `crs`) */
	shapes = $state.raw<Geometry[]>([]);
	source = $state<'draw' | 'upload'>('draw');
	crs = $state<InputCrs>('EPSG:4326');
	uploadName = $state<string | null>(null);
	/** problems found while reading an upload, before any shape exists */
	uploadProblems = $state.raw<Problem[]>([]);
	/** the CRS the uploaded file's own `crs` member names, if any */
	uploadDeclared = $state.raw<{ crs: InputCrs } | { unsupported: string } | null>(null);
	/** the stored work being edited, if any */
	editing = $state<number | null>(null);

	constructor(
		readonly who: { role: Role; organisationId: string | null },
		readonly organisations: DraftOrganisation[],
		readonly city: CityBounds,
		readonly emergencyHours: number
	) {
		this.organisation = who.organisationId ?? organisations[0]?.id ?? '';
		this.utility = this.utilities[0] ?? 'water';
		this.kind = kindsFor(this.utility)[0];
	}

	get org(): DraftOrganisation | null {
		return this.organisations.find((o) => o.id === this.organisation) ?? null;
	}
	/** the networks this organisation may dig for */
	get utilities(): Utility[] {
		const org = this.org;
		return org ? [...UTILITIES_BY_ORGANISATION_KIND[org.kind]] : [];
	}
	get kinds(): WorkKind[] {
		return kindsFor(this.utility);
	}

	/** Keeps utility and kind consistent after the organisation or utility changed. */
	settle() {
		if (!this.utilities.includes(this.utility) && this.utilities.length) this.utility = this.utilities[0];
		if (!this.kinds.includes(this.kind)) this.kind = this.kinds[0];
		// an emergency repair is flagged as one, and only it (work-checks.ts)
		this.emergency = this.kind === 'emergency_repair';
	}

	combined = $derived(combine(this.shapes));
	/** the shape in WGS84, for the map and the checks */
	preview = $derived<WorkGeometry | null>(this.combined.geometry ? toWgs84(this.combined.geometry, this.source === 'upload' ? this.crs : 'EPSG:4326') : null);
	/** the CRS the body's coordinates are in */
	bodyCrs = $derived<InputCrs>(this.source === 'upload' ? this.crs : 'EPSG:4326');

	#number(text: string): number | null {
		const n = Number(text.replace(',', '.'));
		return text.trim() === '' || !Number.isFinite(n) ? null : n;
	}

	/** Problems the form sees without asking, keyed like the server's (`properties.x`, `geometry`). */
	problems(lang: Lang, today: string): Problem[] {
		const out: Problem[] = [...this.uploadProblems, ...this.combined.problems];
		if (this.preview) out.push(...shapeProblems(this.preview, this.city, this.bodyCrs));
		const width = this.#number(this.width_m);
		if (this.width_m.trim() && (width === null || width < WIDTH_M.min || width > WIDTH_M.max)) {
			out.push({ path: 'properties.width_m', key: 'register.error.width', params: { min: WIDTH_M.min, max: WIDTH_M.max } });
		}
		const depth = this.#number(this.depth_m);
		if (this.depth_m.trim() && (depth === null || depth < DEPTH_M.min || depth > DEPTH_M.max)) {
			out.push({ path: 'properties.depth_m', key: 'register.error.depth', params: { min: DEPTH_M.min, max: DEPTH_M.max } });
		}
		if (this.start_date && !isDate(this.start_date)) out.push({ path: 'properties.start_date', key: 'register.error.date' });
		if (this.end_date && !isDate(this.end_date)) out.push({ path: 'properties.end_date', key: 'register.error.date' });
		if (isDate(this.start_date) && isDate(this.end_date)) {
			const org = this.org;
			out.push(
				...propertyProblems(
					{ utility: this.utility, kind: this.kind, start_date: this.start_date, end_date: this.end_date, emergency: this.emergency },
					{ role: this.who.role, organisation: org && { name: org.name, kind: org.kind } },
					lang,
					today,
					this.emergencyHours
				)
			);
		}
		// a stored work keeps its own status rules (lifecycle.ts): only a new one is checked for them here
		return out;
	}

	/** Messages by field, for showing next to each field. */
	messagesByField(lang: Lang, today: string): Map<string, string[]> {
		const byField = new Map<string, string[]>();
		for (const p of this.problems(lang, today)) byField.set(p.path, [...(byField.get(p.path) ?? []), t(lang, p.key, p.params)]);
		return byField;
	}

	/** Enough to ask the server about: a shape and both dates. */
	get complete(): boolean {
		return !!this.combined.geometry && isDate(this.start_date) && isDate(this.end_date);
	}

	/** The GeoJSON Feature the API takes (`status` only when saving). */
	feature(status?: WorkStatus) {
		const geometry = this.combined.geometry;
		if (!geometry) return null;
		const width = this.#number(this.width_m);
		const depth = this.#number(this.depth_m);
		return {
			type: 'Feature' as const,
			geometry,
			properties: {
				organisation: this.organisation,
				utility: this.utility,
				kind: this.kind,
				start_date: this.start_date,
				end_date: this.end_date,
				...(width !== null ? { width_m: width } : {}),
				...(depth !== null ? { depth_m: depth } : {}),
				...(this.title.trim() ? { title: this.title.trim() } : {}),
				...(this.description.trim() ? { description: this.description.trim() } : {}),
				emergency: isEmergency({ kind: this.kind, emergency: this.emergency }),
				...(status ? { status } : {})
			}
		};
	}

	/** The properties of a `PATCH /api/works/:id` (organisation and status are not the form's to change). */
	patch() {
		const f = this.feature();
		if (!f) return null;
		const { organisation: _o, status: _s, ...properties } = f.properties as Record<string, unknown>;
		return { geometry: f.geometry, properties };
	}

	setDrawn(shapes: Geometry[]) {
		this.source = 'draw';
		this.uploadName = null;
		this.uploadProblems = [];
		this.uploadDeclared = null;
		this.shapes = shapes;
	}

	/** An uploaded file's shapes; the CRS it names is chosen for it (the user may still change it). */
	setUploaded(name: string, shapes: Geometry[], problems: Problem[], declared: WorkDraft['uploadDeclared'] = null) {
		this.source = 'upload';
		this.uploadName = name;
		this.uploadProblems = problems;
		this.uploadDeclared = declared;
		if (declared && 'crs' in declared) this.crs = declared.crs;
		this.shapes = shapes;
	}

	/**
	 * Joins the trench of a proposal: the work moves into the common window when it is not inside
	 * it already, keeping its own length (the others dig in the same open trench, in dig order).
	 */
	adoptWindow(common: { start: string; end: string }, today: string): boolean {
		if (this.start_date >= common.start && this.end_date <= common.end) return false;
		const days = Math.max(0, daysBetween(this.start_date, this.end_date));
		const start = common.start < today && this.who.role !== 'planner' ? today : common.start;
		const end = addDays(start, days) > common.end && common.end >= start ? common.end : addDays(start, days);
		this.start_date = start;
		this.end_date = end;
		return true;
	}

	/** Fills the form from a stored work (GET /api/works/:id), for editing. */
	load(id: number, feature: { geometry: Geometry; properties: Record<string, unknown> }) {
		const p = feature.properties;
		this.editing = id;
		this.organisation = String(p.organisation);
		this.utility = p.utility as Utility;
		this.kind = p.kind as WorkKind;
		this.start_date = String(p.start_date);
		this.end_date = String(p.end_date);
		this.width_m = p.width_m === null || p.width_m === undefined ? '' : String(p.width_m);
		this.depth_m = p.depth_m === null || p.depth_m === undefined ? '' : String(p.depth_m);
		this.title = (p.title as string | null) ?? '';
		this.description = (p.description as string | null) ?? '';
		this.emergency = !!p.emergency;
		this.setDrawn([feature.geometry]);
	}
}

import { RAIN_SEWAGE_STATES, UTILITIES, type RainSewageState, type Utility } from '$lib/domain/codes';
import { STATUS_GROUP_NAMES, type StatusGroup } from '$lib/map/palette';
import { clampMonth, monthIndex, monthLabel } from '$lib/map/months';

export const FAMILIES = ['neighbourhoods', 'works', 'history', 'rain_sewage', 'historic', 'conflicts'] as const;
export type Family = (typeof FAMILIES)[number];
/** short names in the URL */
const FAMILY_CODES: Record<Family, string> = { neighbourhoods: 'nb', works: 'wk', history: 'sh', rain_sewage: 'rs', historic: 'hd', conflicts: 'cf' };

export type Selection =
	{ kind: 'neighbourhood'; id: string } | { kind: 'work'; id: number } | { kind: 'historic'; id: string } | { kind: 'conflict'; id: string };

const SELECTION_CODES = { neighbourhood: 'nb', work: 'work', historic: 'hd', conflict: 'conflict' } as const;

export interface MapDefaults {
	center: [number, number];
	zoom: number;
	/** the months the time control opens on */
	from: number;
	to: number;
}

const DEFAULT_STATUSES: StatusGroup[] = ['planned', 'in_progress', 'done'];
const DEFAULT_LAYERS: Family[] = ['neighbourhoods', 'works', 'historic', 'conflicts'];

const list = (value: string | null) => (value ? value.split(',').filter(Boolean) : []);
const only = <T extends string>(values: string[], allowed: readonly T[]) => values.filter((v): v is T => (allowed as readonly string[]).includes(v));
const round = (n: number, digits: number) => Number(n.toFixed(digits));

/**
 * Everything that decides what the map shows, held as runes and written to the URL so a link shows
 * a colleague the same map: centre, zoom, families, filters, time and what is selected.
 */
export class MapState {
	center = $state<[number, number]>([0, 0]);
	zoom = $state(12);
	layers = $state<Record<Family, boolean>>(Object.fromEntries(FAMILIES.map((f) => [f, DEFAULT_LAYERS.includes(f)])) as Record<Family, boolean>);
	district = $state<string | null>(null);
	/** empty: every utility */
	utilities = $state<Utility[]>([]);
	organisations = $state<string[]>([]);
	statuses = $state<StatusGroup[]>([...DEFAULT_STATUSES]);
	/** empty: every batch year */
	batchYears = $state<number[]>([]);
	/** empty: every drainage state */
	rainSewage = $state<RainSewageState[]>([]);
	from = $state(0);
	to = $state(0);
	selection = $state<Selection | null>(null);
	/** residents' needs on the map (planners only; not one of the public families) */
	needs = $state(true);

	constructor(
		readonly defaults: MapDefaults,
		search?: URLSearchParams
	) {
		this.center = defaults.center;
		this.zoom = defaults.zoom;
		this.from = defaults.from;
		this.to = defaults.to;
		if (search) this.read(search);
	}

	/** Takes what the URL says and ignores what it cannot read: a mangled link still opens a map. */
	read(q: URLSearchParams) {
		const c = list(q.get('c')).map(Number);
		if (c.length === 2 && c.every(Number.isFinite) && Math.abs(c[0]) <= 180 && Math.abs(c[1]) <= 90) this.center = [c[0], c[1]];
		const z = Number(q.get('z'));
		if (q.has('z') && Number.isFinite(z) && z >= 0 && z <= 22) this.zoom = z;
		if (q.has('l')) {
			const on = list(q.get('l'));
			for (const f of FAMILIES) this.layers[f] = on.includes(FAMILY_CODES[f]);
		}
		const d = q.get('d');
		if (d && /^\d{6}$/.test(d)) this.district = d;
		this.utilities = only(list(q.get('u')), UTILITIES);
		this.organisations = list(q.get('o')).filter((o) => /^[a-z0-9][a-z0-9_-]{1,62}$/.test(o));
		if (q.has('s')) this.statuses = only(list(q.get('s')), STATUS_GROUP_NAMES);
		this.batchYears = list(q.get('y'))
			.map(Number)
			.filter((y) => Number.isInteger(y) && y >= 1990 && y <= 2100);
		this.rainSewage = only(list(q.get('rs')), RAIN_SEWAGE_STATES);
		const [from, to] = (q.get('t') ?? '').split('..');
		const fi = monthIndex(from ?? '');
		const ti = monthIndex(to ?? '');
		if (fi !== null && ti !== null && fi <= ti) {
			this.from = fi;
			this.to = ti;
		}
		this.selection = parseSelection(q.get('sel'));
		this.needs = q.get('nd') !== '0';
	}

	/** The view as URL parameters; defaults are left out so links stay short. */
	write(q: URLSearchParams): URLSearchParams {
		const set = (key: string, value: string | null) => (value === null || value === '' ? q.delete(key) : q.set(key, value));
		set('c', `${round(this.center[0], 5)},${round(this.center[1], 5)}`);
		set('z', String(round(this.zoom, 2)));
		const on = FAMILIES.filter((f) => this.layers[f]);
		set('l', on.length === DEFAULT_LAYERS.length && on.every((f) => DEFAULT_LAYERS.includes(f)) ? null : on.map((f) => FAMILY_CODES[f]).join(',') || '-');
		set('d', this.district);
		set('u', this.utilities.join(','));
		set('o', this.organisations.join(','));
		const statuses = STATUS_GROUP_NAMES.filter((s) => this.statuses.includes(s));
		set('s', statuses.join(',') === DEFAULT_STATUSES.join(',') ? null : statuses.join(',') || '-');
		set('y', this.batchYears.join(','));
		set('rs', this.rainSewage.join(','));
		set('t', this.from === this.defaults.from && this.to === this.defaults.to ? null : `${monthLabel(this.from)}..${monthLabel(this.to)}`);
		set('sel', this.selection ? `${SELECTION_CODES[this.selection.kind]}:${this.selection.id}` : null);
		set('nd', this.needs ? null : '0');
		return q;
	}

	setRange(from: number, to: number) {
		const a = clampMonth(Math.min(from, to));
		const b = clampMonth(Math.max(from, to));
		this.from = a;
		this.to = b;
	}
}

export function parseSelection(value: string | null): Selection | null {
	const m = /^(nb|work|hd|conflict):(.{1,120})$/.exec(value ?? '');
	if (!m) return null;
	if (m[1] === 'work') return /^\d{1,15}$/.test(m[2]) ? { kind: 'work', id: Number(m[2]) } : null;
	if (m[1] === 'nb') return { kind: 'neighbourhood', id: m[2] };
	if (m[1] === 'hd') return { kind: 'historic', id: m[2] };
	return { kind: 'conflict', id: m[2] };
}

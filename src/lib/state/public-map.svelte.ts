import { NEIGHBOURHOOD_STATUSES, type NeighbourhoodStatus } from '$lib/domain/codes';
import { NEARBY_DAYS, NEARBY_RADIUS_M } from '$lib/domain/my-street';

export { NEARBY_DAYS, NEARBY_RADIUS_M };

/**
 * Where "my street" is asked about: a point tapped on the map (with the neighbourhood under it, if
 * any), or a neighbourhood chosen by name.
 */
export type Place = { kind: 'point'; at: [number, number]; neighbourhood: string | null } | { kind: 'neighbourhood'; id: string };

const NB_ID = /^[a-z0-9][a-z0-9_-]{1,62}$/;
const list = (value: string | null) => (value ? value.split(',').filter(Boolean) : []);
const round = (n: number) => Number(n.toFixed(5));

/**
 * What the residents' map shows, held as runes and written to the URL, so a resident can send a
 * neighbour the link to their street: the place asked about and the filters.
 */
export class PublicMapState {
	place = $state.raw<Place | null>(null);
	/** empty: every status */
	statuses = $state<NeighbourhoodStatus[]>([]);
	/** empty: every batch year */
	batchYears = $state<number[]>([]);
	works = $state(true);

	constructor(search?: URLSearchParams) {
		if (search) this.read(search);
	}

	/** Takes what the URL says and ignores what it cannot read. */
	read(q: URLSearchParams) {
		const at = list(q.get('at')).map(Number);
		const nb = q.get('nb');
		if (at.length === 2 && at.every(Number.isFinite) && Math.abs(at[0]) <= 180 && Math.abs(at[1]) <= 90) {
			this.place = { kind: 'point', at: [at[0], at[1]], neighbourhood: nb && NB_ID.test(nb) ? nb : null };
		} else if (nb && NB_ID.test(nb)) {
			this.place = { kind: 'neighbourhood', id: nb };
		}
		this.statuses = list(q.get('st')).filter((s): s is NeighbourhoodStatus => (NEIGHBOURHOOD_STATUSES as readonly string[]).includes(s));
		this.batchYears = list(q.get('y'))
			.map(Number)
			.filter((y) => Number.isInteger(y) && y >= 1990 && y <= 2100);
		this.works = q.get('wk') !== '0';
	}

	write(q: URLSearchParams): URLSearchParams {
		const set = (key: string, value: string | null) => (value ? q.set(key, value) : q.delete(key));
		const p = this.place;
		set('at', p?.kind === 'point' ? `${round(p.at[0])},${round(p.at[1])}` : null);
		set('nb', p?.kind === 'point' ? p.neighbourhood : (p?.id ?? null));
		set('st', this.statuses.join(','));
		set('y', this.batchYears.join(','));
		set('wk', this.works ? null : '0');
		return q;
	}

	/** the neighbourhood the place is in or is, if any */
	get neighbourhoodId(): string | null {
		const p = this.place;
		return p ? (p.kind === 'point' ? p.neighbourhood : p.id) : null;
	}

	/** GET /api/nearby for the place: a tapped point is measured from the point, a neighbourhood from its boundary. */
	get nearbyUrl(): string | null {
		const p = this.place;
		if (!p) return null;
		const q = new URLSearchParams({ radius: String(NEARBY_RADIUS_M), days: String(NEARBY_DAYS) });
		if (p.kind === 'point') {
			q.set('lon', String(round(p.at[0])));
			q.set('lat', String(round(p.at[1])));
		} else q.set('neighbourhood', p.id);
		return `/api/nearby?${q}`;
	}
}

import { untrack } from 'svelte';
import type { Geometry } from 'geojson';
import { api } from '$lib/api/client';
import { geometryBbox } from '$lib/geo/representative-point';
import type { MapClick } from '$lib/map/MapRoot.svelte';
import type { NeedsPoint } from '$lib/map/layers/NeedsLayer.svelte';
import { monthIndex } from '$lib/map/months';
import type { ConflictFeature, ConflictMarker, WorkFeature } from '$lib/map/work-types';
import type { SearchHit } from '$lib/domain/search-hit';
import type { JointWorksProposal } from '$lib/types/api';
import type { MapFocus } from './map-focus.svelte';
import type { MapState, Selection } from './map-state.svelte';
import { isDeskMode, type DeskMode, type WorkDesk } from './work-desk.svelte';

type Box = [number, number, number, number];

export interface NavigationSource {
	url: URL;
	/** conflict markers as drawn */
	markers: ConflictMarker[];
	/** works loaded for the view */
	works: WorkFeature[];
	neighbourhoods: { geometry: Geometry; properties: Record<string, unknown> }[];
	districtExtents: { code: string; bbox: Box }[];
	/** a draft is being drawn: clicks place its points */
	registering: boolean;
	/** what a click can pick, topmost first */
	clickable: { deck: string[]; map: string[] };
}

/**
 * How the planner moves about the planners' map: what a click, a search hit, a conflict or a desk
 * entry selects, where the map flies and which months the time control shows, and which desk mode
 * the URL opens. Built during the page's set-up.
 */
export class PlannerNavigation {
	readonly #view: MapState;
	readonly #desk: WorkDesk | null;
	readonly #focus: MapFocus;
	readonly #source: () => NavigationSource;

	constructor(view: MapState, desk: WorkDesk | null, focus: MapFocus, source: () => NavigationSource) {
		this.#view = view;
		this.#desk = desk;
		this.#focus = focus;
		this.#source = source;
		// the URL says which desk is open: header links and shared links open it
		$effect(() => {
			const q = this.#source().url.searchParams;
			const mode = q.get('desk');
			const edit = Number(q.get('edit'));
			untrack(() => this.openDesk(isDeskMode(mode) ? mode : null, Number.isInteger(edit) && edit > 0 ? edit : null));
		});
		// while registering, the map shows the months of the work's window: the works it could meet
		$effect(() => {
			const d = this.#desk?.draft;
			if (!this.#source().registering || !d) return;
			const [start, end] = [d.start_date, d.end_date];
			if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || !/^\d{4}-\d{2}-\d{2}$/.test(end) || end < start) return;
			untrack(() => this.showWindow(start, end));
		});
	}

	/** Opens a desk mode (or closes the desk); the register form starts afresh, or on a work to edit. */
	openDesk(mode: DeskMode | null, edit: number | null = null) {
		const desk = this.#desk;
		if (!desk) return;
		const editing = desk.draft?.editing ?? null;
		if (mode === desk.mode && (mode !== 'register' || edit === editing)) return;
		desk.mode = mode;
		if (mode === 'register') {
			if (edit !== null) void desk.startEdit(edit);
			else if (!desk.draft || editing !== null || desk.saved) desk.startRegister();
			this.#view.selection = null;
		}
		desk.loadLists();
	}

	/** Shows a period on the time control: the months of a window, so its works are drawn. */
	showWindow(start: string, end: string) {
		const a = monthIndex(start.slice(0, 7));
		const b = monthIndex(end.slice(0, 7));
		if (a !== null && b !== null && (a !== this.#view.from || b !== this.#view.to)) this.#view.setRange(a, b);
	}

	select(sel: Selection | null, fly = false) {
		this.#view.selection = sel;
		if (!sel || !fly) return;
		const source = this.#source();
		if (sel.kind === 'conflict') {
			const mk = source.markers.find((x) => x.id === sel.id);
			if (mk) this.#focus.flyToPoint(mk.position);
		} else if (sel.kind === 'work') {
			const local = source.works.find((w) => w.id === sel.id);
			if (local) this.#focus.flyToBox(geometryBbox(local.geometry));
			else
				api
					.get<{ feature: WorkFeature }>(`/api/works/${sel.id}`)
					// a work not found or not reached is simply not flown to: the details panel says why
					.then(
						(d) => {
							const now = this.#view.selection;
							if (now?.kind === 'work' && now.id === sel.id) void this.#focus.flyToBox(geometryBbox(d.feature.geometry));
						},
						() => {}
					);
		} else if (sel.kind === 'neighbourhood') {
			const f = source.neighbourhoods.find((x) => x.properties.id === sel.id);
			if (f) this.#focus.flyToBox(geometryBbox(f.geometry));
		}
	}

	/** A click on the map selects what is topmost under it: conflicts, works, then districts and neighbourhoods. */
	click(click: MapClick) {
		const source = this.#source();
		// while drawing, a click places a point of the trench: it selects nothing
		if (source.registering) return;
		const deckHit = click.pickDeck(source.clickable.deck);
		if (deckHit?.object) {
			if (deckHit.layer?.id === 'needs') return this.select({ kind: 'neighbourhood', id: (deckHit.object as NeedsPoint).id });
			const obj = deckHit.object as ConflictMarker | WorkFeature;
			if ('severity' in obj && 'position' in obj) return this.select({ kind: 'conflict', id: obj.id });
			return this.select({ kind: 'work', id: (obj as WorkFeature).id });
		}
		const [top] = click.features(source.clickable.map);
		if (!top) return this.select(null);
		const id = String(top.properties.id);
		this.select(top.layer.id === 'hd-fill' ? { kind: 'historic', id } : { kind: 'neighbourhood', id });
	}

	pickConflict(c: ConflictFeature) {
		this.select({ kind: 'conflict', id: c.id }, true);
	}

	pickSearch(hit: SearchHit) {
		const view = this.#view;
		if (hit.kind === 'neighbourhood' || hit.kind === 'address') view.selection = { kind: 'neighbourhood', id: hit.id };
		else if (hit.kind === 'work') {
			// the period moves to the work's window, or the map would not draw the work it selected
			if (hit.start_date && hit.end_date) this.showWindow(hit.start_date, hit.end_date);
			view.selection = { kind: 'work', id: Number(hit.id) };
		} else if (hit.kind === 'organisation') view.organisations = [hit.id];
		if (hit.bbox) this.#focus.flyToBox(hit.bbox, hit.kind === 'organisation' ? 14 : 17);
	}

	pickProposal(p: JointWorksProposal) {
		const desk = this.#desk;
		if (!desk) return;
		desk.selectedProposal = desk.selectedProposal === p.key ? null : p.key;
		if (desk.selectedProposal) {
			this.showWindow(p.common_window.start, p.common_window.end);
			if (p.where) this.#focus.flyToBox(geometryBbox(p.where as Geometry), 18);
		}
	}

	pickDeskWork(w: WorkFeature) {
		this.showWindow(w.properties.start_date, w.properties.end_date);
		this.select({ kind: 'work', id: w.id }, true);
		this.#focus.flyToBox(geometryBbox(w.geometry));
	}

	chooseDistrict(code: string) {
		this.#view.district = code || null;
		const d = this.#source().districtExtents.find((x) => x.code === code);
		if (d) this.#focus.flyToBox(d.bbox, 14);
	}
}

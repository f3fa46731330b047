import { untrack } from 'svelte';
import type { FeatureCollection, Geometry, Point } from 'geojson';
import type { FilterSpecification } from 'maplibre-gl';
import { monthEnd, monthStart } from '$lib/map/months';
import { STATUS_GROUPS } from '$lib/map/palette';
import type { ConflictCollection, ConflictProperties, WorkCollection, WorkFeature } from '$lib/map/work-types';
import type { NeedsProperties } from '$lib/map/layers/NeedsLayer.svelte';
import type { WorkStatus } from '$lib/domain/codes';
import { bboxContains, padBbox } from '$lib/geo/representative-point';
import type { MapState } from '$lib/state/map-state.svelte';
import { ViewportFeed } from '$lib/state/viewport-feed.svelte';

type Box = [number, number, number, number];
type Period = { from: string; to: string };
/** the part of the map state the requests and filters are made from */
export type FeedView = Pick<MapState, 'from' | 'to' | 'district' | 'utilities' | 'organisations' | 'statuses' | 'batchYears' | 'rainSewage'>;

/** the work statuses the chosen status groups stand for */
export const statusCodesOf = (view: Pick<FeedView, 'statuses'>): WorkStatus[] => view.statuses.flatMap((s) => STATUS_GROUPS[s]);

export const periodOf = (view: Pick<FeedView, 'from' | 'to'>): Period => ({ from: monthStart(view.from), to: monthEnd(view.to) });

/** The works request for a fetch box; null when there is no box yet or no status is chosen (no works, rather than every status). */
export function worksUrl(view: FeedView, box: Box | null): string | null {
	if (!box) return null;
	const period = periodOf(view);
	const q = new URLSearchParams({ bbox: box.map((v) => v.toFixed(5)).join(','), from: period.from, to: period.to });
	if (view.utilities.length) q.set('utility', view.utilities.join(','));
	if (view.organisations.length) q.set('organisation', view.organisations.join(','));
	if (view.district) q.set('district', view.district);
	const statusCodes = statusCodesOf(view);
	if (!statusCodes.length) return null;
	q.set('status', statusCodes.join(','));
	return `/api/works?${q}`;
}

/** The city-wide conflicts request; only a signed-in person may ask for it. */
export function conflictsUrl(view: FeedView, signedIn: boolean): string | null {
	if (!signedIn) return null;
	const period = periodOf(view);
	const q = new URLSearchParams({ from: period.from, to: period.to, format: 'geojson' });
	if (view.organisations.length) q.set('organisation', view.organisations.join(','));
	if (view.district) q.set('district', view.district);
	return `/api/conflicts?${q}`;
}

// filters as MapLibre expressions: set with setFilter, never by a new layer
export function neighbourhoodFilter(view: Pick<FeedView, 'district' | 'batchYears'>): FilterSpecification {
	const all: unknown[] = ['all'];
	if (view.district) all.push(['==', ['get', 'district_code'], view.district]);
	if (view.batchYears.length) all.push(['in', ['get', 'batch_year'], ['literal', view.batchYears]]);
	return all as FilterSpecification;
}
export function rainSewageFilter(view: Pick<FeedView, 'district' | 'batchYears' | 'rainSewage'>): FilterSpecification {
	const all = [...(neighbourhoodFilter(view) as unknown[])];
	if (view.rainSewage.length) all.push(['in', ['get', 'rain_sewage_state'], ['literal', view.rainSewage]]);
	return all as FilterSpecification;
}

export interface DashboardFeedsSource {
	view: MapState;
	/** the map's bounds, null before it is placed */
	bounds: Box | null;
	/** the city's extent: a padded fetch box never reaches past it */
	extent: Box;
	signedIn: boolean;
	isPlanner: boolean;
}

/**
 * What the planners' map fetches for its view. Built during a component's set-up: its effects load
 * each feed as the view moves, and end with the component.
 */
export class DashboardFeeds {
	readonly #source: () => DashboardFeedsSource;
	readonly neighbourhoods = new ViewportFeed<FeatureCollection<Geometry, Record<string, unknown>>>();
	readonly historic = new ViewportFeed<FeatureCollection<Geometry, Record<string, unknown>>>();
	readonly works = new ViewportFeed<WorkCollection>();
	readonly conflicts = new ViewportFeed<ConflictCollection>();
	/** the repeat-excavation heat map: city-wide, asked for once the layer is on */
	readonly streetHistory = new ViewportFeed<FeatureCollection>();
	/** residents' needs per neighbourhood (planners only), to set priorities */
	readonly needs = new ViewportFeed<FeatureCollection<Point, NeedsProperties>>();
	readonly workDetail = new ViewportFeed<{ feature: WorkFeature; conflicts: Pick<ConflictProperties, 'kind' | 'severity' | 'message'>[] }>();

	/** Works are fetched for a box half again as large as the view, so small pans need no request. */
	fetchedBox = $state.raw<Box | null>(null);

	readonly period = $derived(periodOf(this.#view));
	readonly statusCodes = $derived(statusCodesOf(this.#view));
	readonly worksUrl = $derived(worksUrl(this.#view, this.fetchedBox));
	readonly conflictsUrl = $derived(conflictsUrl(this.#view, this.#signedIn));
	readonly nbFilter = $derived(neighbourhoodFilter(this.#view));
	readonly rsFilter = $derived(rainSewageFilter(this.#view));

	/** a period or filter whose conflicts are not in yet (asked for, or waiting for the period to settle) */
	readonly conflictsPending = $derived(
		this.conflictsUrl !== null && (this.conflicts.loading || this.conflicts.shown !== this.conflictsUrl) && !this.conflicts.error
	);
	// no status chosen: no works (rather than every status)
	readonly workList = $derived(this.statusCodes.length ? (this.works.data?.features ?? []) : []);
	readonly loadError = $derived(this.works.error ?? this.conflicts.error ?? this.neighbourhoods.error ?? this.streetHistory.error ?? null);

	get #view() {
		return this.#source().view;
	}
	get #signedIn() {
		return this.#source().signedIn;
	}

	constructor(source: () => DashboardFeedsSource) {
		this.#source = source;
		$effect(() => {
			const { bounds: b, extent } = this.#source();
			if (!b) return;
			const current = untrack(() => this.fetchedBox);
			if (!current || !bboxContains(current, b)) this.fetchedBox = padBbox(b, 0.5, extent);
		});
		$effect(() => {
			if (this.#view.layers.history) this.streetHistory.load('/api/streets/history?years=5');
		});
		$effect(() => {
			if (this.#source().isPlanner && this.#view.needs) this.needs.load('/api/submissions/needs');
		});
		$effect(() => {
			const url = this.worksUrl;
			if (url) this.works.load(url);
		});
		// The conflict scan is city-wide and the server cannot stop one a browser gave up on, so while
		// the period moves (the play button, a dragged slider) only the period it settles on is asked.
		$effect(() => {
			const url = this.conflictsUrl;
			if (!url) return;
			const timer = setTimeout(() => this.conflicts.load(url), this.conflicts.data ? 400 : 0);
			return () => clearTimeout(timer);
		});
		$effect(() => {
			const sel = this.#view.selection;
			if (sel?.kind === 'work') this.workDetail.load(`/api/works/${sel.id}`);
		});
		// a neighbourhood is coloured by its status at the period's end, as the time bar moves
		$effect(() => {
			this.neighbourhoods.load(`/api/neighbourhoods?at=${this.period.to}`);
		});
	}

	/** A save or a status change elsewhere: what the map shows is asked for again. */
	refresh() {
		void this.works.refresh();
		void this.conflicts.refresh();
		if (this.#view.layers.history) void this.streetHistory.refresh();
	}
}

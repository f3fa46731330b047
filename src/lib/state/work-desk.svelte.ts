import type { Geometry, LineString, Polygon } from 'geojson';
import type { Role, WorkStatus } from '$lib/domain/codes';
import type { Conflict, JointWorksProposal } from '$lib/types/api';
import type { ConflictCollection, WorkCollection } from '$lib/map/work-types';
import type { DrawTool } from '$lib/map/DrawControl.svelte';
import type { CityBounds } from '$lib/geo/work-geometry';
import { parts, type WorkGeometry } from '$lib/geo/work-geometry';
import { api, type ApiResult } from '$lib/api/client';
import { LiveCheck, type FieldError } from './live-check.svelte';
import { ViewportFeed } from './viewport-feed.svelte';
import { WorkDraft, type DraftOrganisation } from './work-draft.svelte';

export const DESK_MODES = ['register', 'works', 'proposals'] as const;
export type DeskMode = (typeof DESK_MODES)[number];
export const isDeskMode = (v: unknown): v is DeskMode => DESK_MODES.includes(v as DeskMode);

export interface DeskUser {
	role: Role;
	organisationId: string | null;
	organisationName: string | null;
}

export interface SavedWork {
	id: number;
	status?: WorkStatus;
	conflicts: Conflict[];
	proposal?: JointWorksProposal | null;
	/** the joint-works proposal this organisation agreed to on saving, if it chose to */
	joined?: JointWorksProposal | null;
	joinError?: string | null;
	edited: boolean;
}

/**
 * The desk beside the map for staff: registering or editing a work, their works (a utility's own,
 * the planners' queues) and the joint-works proposals. Held apart from the map's own state
 * (MapState) so the dashboard only places it; the URL keeps `desk=` and `edit=`.
 */
export class WorkDesk {
	mode = $state<DeskMode | null>(null);
	tool = $state<DrawTool>('linestring');
	draft = $state.raw<WorkDraft | null>(null);
	readonly check = new LiveCheck();
	/** shapes handed to the drawing tool, replaced whenever `key` changes */
	drawing = $state.raw<{ key: string; shapes: (LineString | Polygon)[] }>({ key: 'empty', shapes: [] });
	/** join the proposed trench when saving (accept the proposal for this organisation) */
	joinTrench = $state(false);
	saving = $state(false);
	saved = $state.raw<SavedWork | null>(null);
	saveErrors = $state.raw<FieldError[]>([]);
	saveFailure = $state<string | null>(null);
	loadingEdit = $state(false);

	/** a utility's own works, or for planners the works waiting for approval */
	readonly works = new ViewportFeed<WorkCollection>();
	/** emergency repairs registered after they started, for the planners' review */
	readonly reviews = new ViewportFeed<WorkCollection>();
	/** every conflict, to list a queued work's conflicts beside it */
	readonly conflicts = new ViewportFeed<ConflictCollection>();
	readonly proposals = new ViewportFeed<{ proposals: JointWorksProposal[] }>();
	selectedProposal = $state<string | null>(null);
	#drawCount = 0;

	constructor(
		readonly user: DeskUser,
		readonly organisations: DraftOrganisation[],
		readonly city: CityBounds,
		readonly emergencyHours: number
	) {}

	get isPlanner() {
		return this.user.role === 'planner';
	}

	#newDraft() {
		return new WorkDraft({ role: this.user.role, organisationId: this.user.organisationId }, this.organisations, this.city, this.emergencyHours);
	}

	#redraw(shapes: (LineString | Polygon)[]) {
		this.drawing = { key: `d${++this.#drawCount}`, shapes };
	}

	/** A fresh registration: an empty form, the line tool in hand. */
	startRegister() {
		this.draft = this.#newDraft();
		this.saved = null;
		this.saveErrors = [];
		this.saveFailure = null;
		this.joinTrench = false;
		this.tool = 'linestring';
		this.#redraw([]);
	}

	/** Opens a stored work for editing: its shape in the drawing tool, its fields in the form. */
	async startEdit(id: number): Promise<boolean> {
		this.startRegister();
		this.loadingEdit = true;
		try {
			const res = await api.attempt<{ feature: { geometry: Geometry; properties: Record<string, unknown> } }>('GET', `/api/works/${id}`);
			if (!res.ok) {
				this.saveFailure = res.message;
				return false;
			}
			const { feature } = res.data;
			this.draft!.load(id, feature);
			this.tool = 'select';
			this.#redraw(parts(feature.geometry as WorkGeometry));
			return true;
		} finally {
			this.loadingEdit = false;
		}
	}

	/** An upload replaces whatever was drawn. */
	clearDrawing() {
		this.#redraw([]);
	}

	/** Registers (POST) or saves the edit (PATCH); on success optionally joins the proposed trench. */
	async save(status: 'submitted' | 'draft'): Promise<SavedWork | null> {
		const draft = this.draft;
		if (!draft || this.saving) return null;
		this.saving = true;
		this.saveErrors = [];
		this.saveFailure = null;
		try {
			const crs = draft.bodyCrs === 'EPSG:4326' ? '' : `?crs=${encodeURIComponent(draft.bodyCrs)}`;
			let result: ApiResult<{ id: number; status?: WorkStatus; conflicts: Conflict[]; proposal?: JointWorksProposal | null }>;
			if (draft.editing !== null) {
				result = await api.attempt('PATCH', `/api/works/${draft.editing}${crs}`, draft.patch());
			} else {
				result = await api.attempt('POST', `/api/works${crs}`, draft.feature(status));
			}
			if (!result.ok) {
				this.saveErrors = result.errors;
				this.saveFailure = result.message;
				return null;
			}
			// a registration answers without its status: it is the one asked for
			const saved: SavedWork = { ...result.data, status: result.data.status ?? status, edited: draft.editing !== null };
			if (this.joinTrench && saved.proposal?.key && !this.isPlanner) {
				const joined = await api.attempt<JointWorksProposal>('POST', `/api/proposals/${saved.proposal.key}/response`, { decision: 'accepted' });
				if (joined.ok) saved.joined = joined.data;
				else saved.joinError = joined.message;
			}
			this.saved = saved;
			this.check.schedule('', null);
			return saved;
		} finally {
			this.saving = false;
		}
	}

	/**
	 * Moves a work on (submit, withdraw, approve, reject, start, backfill, restore, cancel);
	 * `confirmConflicts` approves a work over the conflicts the planner was shown.
	 */
	setStatus(id: number, status: WorkStatus, reason?: string, confirmConflicts = false) {
		return api.attempt<{ id: number; status: WorkStatus }>('POST', `/api/works/${id}/status`, {
			status,
			...(reason ? { reason } : {}),
			...(confirmConflicts ? { confirm_conflicts: true } : {})
		});
	}

	review(id: number) {
		return api.attempt<{ id: number }>('POST', `/api/works/${id}/review`, {});
	}

	answer(key: string, decision: 'accepted' | 'declined', reason?: string) {
		return api.attempt<JointWorksProposal>('POST', `/api/proposals/${key}/response`, { decision, ...(reason ? { reason } : {}) });
	}

	/** Loads what the current mode lists. */
	loadLists() {
		if (this.mode === 'works') {
			if (this.isPlanner) {
				this.works.load('/api/works?status=submitted');
				this.reviews.load('/api/works?needs_review=true');
				this.conflicts.load('/api/conflicts?format=geojson');
			} else if (this.user.organisationId) {
				this.works.load(`/api/works?organisation=${encodeURIComponent(this.user.organisationId)}`);
				this.conflicts.load(`/api/conflicts?format=geojson&organisation=${encodeURIComponent(this.user.organisationId)}`);
			}
		}
		if (this.mode === 'proposals') {
			this.proposals.load(
				this.isPlanner || !this.user.organisationId ? '/api/proposals' : `/api/proposals?organisation=${encodeURIComponent(this.user.organisationId)}`
			);
		}
	}

	/** The data changed (a save, a status): lists shown again from the server. */
	refreshLists() {
		for (const feed of [this.works, this.reviews, this.conflicts, this.proposals]) if (feed.shown || feed.loading) void feed.refresh();
	}

	dispose() {
		this.check.dispose();
	}
}

import type { Conflict, JointWorksProposal } from '$lib/types/api';
import { api, type ApiClient, type ApiFailure, type FieldError } from '$lib/api/client';

export { fieldErrors, type FieldError } from '$lib/api/client';

/** What `POST /api/works/check` answers. */
export interface CheckAnswer {
	conflicts: Conflict[];
	proposal: JointWorksProposal | null;
}

/**
 * The conflicts of a work being drawn and filled in, asked of the server a moment after the user
 * stops changing it. A newer request aborts the one in flight, so an old answer never replaces a
 * newer one (the pattern of viewport-feed.svelte.ts); the check writes nothing, so dropping one is free.
 */
export class LiveCheck {
	answer = $state.raw<CheckAnswer | null>(null);
	/** the server's field problems from a 400 */
	errors = $state.raw<FieldError[]>([]);
	/** the server's message when the request failed as a whole */
	failure = $state<string | null>(null);
	/** a check is waiting for the user to pause, or on its way */
	pending = $state(false);
	/** the request whose answer is shown (url + body) */
	shown = $state<string | null>(null);
	#wanted: string | null = null;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#controller: AbortController | null = null;

	constructor(
		private readonly client: ApiClient = api,
		readonly delayMs = 450
	) {}

	/** Asks for `body` at `url` after the pause; `null` clears (nothing complete enough to check). */
	schedule(url: string, body: unknown | null) {
		const key = body === null ? null : `${url}\n${JSON.stringify(body)}`;
		if (key === this.#wanted) return;
		this.#wanted = key;
		clearTimeout(this.#timer);
		this.#controller?.abort();
		this.#controller = null;
		if (key === null) {
			this.answer = null;
			this.errors = [];
			this.failure = null;
			this.pending = false;
			this.shown = null;
			return;
		}
		this.pending = true;
		this.#timer = setTimeout(() => void this.#run(url, body, key), this.delayMs);
	}

	/** Asks again now, whatever was shown (after a save elsewhere changed the data). */
	refresh() {
		const wanted = this.#wanted;
		if (!wanted) return;
		const [url, ...rest] = wanted.split('\n');
		this.#wanted = null;
		this.schedule(url, JSON.parse(rest.join('\n')));
	}

	async #run(url: string, body: unknown, key: string) {
		const controller = new AbortController();
		this.#controller = controller;
		try {
			this.answer = await this.client.post<CheckAnswer>(url, body, { signal: controller.signal });
			this.errors = [];
			this.failure = null;
			this.shown = key;
		} catch (err) {
			if (controller.signal.aborted) return;
			this.answer = null;
			const failure = err as ApiFailure;
			this.errors = failure.errors ?? [];
			this.failure = this.errors.length ? null : failure.message;
			// whatever the server answered is this request's answer; a lost connection is not
			if (failure.kind !== 'network') this.shown = key;
		} finally {
			if (this.#controller === controller) {
				this.#controller = null;
				this.pending = false;
			}
		}
	}

	dispose() {
		clearTimeout(this.#timer);
		this.#controller?.abort();
	}
}

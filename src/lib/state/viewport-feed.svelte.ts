import { api, type ApiClient } from '$lib/api/client';

/**
 * One layer's data for the current view: each `load` cancels the request still running, so a fast
 * pan or the play button never lets a stale answer overwrite a newer one (immich's pattern).
 */
export class ViewportFeed<T> {
	data = $state.raw<T | null>(null);
	loading = $state(false);
	error = $state<string | null>(null);
	/** the URL whose answer `data` holds */
	shown = $state<string | null>(null);
	#controller: AbortController | null = null;
	#pending: string | null = null;

	constructor(private readonly client: ApiClient = api) {}

	/** Loads `url` unless it is already shown or on its way; resolves when this request is done. */
	async load(url: string): Promise<void> {
		if (url === this.#pending || (url === this.shown && !this.#pending)) return;
		this.#controller?.abort();
		const controller = new AbortController();
		this.#controller = controller;
		this.#pending = url;
		this.loading = true;
		try {
			const body = await this.client.get<T>(url, { signal: controller.signal });
			this.data = body;
			this.shown = url;
			this.error = null;
		} catch (err) {
			if (controller.signal.aborted) return;
			this.error = (err as Error).message;
		} finally {
			if (this.#controller === controller) {
				this.#controller = null;
				this.#pending = null;
				this.loading = false;
			}
		}
	}

	/** Loads the URL shown (or on its way) again: the data behind it changed, a work was saved. */
	refresh(): Promise<void> {
		const url = this.#pending ?? this.shown;
		if (!url) return Promise.resolve();
		this.#pending = null;
		this.shown = null;
		return this.load(url);
	}

	clear() {
		this.#controller?.abort();
		this.#controller = null;
		this.#pending = null;
		this.loading = false;
		this.data = null;
		this.shown = null;
		this.error = null;
	}
}

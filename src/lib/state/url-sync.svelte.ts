import { onMount } from 'svelte';

/** The link a page's state makes: `current` with the state written into its query (other keys kept). */
export function syncedHref(current: URL, write: (q: URLSearchParams) => void): string {
	const url = new URL(current);
	write(url.searchParams);
	return url.pathname + url.search;
}

/**
 * Keeps the address bar on what the page shows without a navigation (shallow routing). Made while
 * a page's component starts: it writes only once the page is mounted, since SvelteKit's router
 * refuses `replaceState` before then, and waits for the state to settle (a pan, the play button)
 * so the browser's history API is not called on every frame.
 */
export class UrlSync {
	#mounted = $state(false);
	#timer: ReturnType<typeof setTimeout> | undefined;

	/**
	 * @param current the page's URL (read reactively: a navigation is written over too)
	 * @param write puts the state into the query; what it reads is tracked
	 * @param replace replaces the history entry, e.g. `(href) => replaceState(href, page.state)`
	 */
	constructor(current: () => URL, write: (q: URLSearchParams) => void, replace: (href: string) => void, settleMs = 250) {
		$effect(() => {
			const next = syncedHref(current(), write);
			if (!this.#mounted) return;
			clearTimeout(this.#timer);
			this.#timer = setTimeout(() => {
				if (next !== location.pathname + location.search) replace(next);
			}, settleMs);
		});
		onMount(() => {
			this.#mounted = true;
			return () => clearTimeout(this.#timer);
		});
	}
}

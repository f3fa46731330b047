import { BODY_MAX, type SubmissionCategory, type SubmissionKind } from '$lib/domain/codes';
import { api, type ApiClient, type ApiFailure } from '$lib/api/client';

export interface SentSubmission {
	id: number;
	receipt: string;
	kind: SubmissionKind;
	category: SubmissionCategory | null;
	rating: number | null;
	body: string;
	created_at: string;
}

/**
 * What a resident is writing about one neighbourhood, and sending it. The server is the judge of
 * what it takes (an evaluation only after completion, the rate limit, no HTML): every refusal is
 * shown in its own words, so the form never second-guesses it.
 */
export class SubmissionDraft {
	kind = $state<SubmissionKind>('need');
	category = $state<SubmissionCategory | null>(null);
	rating = $state(0);
	body = $state('');
	sending = $state(false);
	/** the server's explanation of the last refusal, or why the request did not get through */
	error = $state<string | null>(null);
	sent = $state<SentSubmission | null>(null);
	#controller: AbortController | null = null;

	constructor(
		readonly neighbourhoodId: string,
		private readonly client: ApiClient = api
	) {}

	/** characters as the server counts them (code points) */
	get length() {
		return [...this.body.trim()].length;
	}
	get tooLong() {
		return this.length > BODY_MAX;
	}

	setKind(kind: SubmissionKind) {
		this.kind = kind;
		this.error = null;
	}

	/** Sends the draft; resolves to what was stored, or null (and `error` says why: `networkError` when the server was not reached). */
	async send(networkError: string): Promise<SentSubmission | null> {
		this.#controller?.abort();
		const controller = new AbortController();
		this.#controller = controller;
		this.sending = true;
		this.error = null;
		const body = this.body.trim();
		const payload =
			this.kind === 'need'
				? { neighbourhood_id: this.neighbourhoodId, kind: 'need', category: this.category ?? undefined, body }
				: { neighbourhood_id: this.neighbourhoodId, kind: 'evaluation', rating: this.rating || undefined, body };
		try {
			const answer = await this.client.post<{ id: number; receipt: string }>('/api/submissions', payload, { signal: controller.signal });
			const sent: SentSubmission = {
				id: answer.id,
				receipt: answer.receipt,
				kind: this.kind,
				category: this.kind === 'need' ? this.category : null,
				rating: this.kind === 'evaluation' ? this.rating : null,
				body,
				created_at: new Date().toISOString()
			};
			this.sent = sent;
			this.body = '';
			this.rating = 0;
			this.category = null;
			return sent;
		} catch (err) {
			if (controller.signal.aborted) return null;
			const failure = err as ApiFailure;
			this.error = failure.kind === 'network' ? networkError : failure.message;
			return null;
		} finally {
			if (this.#controller === controller) {
				this.#controller = null;
				this.sending = false;
			}
		}
	}
}

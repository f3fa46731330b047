import type { SubmissionCategory, SubmissionKind, SubmissionStatus } from '$lib/domain/codes';
import { api, type ApiClient } from '$lib/api/client';

/** A resident's own submission as their device remembers it: what they wrote, and what became of it. */
export interface MySubmission {
	id: number;
	/** proves to the server that this device sent it (POST /api/submissions/receipts) */
	receipt: string;
	neighbourhood_id: string;
	kind: SubmissionKind;
	category: SubmissionCategory | null;
	rating: number | null;
	body: string;
	created_at: string;
	status: SubmissionStatus;
	/** why it was not published, when it was not */
	reason: string | null;
}

const KEY = 'digonce.my-submissions.v1';
/** enough for a resident's history; the oldest go first */
const KEEP = 100;

/** The browser's localStorage, or none: on the server, or where reading it throws (some privacy modes). */
function deviceStorage(): Pick<Storage, 'getItem' | 'setItem'> | null {
	try {
		return typeof window === 'undefined' ? null : window.localStorage;
	} catch {
		return null;
	}
}

/**
 * The submissions sent from this device. Residents have no account and the public API never lists
 * pending submissions, so the device keeps what it sent (localStorage) and asks the server, by
 * receipt, what became of each. The list is read by `load()` once the page is in the browser, so
 * the server-rendered page and the first render in the browser agree.
 */
export class MySubmissions {
	items = $state<MySubmission[]>([]);
	#controller: AbortController | null = null;

	constructor(
		private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null = deviceStorage(),
		private readonly client: ApiClient = api
	) {}

	load() {
		this.items = this.#read();
	}

	#read(): MySubmission[] {
		try {
			const parsed = JSON.parse(this.storage?.getItem(KEY) ?? '[]');
			return Array.isArray(parsed) ? parsed.filter((s) => typeof s?.id === 'number' && typeof s?.receipt === 'string') : [];
		} catch {
			// a damaged entry (another app's, a hand edit) must not break the page
			return [];
		}
	}

	#write() {
		try {
			this.storage?.setItem(KEY, JSON.stringify(this.items));
		} catch {
			// private browsing or a full quota: the list lives for this page only
		}
	}

	forNeighbourhood(id: string): MySubmission[] {
		return this.items.filter((s) => s.neighbourhood_id === id);
	}

	add(item: Omit<MySubmission, 'status' | 'reason'>) {
		// from what is stored, not what this page read: another tab may have added to it since
		this.items = [{ ...item, status: 'pending' as const, reason: null }, ...this.#read().filter((s) => s.id !== item.id)].slice(0, KEEP);
		this.#write();
	}

	/** Asks the server what became of the newest 50 (a published one may still be taken down later). */
	async refresh(): Promise<void> {
		const receipts = this.items.map((s) => s.receipt);
		if (!receipts.length) return;
		this.#controller?.abort();
		const controller = new AbortController();
		this.#controller = controller;
		try {
			const { submissions } = await this.client.post<{ submissions: { id: number; status: SubmissionStatus; reason: string | null }[] }>(
				'/api/submissions/receipts',
				{ receipts: receipts.slice(0, 50) },
				{ signal: controller.signal }
			);
			const byId = new Map(submissions.map((s) => [s.id, s]));
			this.items = this.items.map((s) => {
				const known = byId.get(s.id);
				return known ? { ...s, status: known.status, reason: known.reason } : s;
			});
			this.#write();
		} catch {
			// offline or refused: the statuses stay as last known
		} finally {
			if (this.#controller === controller) this.#controller = null;
		}
	}
}

import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MySubmissions } from '../../src/lib/state/my-submissions.svelte';
import { SubmissionDraft } from '../../src/lib/state/submission-draft.svelte';
import { ApiClient } from '../../src/lib/api/client';

/**
 * A real HTTP server on loopback standing in for the two endpoints the browser talks to: it answers
 * POST /api/submissions as the server does (201 with a receipt, or 400/429 with a message) and
 * POST /api/submissions/receipts from what it has stored.
 */
let server: Server;
let base = '';
const received: unknown[] = [];
const outcomes = new Map<string, { id: number; status: string; reason: string | null }>();
beforeAll(async () => {
	server = createServer(async (req, res) => {
		let text = '';
		for await (const chunk of req) text += chunk;
		const body = JSON.parse(text || '{}');
		const answer = (status: number, json: unknown) => {
			res.writeHead(status, { 'content-type': 'application/json' });
			res.end(JSON.stringify(json));
		};
		if (req.url === '/api/submissions/receipts') {
			return answer(200, { submissions: (body.receipts as string[]).flatMap((r) => (outcomes.has(r) ? [outcomes.get(r)] : [])) });
		}
		received.push(body);
		if (body.kind === 'evaluation')
			return answer(400, { error: { code: 'invalid_submission', message: '荷花二巷43号院尚未完工（当前：改造中），完工后才能评价；现在可以提出需求。' } });
		if (body.body === 'slow') await new Promise((r) => setTimeout(r, 300));
		const id = received.length;
		const receipt = `receipt-${String(id).padStart(16, '0')}`;
		outcomes.set(receipt, { id, status: 'pending', reason: null });
		answer(201, { id, status: 'pending', receipt });
	});
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
	base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

const local = new ApiClient((url, init) => fetch(`${base}${url}`, init));
/** localStorage as a browser has it: strings by key */
class MemoryStorage {
	data = new Map<string, string>();
	getItem = (k: string) => this.data.get(k) ?? null;
	setItem = (k: string, v: string) => void this.data.set(k, v);
}

describe('a resident’s draft', () => {
	beforeEach(() => void (received.length = 0));

	it('sends a need with its category and trimmed text, and clears the form once stored', async () => {
		const draft = new SubmissionDraft('nb-360403-041', local);
		draft.category = 'sewer_blocked';
		draft.body = '  下水道经常堵  ';
		const sent = await draft.send('offline');
		expect(received).toEqual([{ neighbourhood_id: 'nb-360403-041', kind: 'need', category: 'sewer_blocked', body: '下水道经常堵' }]);
		expect(sent).toMatchObject({ id: 1, receipt: 'receipt-0000000000000001', kind: 'need', category: 'sewer_blocked', rating: null, body: '下水道经常堵' });
		expect([draft.body, draft.category, draft.error, draft.sending]).toEqual(['', null, null, false]);
	});

	it('shows the server’s refusal in its own words and keeps what was written', async () => {
		const draft = new SubmissionDraft('nb-360403-032', local);
		draft.setKind('evaluation');
		draft.rating = 4;
		draft.body = '还不错';
		expect(await draft.send('offline')).toBeNull();
		expect(draft.error).toBe('荷花二巷43号院尚未完工（当前：改造中），完工后才能评价；现在可以提出需求。');
		expect([draft.body, draft.rating]).toEqual(['还不错', 4]);
	});

	it('says the request did not get through when the server cannot be reached', async () => {
		const draft = new SubmissionDraft('nb-360403-041', new ApiClient((url, init) => fetch(`http://127.0.0.1:1${url}`, init)));
		draft.category = 'parking';
		draft.body = '停车难';
		expect(await draft.send('没有连上服务器')).toBeNull();
		expect(draft.error).toBe('没有连上服务器');
		expect(draft.body).toBe('停车难');
	});

	it('counts characters as the server does (code points), and knows when the text is too long', () => {
		const draft = new SubmissionDraft('nb-360403-041', local);
		draft.body = '𠀀'.repeat(500);
		expect([draft.length, draft.tooLong]).toEqual([500, false]);
		draft.body += '堵';
		expect(draft.tooLong).toBe(true);
	});
});

describe('the submissions kept on this device', () => {
	it('survives a reload, per neighbourhood, newest first', () => {
		const storage = new MemoryStorage();
		const a = new MySubmissions(storage, local);
		a.add({
			id: 7,
			receipt: 'r7',
			neighbourhood_id: 'nb-1',
			kind: 'need',
			category: 'parking',
			rating: null,
			body: '停车难',
			created_at: '2026-11-27T01:00:00Z'
		});
		a.add({ id: 8, receipt: 'r8', neighbourhood_id: 'nb-2', kind: 'evaluation', category: null, rating: 5, body: '很好', created_at: '2026-11-27T02:00:00Z' });
		a.add({
			id: 9,
			receipt: 'r9',
			neighbourhood_id: 'nb-1',
			kind: 'need',
			category: 'lighting',
			rating: null,
			body: '路灯坏了',
			created_at: '2026-11-27T03:00:00Z'
		});
		const b = new MySubmissions(storage, local);
		expect(b.items).toEqual([]);
		b.load();
		expect(b.forNeighbourhood('nb-1').map((s) => [s.id, s.status])).toEqual([
			[9, 'pending'],
			[7, 'pending']
		]);
	});

	it('adds to what another tab stored meanwhile, not only to what it read', () => {
		const storage = new MemoryStorage();
		const tabA = new MySubmissions(storage, local);
		const tabB = new MySubmissions(storage, local);
		tabA.load();
		tabB.load();
		tabA.add({
			id: 1,
			receipt: 'r1',
			neighbourhood_id: 'nb-1',
			kind: 'need',
			category: 'parking',
			rating: null,
			body: '停车难',
			created_at: '2026-11-27T01:00:00Z'
		});
		tabB.add({
			id: 2,
			receipt: 'r2',
			neighbourhood_id: 'nb-1',
			kind: 'need',
			category: 'lighting',
			rating: null,
			body: '路灯坏了',
			created_at: '2026-11-27T02:00:00Z'
		});
		const later = new MySubmissions(storage, local);
		later.load();
		expect(later.items.map((s) => s.id)).toEqual([2, 1]);
	});

	it('starts empty when what is stored is not its own', () => {
		const storage = new MemoryStorage();
		const read = () => {
			const mine = new MySubmissions(storage, local);
			mine.load();
			return mine.items;
		};
		storage.setItem('digonce.my-submissions.v1', '{not json');
		expect(read()).toEqual([]);
		storage.setItem('digonce.my-submissions.v1', JSON.stringify([{ id: 'x' }, 3]));
		expect(read()).toEqual([]);
	});

	it('learns by receipt what became of each: published, or not and why', async () => {
		const storage = new MemoryStorage();
		const mine = new MySubmissions(storage, local);
		const draft = new SubmissionDraft('nb-360403-041', local);
		for (const text of ['下水道堵', '路灯不亮']) {
			draft.category = 'other';
			draft.body = text;
			const sent = (await draft.send('offline'))!;
			mine.add({ ...sent, neighbourhood_id: 'nb-360403-041' });
		}
		const [second, first] = mine.items;
		outcomes.set(first.receipt, { id: first.id, status: 'published', reason: null });
		outcomes.set(second.receipt, { id: second.id, status: 'hidden', reason: '重复提交' });
		await mine.refresh();
		expect(mine.items.map((s) => [s.body, s.status, s.reason])).toEqual([
			['路灯不亮', 'hidden', '重复提交'],
			['下水道堵', 'published', null]
		]);
		const again = new MySubmissions(storage, local);
		again.load();
		expect(again.items.map((s) => s.status)).toEqual(['hidden', 'published']);
	});
});

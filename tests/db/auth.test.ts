import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestDb } from '../support/db';
import { insertOrganisation, insertUser } from '../support/fixtures';
import { authenticate, createSession, deleteSession, SESSION_CACHE_MS, sessionUser } from '../../src/lib/server/auth/session';
import type { Db } from '../../src/lib/server/db/types';

describe('accounts and sessions', () => {
	let db: Db;
	let close: () => Promise<void>;
	let waterId: number;

	beforeAll(async () => {
		({ db, close } = await openTestDb('migrated'));
		await insertOrganisation(db, 'org-water', 'water', '九江市自来水公司');
		waterId = await insertUser(db, { email: 'water@example.cn', password: 'correct horse', role: 'utility', organisation_id: 'org-water' });
		await insertUser(db, { email: 'gone@example.cn', password: 'correct horse', role: 'planner', disabled: true });
	});
	afterAll(() => close());

	it('stores only an argon2id hash of the password', async () => {
		const { rows } = await db.query<{ password_hash: string }>('SELECT password_hash FROM app_user WHERE id = $1', [waterId]);
		expect(rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$/);
		expect(rows[0].password_hash).not.toContain('correct horse');
	});

	it('authenticates the right password, in any case of email', async () => {
		expect(await authenticate(db, 'WATER@example.cn', 'correct horse')).toBe(waterId);
		expect(await authenticate(db, 'water@example.cn', 'wrong')).toBeNull();
		expect(await authenticate(db, 'nobody@example.cn', 'correct horse')).toBeNull();
		expect(await authenticate(db, 'gone@example.cn', 'correct horse')).toBeNull();
	});

	it('finds the user of a session, with role and organisation, until it is deleted', async () => {
		const { token } = await createSession(db, waterId);
		expect(await sessionUser(db, token)).toMatchObject({ id: waterId, role: 'utility', organisationId: 'org-water', organisationName: '九江市自来水公司' });
		const { rows } = await db.query<{ token_hash: string }>('SELECT token_hash FROM user_session');
		expect(rows.map((r) => r.token_hash)).not.toContain(token);
		await deleteSession(db, token);
		expect(await sessionUser(db, token)).toBeNull();
	});

	it('refuses a session ended in the database behind its back once the few seconds it is kept have passed', async () => {
		const { token } = await createSession(db, waterId);
		expect(await sessionUser(db, token)).toMatchObject({ id: waterId });
		await db.query(`UPDATE user_session SET created_at = now() - interval '30 days', expires_at = now() - interval '1 day'`);
		// still known for a moment
		expect(await sessionUser(db, token)).toMatchObject({ id: waterId });
		vi.useFakeTimers({ toFake: ['Date'] });
		try {
			vi.setSystemTime(Date.now() + SESSION_CACHE_MS + 1);
			expect(await sessionUser(db, token)).toBeNull();
		} finally {
			vi.useRealTimers();
		}
	});

	it('ignores expired sessions and unknown tokens', async () => {
		const { token } = await createSession(db, waterId);
		await db.query(`UPDATE user_session SET created_at = now() - interval '30 days', expires_at = now() - interval '1 day'`);
		expect(await sessionUser(db, token)).toBeNull();
		expect(await sessionUser(db, 'not-a-token')).toBeNull();
	});
});

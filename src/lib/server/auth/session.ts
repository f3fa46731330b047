import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '$lib/server/db';
import type { Role } from '$lib/domain/codes';
import { dummyPasswordHash, verifyPassword } from './password';

export const SESSION_COOKIE = 'digonce_session';
export const SESSION_DAYS = 14;

export interface SessionUser {
	id: number;
	email: string;
	role: Role;
	organisationId: string | null;
	organisationName: string | null;
	displayName: string;
	cityCode: string;
}

/** The cookie carries a random token; the database keeps only its hash. */
const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function authenticate(db: Queryable, email: string, password: string): Promise<number | null> {
	const { rows } = await db.query<{ id: number; password_hash: string }>(
		'SELECT id, password_hash FROM app_user WHERE lower(email) = lower($1) AND NOT disabled',
		[email.trim()]
	);
	const hash = rows[0]?.password_hash ?? (await dummyPasswordHash());
	const ok = await verifyPassword(hash, password);
	return ok && rows[0] ? rows[0].id : null;
}

export async function createSession(db: Queryable, userId: number): Promise<{ token: string; expires: Date }> {
	const token = randomBytes(32).toString('base64url');
	const expires = new Date(Date.now() + SESSION_DAYS * 86_400_000);
	await db.query('INSERT INTO user_session (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [
		tokenHash(token),
		userId,
		expires.toISOString()
	]);
	return { token, expires };
}

export async function sessionUser(db: Queryable, token: string): Promise<SessionUser | null> {
	const { rows } = await db.query<{ u: SessionUser | null }>('SELECT session_user_json($1) AS u', [tokenHash(token)]);
	return rows[0].u;
}

export async function deleteSession(db: Queryable, token: string): Promise<void> {
	await db.query('DELETE FROM user_session WHERE token_hash = $1', [tokenHash(token)]);
}

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
	await db.query('INSERT INTO user_session (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [tokenHash(token), userId, expires.toISOString()]);
	return { token, expires };
}

/**
 * Who a session is, kept in this process for a few seconds: every request asks, and the lookup's
 * round trip to the database was a fifth of a check over HTTP at its tail (BENCHMARKS.md). Signing
 * out through this process forgets it at once; a session ended behind its back (signed out through
 * another server, expired, its user disabled in the database) is refused within SESSION_CACHE_MS.
 */
export const SESSION_CACHE_MS = 5_000;
const SESSION_CACHE_SIZE = 10_000;
const known = new WeakMap<Queryable, Map<string, { user: SessionUser; until: number }>>();

export async function sessionUser(db: Queryable, token: string): Promise<SessionUser | null> {
	const hash = tokenHash(token);
	const perDb = known.get(db) ?? new Map();
	known.set(db, perDb);
	const hit = perDb.get(hash);
	if (hit && hit.until > Date.now()) return hit.user;
	const { rows } = await db.query<{ u: SessionUser | null }>('SELECT session_user_json($1) AS u', [hash]);
	const user = rows[0].u;
	if (!user) perDb.delete(hash);
	else {
		if (perDb.size >= SESSION_CACHE_SIZE) perDb.clear();
		perDb.set(hash, { user, until: Date.now() + SESSION_CACHE_MS });
	}
	return user;
}

export async function deleteSession(db: Queryable, token: string): Promise<void> {
	const hash = tokenHash(token);
	known.get(db)?.delete(hash);
	await db.query('DELETE FROM user_session WHERE token_hash = $1', [hash]);
}

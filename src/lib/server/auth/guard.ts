import { Forbidden, Unauthenticated } from '$lib/server/errors';
import type { Role } from '$lib/domain/codes';
import type { SessionUser } from './session';

/** The signed-in user, if their role is one of `roles`; otherwise a 401 or 403 to answer with. */
export function requireRole(user: SessionUser | null, ...roles: Role[]): SessionUser {
	if (!user) throw new Unauthenticated();
	if (!roles.includes(user.role)) throw new Forbidden();
	return user;
}

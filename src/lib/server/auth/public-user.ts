import type { SessionUser } from './session';

/** What the browser is told about the signed-in user. */
export const publicUser = (user: SessionUser | null) =>
	user && {
		email: user.email,
		role: user.role,
		organisationId: user.organisationId,
		organisationName: user.organisationName,
		displayName: user.displayName
	};

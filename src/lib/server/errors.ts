import type { MessageKey, MessageParams } from '$lib/i18n';

/**
 * What the domain says went wrong, in its own terms: a stable code and the message (an i18n key and
 * its values). It knows nothing of HTTP: the HTTP layer (src/lib/server/http) gives each kind its status,
 * so a form action, a script or a test can use the same functions without speaking HTTP.
 */
export abstract class DomainError extends Error {
	constructor(
		readonly code: string,
		readonly key: MessageKey,
		readonly params: MessageParams = {},
		/** the problems one by one, for the form to show beside each field */
		readonly details?: unknown
	) {
		super(`${code}: ${key}`);
		this.name = new.target.name;
	}
}

/** The thing asked for does not exist (or is not this person's to see). */
export class NotFound extends DomainError {
	constructor(what: string) {
		super('not_found', 'error.not_found', { what });
	}
}

/** Nobody is signed in, and this needs someone who is. */
export class Unauthenticated extends DomainError {
	constructor() {
		super('unauthenticated', 'error.unauthenticated');
	}
}

/** The person signed in may not do this. */
export class Forbidden extends DomainError {
	constructor() {
		super('forbidden', 'error.forbidden');
	}
}

/** What was sent breaks a rule; nothing was written. */
export class Invalid extends DomainError {}

/** The request is fine, but the thing is not in a state where it can be done (already moderated, not editable…). */
export class StateConflict extends DomainError {}

/** Too many in too short a time (a rate limit); `params` say when to try again. */
export class TooMany extends DomainError {}

import { describe, expect, it } from 'vitest';
import { requireRole } from '../../src/lib/server/auth/guard';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { Forbidden, Unauthenticated } from '../../src/lib/server/errors';
import { httpStatus } from '../../src/lib/server/http/errors';

const planner: SessionUser = { id: 1, email: 'p@x', role: 'planner', organisationId: null, organisationName: null, displayName: 'P', cityCode: '360400' };
const utility: SessionUser = { ...planner, id: 2, role: 'utility', organisationId: 'jj-water' };

describe('requireRole', () => {
	it('refuses the anonymous as unauthenticated (401) and the wrong role as forbidden (403)', () => {
		expect(() => requireRole(null, 'planner')).toThrow(Unauthenticated);
		expect(() => requireRole(utility, 'planner')).toThrow(Forbidden);
		expect(httpStatus(new Unauthenticated())).toBe(401);
		expect(httpStatus(new Forbidden())).toBe(403);
	});
	it('lets the right role through', () => {
		expect(requireRole(utility, 'planner', 'utility')).toBe(utility);
		expect(requireRole(planner, 'planner')).toBe(planner);
	});
});

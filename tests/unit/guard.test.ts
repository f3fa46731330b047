import { describe, expect, it } from 'vitest';
import { requireRole } from '../../src/lib/server/auth/guard';
import type { SessionUser } from '../../src/lib/server/auth/session';

const planner: SessionUser = { id: 1, email: 'p@x', role: 'planner', organisationId: null, organisationName: null, displayName: 'P', cityCode: '360400' };
const utility: SessionUser = { ...planner, id: 2, role: 'utility', organisationId: 'jj-water' };

describe('requireRole', () => {
	it('answers 401 to the anonymous and 403 to the wrong role', () => {
		expect(() => requireRole(null, 'planner')).toThrow(expect.objectContaining({ status: 401, code: 'unauthenticated' }));
		expect(() => requireRole(utility, 'planner')).toThrow(expect.objectContaining({ status: 403, code: 'forbidden' }));
	});
	it('lets the right role through', () => {
		expect(requireRole(utility, 'planner', 'utility')).toBe(utility);
		expect(requireRole(planner, 'planner')).toBe(planner);
	});
});

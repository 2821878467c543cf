import { ForbiddenError } from '../errors/index.js';
import { holds, type Principal, type Role } from './principal.js';

/**
 * Refuses `what` (a field's name) with FORBIDDEN unless the principal holds `role` (directly or
 * through a higher one). The access table (access.ts) already checks every root field with the
 * same words; this is for checks below the root that a field may need.
 */
export function requireRole(principal: Principal, role: Role, what: string): void {
  if (!holds(principal, role)) throw new ForbiddenError(`${what} needs the ${role} role, which ${principal.name} does not hold`);
}

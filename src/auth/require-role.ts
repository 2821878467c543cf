import { ForbiddenError } from '../errors/index.js';
import type { Principal, Role } from './principal.js';

/**
 * Refuses `what` (a field's name) with FORBIDDEN unless the principal holds `role`. Roles are
 * granted one by one (principal.ts): holding ADMIN does not imply OPERATOR, nor the reverse.
 */
export function requireRole(principal: Principal, role: Role, what: string): void {
  if (!principal.roles.includes(role)) throw new ForbiddenError(`${what} needs the ${role} role, which ${principal.name} does not hold`);
}

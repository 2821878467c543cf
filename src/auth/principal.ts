// Who is asking, and how far they may see. Built per request (HTTP) or per socket (graphql-ws)
// by the authenticator (authenticate.ts); everything downstream reads `ctx.principal`.
import { ROLES, type Role } from '../model/roles.js';
import { EVERYWHERE, NOWHERE, type Scope } from './scope.js';

export { ROLES, type Role };

export interface Principal {
  /** Who, as the audit, `me` and operations' requestedBy name them. */
  readonly name: string;
  /** Every role held, implied ones included (an OPERATOR holds VIEWER too). */
  readonly roles: readonly Role[];
  /** The clusters and namespaces this principal may see and change. */
  readonly scope: Scope;
  /** false: the caller showed no credentials and anonymous access is off; every field refuses it. */
  readonly authenticated: boolean;
}

/** The roles granted and every role they include, in ROLES order: [OPERATOR] gives [VIEWER, OPERATOR]. */
export function withImpliedRoles(granted: readonly Role[]): Role[] {
  const highest = Math.max(-1, ...granted.map((role) => ROLES.indexOf(role)));
  return ROLES.slice(0, highest + 1);
}

/** Whether the principal holds `role` (directly or through a higher one). */
export function holds(principal: Principal, role: Role): boolean {
  return principal.roles.includes(role);
}

/**
 * Every caller of a gateway with no FLEETGRAPH_AUTH_FILE, which only a loopback HOST allows
 * (src/config): whoever can reach 127.0.0.1 is trusted as the machine's own user.
 */
export const LOCAL_PRINCIPAL: Principal = Object.freeze({ name: 'local', roles: Object.freeze([...ROLES]), scope: EVERYWHERE, authenticated: true });

/** A caller without credentials where anonymous access is off: it may do nothing. */
export const UNAUTHENTICATED_PRINCIPAL: Principal = Object.freeze({ name: 'anonymous', roles: Object.freeze([]), scope: NOWHERE, authenticated: false });

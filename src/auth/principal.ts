// Who is asking. There is no authentication yet: every request runs as the open-gateway
// principal below. When authentication comes, it builds the principal per request in the
// context factory and nothing that reads `ctx.principal` changes.

/** The contract's Role: what a principal may do. Roles are granted one by one; none implies another. */
export const ROLES = ['VIEWER', 'OPERATOR', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  readonly name: string;
  readonly roles: readonly Role[];
}

/**
 * The principal of a gateway with no authentication configured: anonymous, holding every
 * role. An open gateway trusts whoever can reach it, so it says so here rather than
 * pretending to restrict anything; put it behind authentication before exposing it.
 */
export const OPEN_GATEWAY_PRINCIPAL: Principal = Object.freeze({ name: 'anonymous', roles: Object.freeze([...ROLES]) });

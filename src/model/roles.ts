// The contract's Role, shared by the access file (src/config) and principals (src/auth).

/** Ordered: each role includes every role before it. */
export const ROLES = ['VIEWER', 'OPERATOR', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

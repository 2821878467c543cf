import { registerEnumType } from 'type-graphql';
import type { Role as RoleKind } from '../src/auth/index.js';

// A const object rather than a TS enum, for the reason given in cluster-status.enum.ts.
export const Role = {
  VIEWER: 'VIEWER',
  OPERATOR: 'OPERATOR',
  ADMIN: 'ADMIN',
} as const satisfies { [K in RoleKind]: K };
export type Role = RoleKind;

registerEnumType(Role, { name: 'Role' });

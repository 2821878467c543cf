export { LOCAL_PRINCIPAL, ROLES, UNAUTHENTICATED_PRINCIPAL, holds, withImpliedRoles, type Principal, type Role } from './principal.js';
export { ALL, EVERYWHERE, NOWHERE, NO_REACH, covers, scopeOf, seesCluster, seesNamespace, seesObject, type Reach, type Scope } from './scope.js';
export { FEDERATION_QUERY_ACCESS, MUTATION_ACCESS, QUERY_ACCESS, ROOT_ACCESS, SUBSCRIPTION_ACCESS, type MutationAccess, type ReadAccess } from './access.js';
export { AccessTableError, authorize, checkTable, guardRootFields, type GuardedContext } from './guard-schema.js';
export { createAuthenticator, type Authentication, type Authenticator, type AuthenticatorOptions } from './authenticate.js';
export { hostHeaderName, isLoopbackName } from '../config/loopback.js';
export { createOriginPolicy, type OriginPolicy, type OriginPolicyOptions, type Refusal } from './origin.js';
export { requireRole } from './require-role.js';

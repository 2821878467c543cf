export { OPEN_GATEWAY_PRINCIPAL, ROLES, type Principal, type Role } from './principal.js';
export { requireRole } from './require-role.js';

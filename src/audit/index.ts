export { auditMutations, type AuditedContext, type AuditMutationsOptions } from './audit-mutations.js';
export { pageAuditLog } from './audit-log.js';
export { DEFAULT_ARG_LIMITS, REDACTED, auditArgs, isSecretName, type ArgLimits } from './redact.js';
export { redactText } from './secret-values.js';

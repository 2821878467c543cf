export { auditMutations, type AuditedContext, type AuditMutationsOptions } from './audit-mutations.js';
export { REDACTED, isSecretName, redactSecrets } from './redact.js';

export {
  BadUserInputError,
  ClusterUnavailableError,
  ConflictError,
  ERROR_CODES,
  ForbiddenError,
  GatewayError,
  InternalServerError,
  NotFoundError,
  QueryTooComplexError,
  UnauthenticatedError,
  type ErrorCode,
} from './gateway-error.js';
export { createErrorFormatter, type ErrorFormatter } from './format-error.js';
export { ClusterErrors } from './cluster-errors.js';
export { parseUserSelector } from './user-selector.js';

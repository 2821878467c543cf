export { DEFAULT_QUERY_LIMITS, LIMIT_SETTINGS, type LimitName, type QueryLimits } from './limits.js';
export { QueryLimitError } from './errors.js';
export { createQueryGate, type GateResult, type QueryGate, type QueryGateOptions, type QueryRequest } from './gate.js';
export { costRule, type CostOptions } from './cost.js';
export { repeatsRule } from './repeats.js';
export { httpLimits, type HttpLimitsOptions } from './http.js';
export { collapseRepeatedLimits, resultWithin, stringifyWithin } from './response.js';
export { startDeadline } from './deadline.js';
export { subscribeWithinLimits, type SocketLimitsOptions } from './websocket.js';

// The documented bounds of every number a mutation takes. Each is refused outside its
// range with the range in the message; GraphQL's Int already keeps them within 32 bits.
import { refuse } from './problem.js';

export interface Bounds {
  readonly min: number;
  readonly max: number;
}

/** replicas of scaleWorkload and deployWorkload unless MAX_REPLICAS says otherwise */
export const DEFAULT_MAX_REPLICAS = 10_000;

export const BOUNDS = {
  /** clusters an operation works on at once */
  maxParallelClusters: { min: 1, max: 1_000 },
  /** seconds one target of an operation may take: at most a day */
  timeoutSeconds: { min: 1, max: 86_400 },
  /** hosts restartHosts takes out at once */
  maxUnavailable: { min: 1, max: 1_000 },
  /** the revision rollbackWorkload returns to */
  revision: { min: 1, max: 2_147_483_647 },
} as const satisfies Record<string, Bounds>;

/** The replicas a workload may be given: 0 to maxReplicas (MAX_REPLICAS, default 10,000). */
export function replicaBounds(maxReplicas = DEFAULT_MAX_REPLICAS): Bounds {
  return { min: 0, max: maxReplicas };
}

/** @throws BadUserInputError unless `value` is a whole number within the bounds */
export function checkInteger(value: number, field: string, { min, max }: Bounds, setting?: string): number {
  if (!Number.isInteger(value)) refuse(field, `must be a whole number, got ${value}`);
  if (value < min) refuse(field, `must be a whole number of at least ${min}, got ${value}`);
  if (value > max) refuse(field, `must be a whole number of at most ${max}${setting ? ` (${setting})` : ''}, got ${value}`);
  return value;
}

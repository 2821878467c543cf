// How an operation works through its targets: the contract's RolloutStrategyInput with its
// defaults applied and checked, and the restartHosts limit. Pure.
import { BadUserInputError } from '../errors/index.js';
import type { RolloutStrategy } from './model.js';

/** The contract's RolloutStrategyInput; GraphQL hands absent fields over as null. */
export interface RolloutStrategyInput {
  maxParallelClusters?: number | null;
  stopOnFailure?: boolean | null;
  rollbackOnFailure?: boolean | null;
  timeoutSeconds?: number | null;
}

export const DEFAULT_STRATEGY: RolloutStrategy = { maxParallelClusters: 1, stopOnFailure: true, rollbackOnFailure: true, timeoutSeconds: 600 };

/** The strategy asked for, defaults filled in. @throws BadUserInputError for a limit below 1. */
export function rolloutStrategy(input: RolloutStrategyInput | null | undefined): RolloutStrategy {
  const strategy: RolloutStrategy = {
    maxParallelClusters: input?.maxParallelClusters ?? DEFAULT_STRATEGY.maxParallelClusters,
    stopOnFailure: input?.stopOnFailure ?? DEFAULT_STRATEGY.stopOnFailure,
    rollbackOnFailure: input?.rollbackOnFailure ?? DEFAULT_STRATEGY.rollbackOnFailure,
    timeoutSeconds: input?.timeoutSeconds ?? DEFAULT_STRATEGY.timeoutSeconds,
  };
  atLeastOne('strategy.maxParallelClusters', strategy.maxParallelClusters);
  atLeastOne('strategy.timeoutSeconds', strategy.timeoutSeconds);
  return strategy;
}

/** @throws BadUserInputError unless `value` is a whole number of at least 1 */
export function atLeastOne(field: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new BadUserInputError(`${field} must be at least 1, got ${value}`);
}

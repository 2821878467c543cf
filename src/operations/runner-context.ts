// What the pieces of a running operation share: where to find clusters, time, and the
// signal that stops the runner. Time is injected so tests need no real waits.
import type { ClusterRegistry } from '../fleet/index.js';
import { type ClusterClient, KubeCallError } from '../kube/index.js';
import type { Logger } from '../logging/index.js';
import { sleep as timerSleep } from '../timing/index.js';

export interface RunnerContext {
  registry: ClusterRegistry;
  logger: Logger;
  now(): Date;
  /** resolves after `ms`; rejects with RunnerStopped once `signal` aborts */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** between two reads of an object being waited on */
  pollMs: number;
  /** aborted when the runner stops: work ends where it is, writing nothing more */
  signal: AbortSignal;
}

/** The runner is stopping: whatever was under way resumes when a gateway starts again. */
export class RunnerStopped extends Error {
  override readonly name = 'RunnerStopped';
}

/** A target's own failure (the object is gone, its cluster refused a change): the target fails with this message. */
export class TargetFailure extends Error {
  override readonly name = 'TargetFailure';
}

/** Real time, stopped by the signal: rejects with RunnerStopped when it fires. */
export async function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (!(await timerSleep(ms, signal))) throw new RunnerStopped('stopping');
}

/** @throws TargetFailure when the cluster is no longer registered */
export function clientOf(run: RunnerContext, cluster: string): ClusterClient {
  const found = run.registry.get(cluster);
  if (!found) throw new TargetFailure(`cluster ${cluster} is no longer registered`);
  return found.client;
}

/**
 * What a failed call means for the target: RunnerStopped when the runner's own signal cut
 * it, a TargetFailure naming the cluster's problem for a cluster failure; anything else is
 * a fault of ours and passes unchanged.
 */
export function asTargetError(run: RunnerContext, err: unknown): unknown {
  if (run.signal.aborted) return new RunnerStopped('stopping', { cause: err });
  if (err instanceof KubeCallError) return new TargetFailure(`${err.cluster}: ${err.message}`, { cause: err });
  return err;
}

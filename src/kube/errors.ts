import { ApiException } from '@kubernetes/client-node';
import { assertNever } from '../lang/assert-never.js';

/** A kubeconfig that cannot give the gateway the clusters it was asked for. */
export class KubeconfigError extends Error {
  override readonly name = 'KubeconfigError';
}

/** Why a call to a cluster failed, in terms the rest of the gateway can act on. */
export type KubeFailure =
  /** No answer at the transport level: refused, reset, DNS, TLS. `code` is the system code. */
  | { kind: 'unreachable'; code: string }
  /** No answer within the client's per-call limit. */
  | { kind: 'timeout'; timeoutMs: number }
  /** The caller's own signal aborted the call. */
  | { kind: 'aborted' }
  /** The API server answered with a non-2xx status; `reason` is the Status reason when it sent one. */
  | { kind: 'http'; status: number; reason?: string }
  /** Anything else, e.g. an exec credential plugin that failed; the cause is kept for the logs. */
  | { kind: 'unknown' };

/**
 * A failed call to one cluster. The message is written here, never copied from
 * the server or the transport, so it is safe to show a client as the cluster's error.
 */
export class KubeCallError extends Error {
  override readonly name = 'KubeCallError';

  constructor(
    readonly cluster: string,
    readonly failure: KubeFailure,
    options?: ErrorOptions,
  ) {
    super(describeFailure(failure), options);
  }
}

function describeFailure(failure: KubeFailure): string {
  switch (failure.kind) {
    case 'unreachable':
      return `cannot connect to the API server (${failure.code})`;
    case 'timeout':
      return `the API server did not answer within ${failure.timeoutMs} ms`;
    case 'aborted':
      return 'the request was cancelled';
    case 'http':
      return `the API server answered HTTP ${failure.status}${failure.reason ? ` (${failure.reason})` : ''}`;
    case 'unknown':
      return 'the request failed';
    default:
      return assertNever(failure);
  }
}

export interface CallSignals {
  /** Fires when the per-call limit is reached. */
  timeout: AbortSignal;
  timeoutMs: number;
}

/** Classifies whatever a client-node call threw. */
export function toKubeCallError(cluster: string, err: unknown, { timeout, timeoutMs }: CallSignals): KubeCallError {
  return new KubeCallError(cluster, classify(err, timeout, timeoutMs), { cause: err });
}

function classify(err: unknown, timeout: AbortSignal, timeoutMs: number): KubeFailure {
  if (err instanceof ApiException) return { kind: 'http', status: err.code, reason: statusReason(err.body) };
  if (err instanceof Error && err.name === 'AbortError') {
    return timeout.aborted ? { kind: 'timeout', timeoutMs } : { kind: 'aborted' };
  }
  // node-fetch FetchError (type 'system') and raw socket errors carry the system code.
  if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string') {
    return { kind: 'unreachable', code: err.code };
  }
  return { kind: 'unknown' };
}

// client-node 1.x hands over the body as the raw JSON text of a Kubernetes Status.
function statusReason(body: unknown): string | undefined {
  if (typeof body !== 'string') return undefined;
  try {
    const status = JSON.parse(body) as { reason?: unknown };
    return typeof status.reason === 'string' && status.reason !== '' ? status.reason : undefined;
  } catch {
    return undefined;
  }
}

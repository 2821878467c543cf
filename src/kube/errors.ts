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
  /**
   * Anything else, e.g. an exec credential plugin that failed; the cause is kept for the logs.
   * `detail` says what kind of thing went wrong when it is recognised, in words written here.
   */
  | { kind: 'unknown'; detail?: string };

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
      return failure.detail ? `the request failed: ${failure.detail}` : 'the request failed before reaching the API server (see the gateway log)';
    default:
      return assertNever(failure);
  }
}

export interface CallSignals {
  /** Fires when the per-call limit is reached. */
  timeout: AbortSignal;
  timeoutMs: number;
  /** The context's user gets credentials from an exec plugin: an unexplained failure is most likely it. */
  execPlugin?: boolean;
}

/** Classifies whatever a client-node call threw. */
export function toKubeCallError(cluster: string, err: unknown, { timeout, timeoutMs, execPlugin }: CallSignals): KubeCallError {
  const failure = classify(err, timeout, timeoutMs);
  if (failure.kind === 'unknown' && !failure.detail && execPlugin) failure.detail = "the kubeconfig user's exec credential plugin failed";
  return new KubeCallError(cluster, failure, { cause: err });
}

function classify(err: unknown, timeout: AbortSignal, timeoutMs: number): KubeFailure {
  if (err instanceof ApiException) return { kind: 'http', status: err.code, reason: statusReason(err.body) };
  // By name, not instanceof Error: fetch's AbortError and a DOMException may come from another realm.
  if (typeof err === 'object' && err !== null && 'name' in err && err.name === 'AbortError') {
    return timeout.aborted ? { kind: 'timeout', timeoutMs } : { kind: 'aborted' };
  }
  // node-fetch FetchError (type 'system') and raw socket errors carry the system code.
  if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string') {
    // A token or certificate file named by the kubeconfig that cannot be read is no network fault.
    const syscall = 'syscall' in err ? err.syscall : undefined;
    if (syscall === 'open' || syscall === 'read') return { kind: 'unknown', detail: `a credentials file of the kubeconfig cannot be read (${err.code})` };
    return { kind: 'unreachable', code: err.code };
  }
  return { kind: 'unknown', detail: knownCause(err) };
}

// client-node's own refusals, named without copying their text.
function knownCause(err: unknown): string | undefined {
  const message = err instanceof Error ? err.message : '';
  if (/HTTP protocol is not allowed/.test(message)) return 'an http:// server needs insecure-skip-tls-verify for client-node';
  if (/certificate|tls|ssl/i.test(message)) return 'the TLS handshake with the API server failed (check certificate-authority)';
  return undefined;
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

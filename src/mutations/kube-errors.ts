// What a failed write to a cluster becomes for the client. The cases a mutation can explain
// (the object is missing, already exists, or the cluster refused it as invalid) get the
// mutation's own message; every other failure is the cluster's: CLUSTER_UNAVAILABLE.
import { ClusterUnavailableError, type GatewayError } from '../errors/index.js';
import { KubeCallError } from '../kube/index.js';

export interface KubeErrorMessages {
  /** the API server said 404 */
  notFound?: () => GatewayError;
  /** the API server said 409 (AlreadyExists, or a conflict that survived the client's retries) */
  conflict?: () => GatewayError;
  /** the API server said 400 or 422: the object as sent is not acceptable */
  invalid?: (err: KubeCallError) => GatewayError;
}

/**
 * The error to throw for what a kube call threw: a GatewayError for a KubeCallError, the
 * error itself for anything else (a bug, masked by the error formatter).
 */
export function gatewayErrorOf(err: unknown, messages: KubeErrorMessages = {}): unknown {
  if (!(err instanceof KubeCallError)) return err;
  const status = err.failure.kind === 'http' ? err.failure.status : undefined;
  if (status === 404 && messages.notFound) return messages.notFound();
  if (status === 409 && messages.conflict) return messages.conflict();
  if ((status === 400 || status === 422) && messages.invalid) return messages.invalid(err);
  return ClusterUnavailableError.from(err);
}

/** Runs one call to a cluster, turning its failure into the error a client should see. */
export async function kubeCall<T>(call: () => Promise<T>, messages: KubeErrorMessages = {}): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw gatewayErrorOf(err, messages);
  }
}

// A cluster that fails part of a request is reported once, beside the data of the
// others: resolvers record failures here and return what they have, and the server
// adds the recorded errors to the response.
import { KubeCallError } from '../kube/index.js';
import { ClusterUnavailableError } from './gateway-error.js';

export class ClusterErrors {
  private readonly byCluster = new Map<string, ClusterUnavailableError>();

  /** Records a cluster's failure; anything that is not a cluster failure is rethrown. */
  report(err: unknown): void {
    if (!(err instanceof KubeCallError)) throw err;
    if (!this.byCluster.has(err.cluster)) this.byCluster.set(err.cluster, ClusterUnavailableError.from(err));
  }

  /** one error per failed cluster, in the order they failed */
  list(): ClusterUnavailableError[] {
    return [...this.byCluster.values()];
  }

  has(cluster: string): boolean {
    return this.byCluster.has(cluster);
  }
}

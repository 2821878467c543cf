import {
  CoreV1Api,
  Observable,
  VersionApi,
  type ConfigurationOptions,
  type KubeConfig,
  type ObservableMiddleware,
} from '@kubernetes/client-node';
import { KubeconfigError, toKubeCallError } from './errors.js';
import type { KubeList, KubeNode, KubeVersion, ListOptions } from './types.js';

/**
 * One cluster's API, narrowed to what the gateway uses. Every method rejects with
 * KubeCallError only, and gives up after the client's timeout.
 */
export interface ClusterClient {
  /** The cluster's name in the gateway (for kubeconfig clusters: the context name). */
  readonly name: string;
  /** The API server URL. */
  readonly server: string;
  version(signal?: AbortSignal): Promise<KubeVersion>;
  listNodes(opts?: ListOptions): Promise<KubeList<KubeNode>>;
}

export interface ClusterClientOptions {
  name: string;
  /** A KubeConfig whose current context is this cluster's; it is not modified. */
  kubeConfig: KubeConfig;
  /** Limit for each call, in milliseconds. Default 5000. */
  timeoutMs?: number;
}

/** Builds a client over client-node; credentials (token, certs, exec plugins) are KubeConfig's business. */
export function createClusterClient({ name, kubeConfig, timeoutMs = 5000 }: ClusterClientOptions): ClusterClient {
  const server = kubeConfig.getCurrentCluster()?.server;
  if (!server) throw new KubeconfigError(`kubeconfig context "${kubeConfig.getCurrentContext()}" names no cluster with a server`);
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const versionApi = kubeConfig.makeApiClient(VersionApi);

  async function call<T>(signal: AbortSignal | undefined, send: (options: ConfigurationOptions) => Promise<T>) {
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([timeout, signal]) : timeout;
    try {
      // 'append': keep whatever middleware the API client was built with.
      return await send({ middleware: [withSignal(combined)], middlewareMergeStrategy: 'append' });
    } catch (err) {
      throw toKubeCallError(name, err, { timeout, timeoutMs });
    }
  }

  return {
    name,
    server,
    version: (signal) => call(signal, (options) => versionApi.getCode(options)),
    async listNodes({ signal, labelSelector, fieldSelector } = {}) {
      const list = await call(signal, (options) => core.listNode({ labelSelector, fieldSelector }, options));
      return { items: list.items, resourceVersion: list.metadata?.resourceVersion };
    },
  };
}

// client-node has no per-call signal option; a request middleware is its way to set one.
function withSignal(signal: AbortSignal): ObservableMiddleware {
  return {
    pre: (context) => {
      context.setSignal(signal);
      return new Observable(Promise.resolve(context));
    },
    post: (context) => new Observable(Promise.resolve(context)),
  };
}

import {
  ApiException,
  AppsV1Api,
  CoreV1Api,
  Observable,
  PatchStrategy,
  VersionApi,
  setHeaderOptions,
  type ConfigurationOptions,
  type KubeConfig,
  type ObservableMiddleware,
} from '@kubernetes/client-node';
import { KubeCallError, KubeconfigError, toKubeCallError } from './errors.js';
import { type Apis, type KubeKind, type KubeObjects, readers } from './kinds.js';
import { type JsonPage, getJson, trimmed } from './json-list.js';
import { collectionPath } from './paths.js';
import { parseRetryAfter, untilAborted } from '../timing/index.js';
import { type RetryPolicy, type Retryable, withRetry } from './retry.js';
import { assertObjectPath, objectPathProblem } from './object-path.js';
import { type Writer, writers } from './writers.js';
import type { KubeList, KubeVersion, ListOptions } from './types.js';
import { type WatchEnd, type WatchEvent, type WatchOptions, watchKind } from './watch.js';
import { type KubeCallObserver, observingMiddleware } from './observe.js';

/**
 * One cluster's API, narrowed to what the gateway uses. Every method rejects with
 * KubeCallError only, and gives up after the client's timeout — one limit for the whole call,
 * its pages, retries and re-reads included — except
 * that a write naming an object no cluster can hold (an empty name, `..`, a `/`) rejects with
 * InvalidObjectPathError before anything is sent, and `get` of one answers undefined.
 */
export interface ClusterClient {
  /** The cluster's name in the gateway (for kubeconfig clusters: the context name). */
  readonly name: string;
  /** The API server URL. */
  readonly server: string;
  version(signal?: AbortSignal): Promise<KubeVersion>;
  /** Every object of a kind (in one namespace, or all), read page by page within one timeout. */
  list<K extends KubeKind>(kind: K, opts?: ListOptions & { namespace?: string }): Promise<KubeList<KubeObjects[K]>>;
  /** One object, or undefined when the cluster says 404. */
  get<K extends KubeKind>(kind: K, name: string, opts?: { namespace?: string; signal?: AbortSignal }): Promise<KubeObjects[K] | undefined>;
  create<K extends KubeKind>(kind: K, body: KubeObjects[K], opts?: WriteOptions): Promise<KubeObjects[K]>;
  /** A merge (default) or strategic-merge patch. */
  patch<K extends KubeKind>(kind: K, name: string, body: object, opts?: WriteOptions & { strategy?: 'merge' | 'strategic' }): Promise<KubeObjects[K]>;
  /**
   * Read, change, write back with the read's resourceVersion; a 409 Conflict reads again and
   * retries (up to 5 times), so a change is never written over someone else's.
   */
  update<K extends KubeKind>(kind: K, name: string, change: (current: KubeObjects[K]) => KubeObjects[K] | void, opts?: WriteOptions): Promise<KubeObjects[K]>;
  /** false when there was nothing to delete */
  delete(kind: KubeKind, name: string, opts?: WriteOptions & { propagationPolicy?: 'Background' | 'Foreground' | 'Orphan' }): Promise<boolean>;
  /** Evicts a pod as `kubectl drain` does; a 429 (disruption budget) is not retried here. */
  evict(name: string, namespace: string, signal?: AbortSignal): Promise<void>;
  /**
   * Streams every change to a kind (all namespaces) after `opts.resourceVersion`, in order, to
   * `onEvent`; resolves with how the stream ended, never rejects. No timeout and no retry:
   * the caller resumes, relists (on `gone`) or backs off (src/events).
   */
  watch<K extends KubeKind>(kind: K, opts: WatchOptions, onEvent: (event: WatchEvent<K>) => void, onConnected?: () => void): Promise<WatchEnd>;
}

/** What a request made without client-node's typed APIs needs of its call. */
interface Exchange {
  signal: AbortSignal;
  observer?: ReturnType<typeof observingMiddleware>;
}

export interface WriteOptions {
  namespace?: string;
  signal?: AbortSignal;
}

export interface ClusterClientOptions {
  name: string;
  /** A KubeConfig whose current context is this cluster's; it is not modified. */
  kubeConfig: KubeConfig;
  /** Limit for each call (every page of a list, retries included), in milliseconds. Default 5000. */
  timeoutMs?: number;
  /** Objects asked for per page of a list. Default 500, as kubectl's --chunk-size. */
  pageSize?: number;
  retry?: RetryPolicy;
  /** Told of every HTTP exchange (metrics). Default none. */
  observe?: KubeCallObserver;
}

/** Builds a client over client-node; credentials (token, certs, exec plugins) are KubeConfig's business. */
export function createClusterClient({ name, kubeConfig, timeoutMs = 5000, pageSize = 500, retry, observe }: ClusterClientOptions): ClusterClient {
  const server = kubeConfig.getCurrentCluster()?.server;
  if (!server) throw new KubeconfigError(`kubeconfig context "${kubeConfig.getCurrentContext()}" names no cluster with a server`);
  const apis: Apis = { core: kubeConfig.makeApiClient(CoreV1Api), apps: kubeConfig.makeApiClient(AppsV1Api) };
  const versionApi = kubeConfig.makeApiClient(VersionApi);
  const usesExec = kubeConfig.getCurrentUser()?.exec !== undefined;

  // One limit for one call of the interface, however many requests it takes.
  function deadlineFor(signal: AbortSignal | undefined): CallDeadline {
    const started = Date.now();
    const timeout = AbortSignal.timeout(timeoutMs);
    return { timeout, signal: signal ? AbortSignal.any([timeout, signal]) : timeout, remainingMs: () => timeoutMs - (Date.now() - started) };
  }

  /**
   * One request of a call, retries included, within the call's deadline. `send` gets
   * client-node's options (signal and observer as middleware) and, for requests made without
   * client-node's typed APIs, the same signal and observer as they are.
   */
  async function call<T>(deadline: CallDeadline, send: (options: ConfigurationOptions, exchange: Exchange) => Promise<T>, retrying = true): Promise<T> {
    const observer = observe && observingMiddleware(name, observe);
    // 'append': keep whatever middleware the API client was built with.
    const options: ConfigurationOptions = { middleware: observer ? [withSignal(deadline.signal), observer] : [withSignal(deadline.signal)], middlewareMergeStrategy: 'append' };
    const exchange: Exchange = { signal: deadline.signal, observer };
    const attempt = () => bounded(deadline.signal, () => send(options, exchange));
    try {
      return retrying ? await withRetry(attempt, judge, deadline, retry) : await attempt();
    } catch (err) {
      const failure = toKubeCallError(name, err, { timeout: deadline.timeout, timeoutMs, execPlugin: usesExec });
      // An exchange that got no answer (refused, timed out) was not seen by the middleware's post.
      observer?.observeFailure(failure.failure.kind === 'http' ? String(failure.failure.status) : failure.failure.kind);
      throw failure;
    }
  }

  async function list<K extends KubeKind>(kind: K, opts: ListOptions & { namespace?: string } = {}): Promise<KubeList<KubeObjects[K]>> {
    const { signal, namespace, labelSelector, fieldSelector } = opts;
    const path = collectionPath(kind, namespace);
    // The pages are one answer: a cluster slow on each page must not get the timeout once per page.
    const deadline = deadlineFor(signal);
    const items: KubeObjects[K][] = [];
    let resourceVersion: string | undefined;
    let token: string | undefined;
    do {
      const query = { labelSelector, fieldSelector, limit: pageSize, continue: token };
      const page = await call(deadline, (_options, { signal: pageSignal, observer }) => {
        observer?.begin('GET', path);
        return getJson<JsonPage<KubeObjects[K]>>(kubeConfig, path, query, pageSignal, (status) => observer?.answered(String(status)));
      });
      for (const item of page.items ?? []) items.push(trimmed(item));
      resourceVersion ??= page.metadata?.resourceVersion;
      token = page.metadata?.continue || undefined;
    } while (token);
    return { items, resourceVersion };
  }

  async function get<K extends KubeKind>(kind: K, objectName: string, opts: { namespace?: string; signal?: AbortSignal } = {}, deadline = deadlineFor(opts.signal)) {
    if (objectPathProblem(kind, objectName, opts.namespace)) return undefined;
    try {
      return await call(deadline, (o) => readers[kind](apis, opts.namespace, objectName, o));
    } catch (err) {
      if (err instanceof KubeCallError && err.failure.kind === 'http' && err.failure.status === 404) return undefined;
      throw err;
    }
  }

  const writer = <K extends KubeKind>(kind: K) => writers[kind] as Writer<KubeObjects[K]>;
  const unsupported = (kind: string, verb: string) => new Error(`the gateway does not ${verb} ${kind} objects`);

  async function update<K extends KubeKind>(kind: K, objectName: string, change: (current: KubeObjects[K]) => KubeObjects[K] | void, opts: WriteOptions = {}) {
    const replace = writer(kind).replace ?? raise(unsupported(kind, 'replace'));
    assertObjectPath(kind, objectName, opts.namespace);
    // Reads and writes again on a conflict, all within one timeout.
    const deadline = deadlineFor(opts.signal);
    for (let attempt = 1; ; attempt++) {
      const current = await get(kind, objectName, opts, deadline);
      if (!current) throw new KubeCallError(name, { kind: 'http', status: 404, reason: 'NotFound' });
      const next = change(current) ?? current;
      try {
        return await call(deadline, (o) => replace(apis, opts.namespace, objectName, next, o));
      } catch (err) {
        const conflict = err instanceof KubeCallError && err.failure.kind === 'http' && err.failure.status === 409;
        if (!conflict || attempt >= 5) throw err;
      }
    }
  }

  return {
    name,
    server,
    // The object-parameter API takes its request object first: options alone would be taken for it, and dropped.
    version: (signal) => call(deadlineFor(signal), (options) => versionApi.getCode({}, options)),
    list,
    get: (kind, objectName, opts) => get(kind, objectName, opts),
    async create(kind, body, opts = {}) {
      const create = writer(kind).create ?? raise(unsupported(kind, 'create'));
      assertObjectPath(kind, undefined, opts.namespace);
      return await call(deadlineFor(opts.signal), (o) => create(apis, opts.namespace, body, o));
    },
    async patch(kind, objectName, body, opts = {}) {
      const patch = writer(kind).patch ?? raise(unsupported(kind, 'patch'));
      assertObjectPath(kind, objectName, opts.namespace);
      const type = opts.strategy === 'strategic' ? PatchStrategy.StrategicMergePatch : PatchStrategy.MergePatch;
      return call(deadlineFor(opts.signal), (o) => patch(apis, opts.namespace, objectName, body, setHeaderOptions('Content-Type', type, o)));
    },
    update,
    async delete(kind, objectName, opts = {}) {
      const remove = writer(kind).delete ?? raise(unsupported(kind, 'delete'));
      assertObjectPath(kind, objectName, opts.namespace);
      try {
        await call(deadlineFor(opts.signal), (o) => remove(apis, opts.namespace, objectName, opts.propagationPolicy ?? 'Background', o));
        return true;
      } catch (err) {
        if (err instanceof KubeCallError && err.failure.kind === 'http' && err.failure.status === 404) return false;
        throw err;
      }
    },
    async evict(podName, namespace, signal) {
      assertObjectPath('Pod', podName, namespace);
      const body = { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: podName, namespace } };
      await call(deadlineFor(signal), (o) => apis.core.createNamespacedPodEviction({ name: podName, namespace, body }, o), false);
    },
    watch: (kind, opts, onEvent, onConnected) => watchKind({ cluster: name, kubeConfig }, kind, opts, onEvent, onConnected),
  };
}

/** One call's limit, shared by every request it takes (pages, retries, re-reads). */
interface CallDeadline {
  /** Fires when the client's timeout is reached. */
  timeout: AbortSignal;
  /** The timeout or the caller's signal, whichever fires first. */
  signal: AbortSignal;
  remainingMs(): number;
}

/**
 * Rejects with an AbortError once `signal` fires, whatever `run` is doing then. The signal
 * cancels the exchange itself; this is the guarantee for what runs outside it (client-node
 * runs credential plugins before any middleware sees the request).
 */
function bounded<T>(signal: AbortSignal, run: () => Promise<T>): Promise<T> {
  const stopped = () => new DOMException('the call was stopped', 'AbortError');
  if (signal.aborted) return Promise.reject(stopped());
  const aborted = untilAborted(signal).then((): never => {
    throw stopped();
  });
  return Promise.race([run(), aborted]);
}

function raise(err: Error): never {
  throw err;
}

// 429 and 5xx are the server asking for patience; anything else will not change on a retry.
function judge(err: unknown): Retryable {
  if (!(err instanceof ApiException)) return { retryable: false };
  const retryable = err.code === 429 || (err.code >= 500 && err.code !== 501);
  return { retryable, retryAfterMs: parseRetryAfter(err.headers?.['retry-after'], Date.now()) };
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

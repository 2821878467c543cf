// What the gateway asks of each cluster, for metrics: one sample per HTTP exchange (each retry
// is one), named by Kubernetes verb and resource as RBAC names them, never by object.
import { Observable, type ObservableMiddleware } from '@kubernetes/client-node';

export interface KubeCallSample {
  cluster: string;
  /** list, watch, get, create, update, patch, delete */
  verb: string;
  /** the resource as RBAC names it: `pods`, `deployments`, `pods/eviction`, `version` */
  resource: string;
  /** the HTTP status, or how the call failed without one: `unreachable`, `timeout`, `aborted`, `unknown` */
  code: string;
  seconds: number;
}

/** Called after every exchange with a cluster; must not throw. */
export type KubeCallObserver = (sample: KubeCallSample) => void;

/** The verb and resource of an API path, as RBAC sees them (`GET /api/v1/namespaces/a/pods` → list pods). */
export function kubeRequestOf(method: string, url: string): { verb: string; resource: string } {
  const { pathname, searchParams } = new URL(url, 'http://cluster');
  if (pathname === '/version' || pathname === '/version/') return { verb: 'get', resource: 'version' };
  // /api/v1/… or /apis/<group>/<version>/…
  const parts = pathname.split('/').filter(Boolean);
  let rest = parts[0] === 'api' ? parts.slice(2) : parts.slice(3);
  if (rest[0] === 'namespaces' && rest.length >= 3) rest = rest.slice(2);
  const [resource = 'unknown', name, sub] = rest;
  const verb = verbOf(method.toUpperCase(), name !== undefined, searchParams.get('watch') === 'true');
  return { verb, resource: sub ? `${resource}/${sub}` : resource };
}

function verbOf(method: string, named: boolean, watching: boolean): string {
  switch (method) {
    case 'GET':
      return watching ? 'watch' : named ? 'get' : 'list';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return 'delete';
    default:
      return method.toLowerCase();
  }
}

/**
 * A middleware timing each exchange of one call and reporting it when the answer comes back;
 * exchanges that get no answer are reported by the caller (see `observeFailure`).
 */
export function observingMiddleware(
  cluster: string,
  observe: KubeCallObserver,
): ObservableMiddleware & { observeFailure(code: string): void; begin(method: string, url: string): void; answered(code: string): void } {
  let pending: { verb: string; resource: string; started: number } | undefined;
  const report = (code: string) => {
    if (!pending) return;
    const { verb, resource, started } = pending;
    pending = undefined;
    observe({ cluster, verb, resource, code, seconds: (performance.now() - started) / 1000 });
  };
  return {
    pre: (context) => {
      pending = { ...kubeRequestOf(context.getHttpMethod(), context.getUrl()), started: performance.now() };
      return new Observable(Promise.resolve(context));
    },
    post: (context) => {
      report(String(context.httpStatusCode));
      return new Observable(Promise.resolve(context));
    },
    observeFailure: report,
    // The same two ends, for a request sent without client-node's middleware chain.
    begin: (method, url) => {
      pending = { ...kubeRequestOf(method, url), started: performance.now() };
    },
    answered: report,
  };
}

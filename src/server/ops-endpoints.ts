// The endpoints an operator's tooling calls: liveness, readiness and Prometheus metrics.
// Cheap and unauthenticated (probes and scrapers carry no token); the Origin/Host policy
// still applies, so a web page cannot read them through a browser.
import { Router, type ErrorRequestHandler, type RequestHandler } from 'express';
import type { GatewayMetrics } from '../metrics/index.js';

/** Where the gateway is in its life; only `ready` answers /readyz with 200. */
export type GatewayPhase = 'starting' | 'ready' | 'stopping';

export interface OpsEndpointsOptions {
  phase: () => GatewayPhase;
  metrics: GatewayMetrics;
  /** the Origin/Host check (access.ts originOnly) */
  origin: RequestHandler;
}

export function opsEndpoints({ phase, metrics, origin }: OpsEndpointsOptions): Router {
  const router = Router();
  router.use(['/healthz', '/readyz', '/metrics'], origin);
  // Alive: the process answers. Never depends on clusters or the store, so it never flaps with them.
  router.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  // Ready: the store is open and the cluster registry loaded (startGateway runs after both), and not shutting down.
  router.get('/readyz', (_req, res) => {
    const now = phase();
    res.status(now === 'ready' ? 200 : 503).json({ status: now });
  });
  router.get('/metrics', (_req, res, next) => {
    metrics.registry.metrics().then((text) => res.type(metrics.registry.contentType).send(text), next);
  });
  return router;
}

/**
 * Last in the chain: an unknown path is a JSON 404, and an error no handler answered is a JSON
 * GraphQL error — a client fault (4xx, e.g. a body express could not read) as BAD_USER_INPUT,
 * anything else masked as INTERNAL_SERVER_ERROR and logged — never express's HTML page or a stack.
 */
export function jsonFallbacks({ onError }: { onError: (err: unknown) => void }): [RequestHandler, ErrorRequestHandler] {
  const notFound: RequestHandler = (req, res) => {
    res.status(404).json({ errors: [{ message: `Not found: ${req.method} ${req.path}`, extensions: { code: 'NOT_FOUND' } }] });
  };
  const failed: ErrorRequestHandler = (err: unknown, _req, res, next) => {
    if (res.headersSent) return next(err);
    const status = statusOf(err);
    if (status >= 400 && status < 500) return void res.status(status).json({ errors: [{ message: 'The request could not be read as GraphQL over HTTP', extensions: { code: 'BAD_USER_INPUT' } }] });
    onError(err);
    res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  };
  return [notFound, failed];
}

function statusOf(err: unknown): number {
  const status = typeof err === 'object' && err !== null ? ((err as { status?: unknown }).status ?? (err as { statusCode?: unknown }).statusCode) : undefined;
  return typeof status === 'number' ? status : 500;
}

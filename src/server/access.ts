// The transports' side of access control: the Origin/Host policy and authentication applied
// to HTTP requests (express middleware) and to websockets (the upgrade, then connection_init).
// What is allowed is decided in src/auth; this file only carries its answers to the wire.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Context as WsContext } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import type { VerifyClientCallbackAsync } from 'ws';
import { type Authentication, type Authenticator, type OriginPolicy, type Principal, UNAUTHENTICATED_PRINCIPAL, createAuthenticator, createOriginPolicy, isLoopbackName } from '../auth/index.js';
import { type AuthSettings, ConfigError } from '../config/index.js';
import { UnauthenticatedError } from '../errors/index.js';
import type { Logger } from '../logging/index.js';

/** graphql-ws close codes: no or bad credentials; credentials that grant nothing. */
export const CLOSE_UNAUTHENTICATED = 4401;
export const CLOSE_FORBIDDEN = 4403;

// Headers a listed origin's page may send: its token, JSON, Apollo's CSRF-preflight marker.
const CORS_HEADERS = {
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type, apollo-require-preflight',
  'access-control-max-age': '600',
};

export interface AccessOptions {
  origins: OriginPolicy;
  authenticator: Authenticator;
}

function refuse(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/**
 * Before Apollo: refuses foreign origins and (on loopback) foreign Host names with 403, answers
 * CORS preflights of listed origins, and authenticates: a bad token is a 401 for the whole request.
 */
export function httpAccess({ origins, authenticator }: AccessOptions): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    const refusal = origins.check({ origin, host: req.headers.host });
    if (refusal) return refuse(res, 403, 'FORBIDDEN', refusal.message);
    if (origins.allowsCrossOrigin(origin)) {
      res.vary('Origin').set({ 'access-control-allow-origin': origin, ...CORS_HEADERS });
      if (req.method === 'OPTIONS') return void res.status(204).end();
    }
    authenticator.authenticate(req.headers.authorization).then(
      (authentication) => {
        res.locals.authentication = authentication;
        next();
      },
      (err: unknown) => {
        if (!(err instanceof UnauthenticatedError)) return next(err);
        res.set('www-authenticate', 'Bearer');
        refuse(res, 401, 'UNAUTHENTICATED', err.message);
      },
    );
  };
}

/**
 * The Origin/Host policy alone, for endpoints anyone who reaches the port may call (health,
 * metrics): a page on another origin, or reaching loopback under a foreign name, gets 403.
 */
export function originAccess({ origins }: Pick<AccessOptions, 'origins'>): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const refusal = origins.check({ origin: req.headers.origin, host: req.headers.host });
    if (refusal) return refuse(res, 403, 'FORBIDDEN', refusal.message);
    next();
  };
}

/** Who made this HTTP request, as httpAccess found. */
export function principalOfResponse(res: Response): Principal {
  return (res.locals.authentication as Authentication | undefined)?.principal ?? UNAUTHENTICATED_PRINCIPAL;
}

export interface WebSocketAccess {
  /** the upgrade: the Origin/Host policy, refused with 403 before any socket exists */
  verifyClient: VerifyClientCallbackAsync;
  /** connection_init: `{ "authorization": "Bearer <token>" }`; 4401 without a usable one, 4403 with no role */
  onConnect(ctx: WsContext<Record<string, unknown> | undefined, Extra>): Promise<boolean>;
  /** the socket's principal, for each operation's context */
  principalOf(ctx: WsContext<Record<string, unknown> | undefined, Extra>): Principal;
}

/** The socket closes with 4401 when its credentials expire, ending every subscription on it. */
export function webSocketAccess({ origins, authenticator, now = () => Date.now() }: AccessOptions & { now?: () => number }): WebSocketAccess {
  const principals = new WeakMap<object, Principal>();
  return {
    verifyClient(info, callback) {
      const refusal = origins.check({ origin: info.origin || undefined, host: info.req.headers.host });
      callback(!refusal, refusal ? 403 : undefined, refusal?.message);
    },
    async onConnect(ctx) {
      const given = ctx.connectionParams?.authorization;
      let authentication: Authentication;
      try {
        authentication = await authenticator.authenticate(typeof given === 'string' ? given : undefined);
      } catch (err) {
        if (!(err instanceof UnauthenticatedError)) throw err;
        // A close reason holds at most 123 bytes.
        ctx.extra.socket.close(CLOSE_UNAUTHENTICATED, err.message.slice(0, 120));
        return false;
      }
      const { principal, expiresAt } = authentication;
      if (!principal.authenticated) ctx.extra.socket.close(CLOSE_UNAUTHENTICATED, 'Unauthenticated: send { "authorization": "Bearer <token>" } in connection_init');
      if (!principal.authenticated || principal.roles.length === 0) return false; // graphql-ws closes with 4403
      principals.set(ctx, principal);
      if (expiresAt) closeWhenExpired(ctx.extra.socket, expiresAt, now);
      return true;
    },
    principalOf: (ctx) => principals.get(ctx) ?? UNAUTHENTICATED_PRINCIPAL,
  };
}

// setTimeout holds at most 2^31-1 ms (about 24.8 days); a later expiry re-arms on firing.
const MAX_TIMER_MS = 2_147_483_647;

/** Closes `socket` with 4401 once `expiresAt` has passed, unless it closes first. */
function closeWhenExpired(socket: Extra['socket'], expiresAt: Date, now: () => number): void {
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    const left = expiresAt.getTime() - now();
    if (left <= 0) return socket.close(CLOSE_UNAUTHENTICATED, 'Token expired');
    timer = setTimeout(arm, Math.min(left, MAX_TIMER_MS));
  };
  arm();
  socket.once('close', () => clearTimeout(timer));
}

export interface GatewayAccessOptions {
  /** HOST, FLEETGRAPH_AUTH_FILE and FLEETGRAPH_CORS_ORIGINS, as src/config read them */
  config: { host: string; auth?: AuthSettings; corsOrigins?: readonly string[] };
  logger: Logger;
}

/**
 * The gateway's access rules from its config. Without an access file every caller is the ADMIN
 * `local`, which is said loudly, and allowed only on a loopback HOST (src/config checks it first).
 * @throws ConfigError for a gateway without an access file on another HOST
 */
export function gatewayAccess({ config, logger }: GatewayAccessOptions): { http: RequestHandler; ws: WebSocketAccess; originOnly: RequestHandler } {
  if (!config.auth) {
    if (!isLoopbackName(config.host)) throw new ConfigError(`FLEETGRAPH_AUTH_FILE must be set: HOST=${config.host} is not a loopback address`);
    logger.warn({ host: config.host }, 'FLEETGRAPH_AUTH_FILE is not set: every caller is an ADMIN named "local" (allowed only because HOST is a loopback address)');
  }
  const options = { origins: createOriginPolicy({ host: config.host, allowedOrigins: config.corsOrigins }), authenticator: createAuthenticator({ settings: config.auth }) };
  return { http: httpAccess(options), ws: webSocketAccess(options), originOnly: originAccess(options) };
}

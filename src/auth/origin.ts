// Which browser requests the gateway answers. A page on another origin must not be able to
// drive the gateway with its visitor's network position (ws://127.0.0.1:4000 from any tab),
// so a request carrying an Origin other than the gateway's own or a listed one is refused,
// on HTTP and on websocket upgrades alike. On a loopback HOST the Host header must be a
// loopback name too: a DNS-rebinding page reaches 127.0.0.1 under its own name, and with it
// its own origin. Requests without Origin (curl, servers, SDKs) are not browsers' and pass.
import { hostHeaderName, isLoopbackName } from '../config/loopback.js';

export interface OriginPolicyOptions {
  /** the gateway's HOST; a loopback one turns on the Host header check */
  host: string;
  /** FLEETGRAPH_CORS_ORIGINS: origins allowed besides the gateway's own. Default none. */
  allowedOrigins?: readonly string[];
}

export interface Refusal {
  /** for the response: says what was refused, never echoes a credential */
  readonly message: string;
}

export interface OriginPolicy {
  /** undefined when the request may go on */
  check(request: { origin?: string; host?: string }): Refusal | undefined;
  /** whether CORS headers go out for this Origin (a listed one; the gateway's own needs none) */
  allowsCrossOrigin(origin: string | undefined): boolean;
}

export function createOriginPolicy({ host, allowedOrigins = [] }: OriginPolicyOptions): OriginPolicy {
  const checkHost = isLoopbackName(host);
  const listed = new Set(allowedOrigins);
  return {
    check({ origin, host: hostHeader }) {
      if (checkHost && (hostHeader === undefined || !isLoopbackName(hostHeaderName(hostHeader)))) {
        return { message: 'This gateway listens on a loopback address and answers only requests addressed to a loopback name (Host header)' };
      }
      if (origin === undefined || listed.has(origin) || isOwnOrigin(origin, hostHeader)) return undefined;
      return { message: `Origin ${JSON.stringify(origin)} may not call this gateway; list it in FLEETGRAPH_CORS_ORIGINS to allow it` };
    },
    allowsCrossOrigin: (origin) => origin !== undefined && listed.has(origin),
  };
}

/** A page served by the gateway itself: its origin is the scheme plus the Host it asked. */
function isOwnOrigin(origin: string, hostHeader: string | undefined): boolean {
  if (hostHeader === undefined) return false;
  const lowered = hostHeader.toLowerCase();
  return origin.toLowerCase() === `http://${lowered}` || origin.toLowerCase() === `https://${lowered}`;
}

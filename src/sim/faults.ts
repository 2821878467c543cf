// Faults a cluster can be given, from code or from the fleet's control endpoint:
// slowness, a share of failing requests, being down, cut watches.
import { SimError } from './errors.js';

export interface FaultSettings {
  /** added to every matching request before it is answered, in real milliseconds; default 0 */
  latencyMs?: number;
  /**
   * added between the status line and headers of a matching answer and its body, in real
   * milliseconds: a server that starts answering and then stalls; default 0 (watches excepted)
   */
  bodyLatencyMs?: number;
  /** share of matching requests that fail, 0 to 1; default 0 */
  errorRate?: number;
  /** the next N matching requests fail, then the rest succeed (deterministic, for tests); default 0 */
  errorCount?: number;
  /** the status failing requests get: 500 (default), 503, or 429 with Retry-After */
  errorStatus?: 429 | 500 | 503;
  /** Retry-After sent with 429; default 1 */
  retryAfterSeconds?: number;
  /** limits latency and errors to one verb and/or resource (`list`, `pods/eviction`) */
  match?: { verb?: string; resource?: string };
}

export class Faults {
  private settings: FaultSettings = {};

  constructor(private readonly random: () => number = Math.random) {}

  get current(): FaultSettings {
    return { ...this.settings };
  }

  set(settings: FaultSettings): void {
    validate(settings);
    this.settings = { ...settings };
  }

  clear(): void {
    this.settings = {};
  }

  latencyFor(verb: string, resource: string): number {
    return this.applies(verb, resource) ? (this.settings.latencyMs ?? 0) : 0;
  }

  bodyLatencyFor(verb: string, resource: string): number {
    return this.applies(verb, resource) ? (this.settings.bodyLatencyMs ?? 0) : 0;
  }

  /** the failure this request gets, if it draws one */
  failureFor(verb: string, resource: string): SimError | undefined {
    const { errorRate = 0, errorCount = 0, errorStatus = 500, retryAfterSeconds = 1 } = this.settings;
    if (!this.applies(verb, resource)) return undefined;
    if (errorCount > 0) this.settings.errorCount = errorCount - 1;
    else if (errorRate <= 0 || this.random() >= errorRate) return undefined;
    if (errorStatus === 429) {
      return new SimError('TooManyRequests', 'the server has received too many requests and has asked us to try again later', { retryAfterSeconds });
    }
    if (errorStatus === 503) return new SimError('ServiceUnavailable', 'the server is currently unable to handle the request');
    return new SimError('InternalError', 'an error on the server ("injected fault") has prevented the request from succeeding');
  }

  private applies(verb: string, resource: string): boolean {
    const m = this.settings.match;
    return (!m?.verb || m.verb === verb) && (!m?.resource || m.resource === resource);
  }
}

function validate(s: FaultSettings): void {
  if (s.errorRate !== undefined && !(s.errorRate >= 0 && s.errorRate <= 1)) throw new Error(`errorRate must be within 0..1, got ${s.errorRate}`);
  if (s.errorCount !== undefined && !(Number.isInteger(s.errorCount) && s.errorCount >= 0)) throw new Error(`errorCount must be a whole number, got ${s.errorCount}`);
  if (s.latencyMs !== undefined && !(s.latencyMs >= 0)) throw new Error(`latencyMs must be >= 0, got ${s.latencyMs}`);
  if (s.bodyLatencyMs !== undefined && !(s.bodyLatencyMs >= 0)) throw new Error(`bodyLatencyMs must be >= 0, got ${s.bodyLatencyMs}`);
  if (s.errorStatus !== undefined && ![429, 500, 503].includes(s.errorStatus)) throw new Error(`errorStatus must be 429, 500 or 503, got ${s.errorStatus}`);
}

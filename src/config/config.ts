import { z } from 'zod';
import { readSinksFile, SinksFileError, type SinkConfig } from './sinks.js';
import { isLoopbackName } from './loopback.js';
import { LOG_FORMATS, LOG_LEVELS, type LogFormat, type LogLevel } from '../logging/levels.js';
import { AuthFileError, readAuthFile, type AuthSettings } from './auth-file.js';
import { readSubgraphsFile, SubgraphsFileError, type SubgraphConfig } from './subgraphs-file.js';
import { DEFAULT_QUERY_LIMITS as LIMITS, type QueryLimits } from '../limits/limits.js';

export { LOG_FORMATS, LOG_LEVELS, type LogFormat, type LogLevel };

/** Everything the gateway reads from its environment, validated once at start. */
export interface Config {
  /** HOST: interface to listen on. Default 127.0.0.1 (loopback only). */
  readonly host: string;
  /** PORT: 0 picks a free port. Default 4000. */
  readonly port: number;
  /** KUBECONFIG: kubeconfig files, `:`-separated, merged as kubectl does; when set their contexts replace the embedded fleet. */
  readonly kubeconfig?: string;
  /**
   * Set when KUBERNETES_SERVICE_HOST is (inside a pod): the cluster it runs in joins, named by
   * FLEETGRAPH_IN_CLUSTER_NAME (default `in-cluster`), and the embedded fleet is not started.
   * `pathPrefix` (tests only) is put before the ServiceAccount's /var/run/secrets paths.
   */
  readonly inCluster?: { readonly name: string; readonly pathPrefix?: string };
  /** FLEETGRAPH_CONTEXTS: kubeconfig contexts to use, comma-separated. Default: every context. */
  readonly contexts?: readonly string[];
  /** LOG_LEVEL: a pino level. Default info. */
  readonly logLevel: LogLevel;
  /** DATA_DIR: where the gateway keeps its files. Default ./.fleetgraph */
  readonly dataDir: string;
  /** MONGODB_URI: the store's database; without it the store stays on local files. */
  readonly mongodbUri?: string;
  /** SIM_CLUSTERS: size of the embedded simulated fleet. Default 3. */
  readonly simClusters: number;
  /** SIM_SPEED: how many times faster than real time the embedded fleet's controllers run (pod starts, host reboots). Default 1. */
  readonly simSpeed: number;
  /** CLUSTER_TIMEOUT_MS: limit for one call to one cluster. Default 5000. */
  readonly clusterTimeoutMs: number;
  /** CLUSTER_CONCURRENCY: clusters called at once during a fan-out. Default 8. */
  readonly clusterConcurrency: number;
  /** ALLOW_PRIVILEGED_CONTAINERS: let deployed pods break the Pod Security baseline. Default false. */
  readonly allowPrivilegedContainers: boolean;
  /** MAX_REPLICAS: the most replicas scaleWorkload and deployWorkload accept. Default 10000. */
  readonly maxReplicas: number;
  /**
   * FLEETGRAPH_SECRET_KEY: 32 bytes, as 64 hex digits or base64, that encrypt registered clusters'
   * tokens in the store (AES-256-GCM). Default none: tokens are kept only where no one else can
   * read them (the embedded store's private files) and refused with MongoDB.
   */
  readonly secretKey?: Buffer;
  /** FLEETGRAPH_SINKS_FILE: HTTP endpoints that get resource changes pushed (see README, "Event sinks"). Default none. */
  readonly sinks?: readonly SinkConfig[];
  /**
   * FLEETGRAPH_AUTH_FILE: who may call the gateway (see README, "Security"). Without it every
   * caller is the ADMIN `local`, which only a loopback HOST allows.
   */
  readonly auth?: AuthSettings;
  /**
   * FLEETGRAPH_SUBGRAPHS_FILE: other Apollo Federation subgraphs composed with fleetgraph's own into
   * the supergraph served on /graphql (see README, "Federation"). Default none: fleetgraph alone.
   */
  readonly subgraphs?: readonly SubgraphConfig[];
  /** FLEETGRAPH_CORS_ORIGINS: browser origins, besides the gateway's own, allowed to call it. Default none. */
  readonly corsOrigins: readonly string[];
  /** CACHE_IDLE_SECONDS: how long the read cache keeps a (cluster, kind) no query has read. Default 300. */
  readonly cacheIdleSeconds?: number;
  /** OPERATION_LEASE_SECONDS: how long a gateway's lease on a running operation lasts unless renewed. Default 30. */
  readonly operationLeaseSeconds?: number;
  /** IDEMPOTENCY_KEY_TTL_SECONDS: how long an idempotency key names its operation. Default 86 400 (24 h). */
  readonly idempotencyKeyTtlSeconds?: number;
  /** SHUTDOWN_DELAY_MS: how long /readyz fails before the gateway stops listening on SIGTERM. Default 0 (5000 in deploy/kubernetes). */
  readonly shutdownDelayMs: number;
  /** SHUTDOWN_GRACE_MS: how long in-flight requests may run once the gateway stops listening. Default 10 000. */
  readonly shutdownGraceMs: number;
  /** LOG_FORMAT: json (one object per line, the default) or pretty (for people at a terminal). */
  readonly logFormat: LogFormat;
  /** QUERY_MAX_* , QUERY_TIMEOUT_MS, HTTP_MAX_BODY_BYTES, WS_MAX_*: what one request may cost (src/limits). */
  readonly limits: QueryLimits;
}

/** Raised when a variable holds a value the gateway cannot use; the message names each one. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

// Values that must never be echoed back in an error message.
const SECRET_VARIABLES = new Set(['MONGODB_URI', 'FLEETGRAPH_SECRET_KEY']);

function integer(min: number, max: number) {
  const message = `must be a whole number from ${min} to ${max}`;
  return z
    .string()
    .regex(/^\d+$/, message)
    .transform(Number)
    .refine((n) => n >= min && n <= max, message);
}

const commaList = z
  .string()
  .transform((text) => text.split(',').map((part) => part.trim()).filter((part) => part !== ''))
  .refine((names) => names.length > 0, 'must name at least one context');

const SECRET_KEY_FORMAT = 'must be 32 bytes as 64 hex digits or as base64 (44 characters), e.g. from `openssl rand -base64 32`';

// 32 bytes: 64 hex digits, or canonical base64 (or base64url) of exactly 32 bytes.
const secretKey = z
  .string()
  .transform((text, ctx) => {
    const trimmed = text.trim();
    const bytes = /^[0-9a-fA-F]{64}$/.test(trimmed)
      ? Buffer.from(trimmed, 'hex')
      : /^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed) ? Buffer.from(trimmed, 'base64') : undefined;
    if (bytes?.length === 32) return bytes;
    ctx.addIssue({ code: 'custom', message: SECRET_KEY_FORMAT });
    return z.NEVER;
  });

const environment = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: integer(0, 65_535).default(4000),
  KUBECONFIG: z.string().optional(),
  FLEETGRAPH_CONTEXTS: commaList.optional(),
  KUBERNETES_SERVICE_HOST: z.string().optional(),
  FLEETGRAPH_IN_CLUSTER_NAME: z.string().regex(/^[a-z0-9]([-a-z0-9.]{0,61}[a-z0-9])?$/, 'must be a cluster name: lower-case letters, digits, - and .').default('in-cluster'),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  DATA_DIR: z.string().default('./.fleetgraph'),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional(),
  SIM_CLUSTERS: integer(1, 100).default(3),
  SIM_SPEED: integer(1, 1000).default(1),
  CLUSTER_TIMEOUT_MS: integer(1, 600_000).default(5000),
  CLUSTER_CONCURRENCY: integer(1, 1000).default(8),
  ALLOW_PRIVILEGED_CONTAINERS: z
    .stringbool({ error: 'must be true or false (also accepted: 1/0, yes/no, on/off)' })
    .default(false),
  MAX_REPLICAS: integer(1, 1_000_000).default(10_000),
  FLEETGRAPH_SINKS_FILE: z.string().optional(),
  FLEETGRAPH_AUTH_FILE: z.string().optional(),
  FLEETGRAPH_SUBGRAPHS_FILE: z.string().optional(),
  FLEETGRAPH_CORS_ORIGINS: z
    .string()
    .transform((text) => text.split(',').map((part) => part.trim()).filter((part) => part !== ''))
    .refine((origins) => origins.every(isOrigin), 'must be origins such as https://console.example:8443, comma-separated (scheme, host, optional port; no path)')
    .optional(),
  FLEETGRAPH_SECRET_KEY: secretKey.optional(),
  OPERATION_LEASE_SECONDS: integer(1, 3600).default(30),
  CACHE_IDLE_SECONDS: integer(1, 86_400).default(300),
  IDEMPOTENCY_KEY_TTL_SECONDS: integer(60, 30 * 86_400).default(86_400),
  SHUTDOWN_DELAY_MS: integer(0, 600_000).default(0),
  SHUTDOWN_GRACE_MS: integer(0, 3_600_000).default(10_000),
  LOG_FORMAT: z.enum(LOG_FORMATS, { error: `must be one of ${LOG_FORMATS.join(', ')}` }).default('json'),
  QUERY_MAX_DEPTH: integer(1, 1000).default(LIMITS.maxDepth),
  QUERY_MAX_ALIASES: integer(0, 100_000).default(LIMITS.maxAliases),
  QUERY_MAX_TOKENS: integer(1, 1_000_000).default(LIMITS.maxTokens),
  QUERY_MAX_DIRECTIVES: integer(0, 100_000).default(LIMITS.maxDirectives),
  QUERY_MAX_FIELD_REPEATS: integer(1, 100_000).default(LIMITS.maxFieldRepeats),
  QUERY_MAX_COST: integer(1, 1_000_000_000).default(LIMITS.maxCost),
  QUERY_TIMEOUT_MS: integer(1, 3_600_000).default(LIMITS.timeoutMs),
  QUERY_MAX_RESPONSE_BYTES: integer(1024, 2_000_000_000).default(LIMITS.maxResponseBytes),
  HTTP_MAX_BODY_BYTES: integer(1024, 1_000_000_000).default(LIMITS.maxBodyBytes),
  WS_MAX_SUBSCRIPTIONS: integer(1, 100_000).default(LIMITS.maxSubscriptionsPerSocket),
  WS_MAX_MESSAGE_BYTES: integer(1024, 1_000_000_000).default(LIMITS.maxMessageBytes),
});

/** An origin as browsers send it: scheme://host[:port], nothing more. */
function isOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return /^https?:$/.test(url.protocol) && url.origin === text;
  } catch {
    return false;
  }
}

/**
 * Reads and validates the gateway's environment. The one place that touches
 * process.env; everything else receives the returned Config.
 * Empty variables count as unset, as shells and compose files often leave them so.
 * @throws ConfigError naming every variable with a bad value.
 * @throws ConfigError too when FLEETGRAPH_SINKS_FILE, FLEETGRAPH_AUTH_FILE or FLEETGRAPH_SUBGRAPHS_FILE names a file that is missing or invalid.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = environment.safeParse(present);
  if (!parsed.success) throw new ConfigError(describeIssues(parsed.error.issues, present));
  const vars = parsed.data;
  if (vars.FLEETGRAPH_AUTH_FILE === undefined && !isLoopbackName(vars.HOST)) {
    throw new ConfigError(
      `Invalid environment:\n  FLEETGRAPH_AUTH_FILE: must be set when HOST=${JSON.stringify(vars.HOST)} is not a loopback address; ` +
        'without it every caller would be an ADMIN (see README, "Security")',
    );
  }
  return {
    host: vars.HOST,
    port: vars.PORT,
    kubeconfig: vars.KUBECONFIG,
    inCluster: vars.KUBERNETES_SERVICE_HOST ? { name: vars.FLEETGRAPH_IN_CLUSTER_NAME } : undefined,
    contexts: vars.FLEETGRAPH_CONTEXTS,
    logLevel: vars.LOG_LEVEL,
    dataDir: vars.DATA_DIR,
    mongodbUri: vars.MONGODB_URI,
    simClusters: vars.SIM_CLUSTERS,
    simSpeed: vars.SIM_SPEED,
    clusterTimeoutMs: vars.CLUSTER_TIMEOUT_MS,
    clusterConcurrency: vars.CLUSTER_CONCURRENCY,
    allowPrivilegedContainers: vars.ALLOW_PRIVILEGED_CONTAINERS,
    maxReplicas: vars.MAX_REPLICAS,
    secretKey: vars.FLEETGRAPH_SECRET_KEY,
    // The sinks file names the variables holding its credentials, so it is read here, with env.
    sinks: vars.FLEETGRAPH_SINKS_FILE ? sinksFrom(vars.FLEETGRAPH_SINKS_FILE, present) : undefined,
    auth: vars.FLEETGRAPH_AUTH_FILE ? authFrom(vars.FLEETGRAPH_AUTH_FILE) : undefined,
    subgraphs: vars.FLEETGRAPH_SUBGRAPHS_FILE ? subgraphsFrom(vars.FLEETGRAPH_SUBGRAPHS_FILE) : undefined,
    corsOrigins: vars.FLEETGRAPH_CORS_ORIGINS ?? [],
    operationLeaseSeconds: vars.OPERATION_LEASE_SECONDS,
    cacheIdleSeconds: vars.CACHE_IDLE_SECONDS,
    idempotencyKeyTtlSeconds: vars.IDEMPOTENCY_KEY_TTL_SECONDS,
    shutdownDelayMs: vars.SHUTDOWN_DELAY_MS,
    shutdownGraceMs: vars.SHUTDOWN_GRACE_MS,
    logFormat: vars.LOG_FORMAT,
    limits: {
      maxDepth: vars.QUERY_MAX_DEPTH,
      maxAliases: vars.QUERY_MAX_ALIASES,
      maxTokens: vars.QUERY_MAX_TOKENS,
      maxDirectives: vars.QUERY_MAX_DIRECTIVES,
      maxFieldRepeats: vars.QUERY_MAX_FIELD_REPEATS,
      maxCost: vars.QUERY_MAX_COST,
      timeoutMs: vars.QUERY_TIMEOUT_MS,
      maxResponseBytes: vars.QUERY_MAX_RESPONSE_BYTES,
      maxBodyBytes: vars.HTTP_MAX_BODY_BYTES,
      maxSubscriptionsPerSocket: vars.WS_MAX_SUBSCRIPTIONS,
      maxMessageBytes: vars.WS_MAX_MESSAGE_BYTES,
    },
  };
}

function sinksFrom(path: string, env: Record<string, string | undefined>): SinkConfig[] {
  try {
    return readSinksFile(path, env);
  } catch (err) {
    if (err instanceof SinksFileError) throw new ConfigError(`FLEETGRAPH_SINKS_FILE: ${err.message}`);
    throw err;
  }
}

function authFrom(path: string): AuthSettings {
  try {
    return readAuthFile(path);
  } catch (err) {
    if (err instanceof AuthFileError) throw new ConfigError(`FLEETGRAPH_AUTH_FILE: ${err.message}`);
    throw err;
  }
}

function subgraphsFrom(path: string): SubgraphConfig[] {
  try {
    return readSubgraphsFile(path);
  } catch (err) {
    if (err instanceof SubgraphsFileError) throw new ConfigError(`FLEETGRAPH_SUBGRAPHS_FILE: ${err.message}`);
    throw err;
  }
}

function describeIssues(issues: readonly z.core.$ZodIssue[], env: Record<string, string | undefined>): string {
  const lines = issues.map((issue) => {
    const variable = String(issue.path[0]);
    const shown = SECRET_VARIABLES.has(variable) ? '' : `=${JSON.stringify(env[variable])}`;
    return `  ${variable}${shown}: ${issue.message}`;
  });
  return `Invalid environment:\n${lines.join('\n')}`;
}

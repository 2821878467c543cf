import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config/index.js';
import { DEFAULT_QUERY_LIMITS } from '../../src/limits/index.js';

const HASH = 'a'.repeat(64);
const AUTH_FILE = join(mkdtempSync(join(tmpdir(), 'fleetgraph-config-')), 'access.yaml');
writeFileSync(AUTH_FILE, `tokens:\n  - { name: ci-bot, sha256: ${HASH}, roles: [VIEWER] }\n`);

describe('loadConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    expect(loadConfig({})).toEqual({
      host: '127.0.0.1',
      port: 4000,
      kubeconfig: undefined,
      contexts: undefined,
      logLevel: 'info',
      logFormat: 'json',
      shutdownDelayMs: 0,
      shutdownGraceMs: 10_000,
      dataDir: './.fleetgraph',
      mongodbUri: undefined,
      simClusters: 3,
      simSpeed: 1,
      clusterTimeoutMs: 5000,
      clusterConcurrency: 8,
      allowPrivilegedContainers: false,
      corsOrigins: [],
      maxReplicas: 10_000,
      operationLeaseSeconds: 30,
      cacheIdleSeconds: 300,
      idempotencyKeyTtlSeconds: 86_400,
      sinks: undefined,
      limits: DEFAULT_QUERY_LIMITS,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      HOST: '0.0.0.0',
      PORT: '0',
      KUBECONFIG: '/etc/kube/config',
      FLEETGRAPH_CONTEXTS: 'prod-eu, prod-us,,',
      LOG_LEVEL: 'debug',
      DATA_DIR: '/var/lib/fleetgraph',
      MONGODB_URI: 'mongodb://db:27017/fleet',
      SIM_CLUSTERS: '5',
      SIM_SPEED: '20',
      CLUSTER_TIMEOUT_MS: '250',
      CLUSTER_CONCURRENCY: '2',
      ALLOW_PRIVILEGED_CONTAINERS: 'true',
      FLEETGRAPH_AUTH_FILE: AUTH_FILE,
      FLEETGRAPH_CORS_ORIGINS: 'https://console.example, http://localhost:3000',
      MAX_REPLICAS: '50',
      OPERATION_LEASE_SECONDS: '10',
      CACHE_IDLE_SECONDS: '60',
      IDEMPOTENCY_KEY_TTL_SECONDS: '3600',
      QUERY_MAX_DEPTH: '5',
      QUERY_MAX_ALIASES: '6',
      QUERY_MAX_TOKENS: '700',
      QUERY_MAX_DIRECTIVES: '8',
      QUERY_MAX_FIELD_REPEATS: '4',
      QUERY_MAX_COST: '9000',
      QUERY_TIMEOUT_MS: '1000',
      QUERY_MAX_RESPONSE_BYTES: '1048576',
      HTTP_MAX_BODY_BYTES: '2048',
      WS_MAX_SUBSCRIPTIONS: '3',
      WS_MAX_MESSAGE_BYTES: '4096',
      LOG_FORMAT: 'pretty',
      SHUTDOWN_DELAY_MS: '5000',
      SHUTDOWN_GRACE_MS: '20000',
    });
    expect(config).toEqual({
      host: '0.0.0.0',
      port: 0,
      kubeconfig: '/etc/kube/config',
      contexts: ['prod-eu', 'prod-us'],
      logLevel: 'debug',
      logFormat: 'pretty',
      shutdownDelayMs: 5000,
      shutdownGraceMs: 20_000,
      dataDir: '/var/lib/fleetgraph',
      mongodbUri: 'mongodb://db:27017/fleet',
      simClusters: 5,
      simSpeed: 20,
      clusterTimeoutMs: 250,
      clusterConcurrency: 2,
      allowPrivilegedContainers: true,
      auth: { tokens: [{ name: 'ci-bot', sha256: HASH, roles: ['VIEWER'] }] },
      corsOrigins: ['https://console.example', 'http://localhost:3000'],
      maxReplicas: 50,
      operationLeaseSeconds: 10,
      cacheIdleSeconds: 60,
      idempotencyKeyTtlSeconds: 3600,
      sinks: undefined,
      limits: {
        maxDepth: 5,
        maxAliases: 6,
        maxTokens: 700,
        maxDirectives: 8,
        maxFieldRepeats: 4,
        maxCost: 9000,
        timeoutMs: 1000,
        maxResponseBytes: 1_048_576,
        maxBodyBytes: 2048,
        maxSubscriptionsPerSocket: 3,
        maxMessageBytes: 4096,
      },
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', KUBECONFIG: '' })).toMatchObject({ port: 4000, kubeconfig: undefined });
  });

  it.each([
    ['1', true],
    ['yes', true],
    ['false', false],
    ['0', false],
  ])('reads ALLOW_PRIVILEGED_CONTAINERS=%s as %s', (value, expected) => {
    expect(loadConfig({ ALLOW_PRIVILEGED_CONTAINERS: value }).allowPrivilegedContainers).toBe(expected);
  });

  it.each([
    ['PORT', 'abc', /PORT="abc": must be a whole number from 0 to 65535/],
    ['PORT', '70000', /PORT="70000"/],
    ['SIM_CLUSTERS', '0', /SIM_CLUSTERS="0": must be a whole number from 1/],
    ['SIM_SPEED', '0', /SIM_SPEED="0": must be a whole number from 1/],
    ['LOG_FORMAT', 'xml', /LOG_FORMAT="xml": must be one of json, pretty/],
    ['SHUTDOWN_DELAY_MS', '-1', /SHUTDOWN_DELAY_MS="-1": must be a whole number from 0/],
    ['SHUTDOWN_GRACE_MS', 'soon', /SHUTDOWN_GRACE_MS="soon": must be a whole number from 0/],
    ['FLEETGRAPH_IN_CLUSTER_NAME', 'In_Cluster', /FLEETGRAPH_IN_CLUSTER_NAME="In_Cluster": must be a cluster name/],
    ['CLUSTER_TIMEOUT_MS', '1.5', /CLUSTER_TIMEOUT_MS="1.5"/],
    ['CLUSTER_CONCURRENCY', '-1', /CLUSTER_CONCURRENCY="-1"/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL="loud": must be one of fatal, error/],
    ['ALLOW_PRIVILEGED_CONTAINERS', 'maybe', /ALLOW_PRIVILEGED_CONTAINERS="maybe": must be true or false/],
    ['MAX_REPLICAS', '0', /MAX_REPLICAS="0": must be a whole number from 1 to 1000000/],
    ['MAX_REPLICAS', 'many', /MAX_REPLICAS="many"/],
    ['FLEETGRAPH_CONTEXTS', ' , ', /FLEETGRAPH_CONTEXTS=" , ": must name at least one context/],
    ['FLEETGRAPH_CORS_ORIGINS', 'https://console.example/app', /FLEETGRAPH_CORS_ORIGINS=".*": must be origins such as/],
    ['QUERY_MAX_DEPTH', '0', /QUERY_MAX_DEPTH="0": must be a whole number from 1/],
    ['QUERY_MAX_COST', 'lots', /QUERY_MAX_COST="lots"/],
    ['QUERY_TIMEOUT_MS', '-5', /QUERY_TIMEOUT_MS="-5"/],
    ['HTTP_MAX_BODY_BYTES', '10', /HTTP_MAX_BODY_BYTES="10": must be a whole number from 1024/],
    ['WS_MAX_MESSAGE_BYTES', '1.5', /WS_MAX_MESSAGE_BYTES="1.5"/],
    ['WS_MAX_SUBSCRIPTIONS', '0', /WS_MAX_SUBSCRIPTIONS="0"/],
    ['QUERY_MAX_ALIASES', 'some', /QUERY_MAX_ALIASES="some"/],
    ['QUERY_MAX_TOKENS', '-1', /QUERY_MAX_TOKENS="-1"/],
    ['QUERY_MAX_DIRECTIVES', '2.5', /QUERY_MAX_DIRECTIVES="2.5"/],
    ['QUERY_MAX_FIELD_REPEATS', '0', /QUERY_MAX_FIELD_REPEATS="0"/],
    ['QUERY_MAX_RESPONSE_BYTES', 'big', /QUERY_MAX_RESPONSE_BYTES="big"/],
    ['OPERATION_LEASE_SECONDS', '0', /OPERATION_LEASE_SECONDS="0"/],
    ['CACHE_IDLE_SECONDS', '0', /CACHE_IDLE_SECONDS="0"/],
    ['CACHE_IDLE_SECONDS', 'an hour', /CACHE_IDLE_SECONDS="an hour"/],
    ['IDEMPOTENCY_KEY_TTL_SECONDS', 'forever', /IDEMPOTENCY_KEY_TTL_SECONDS="forever"/],
  ])('rejects %s=%s with a message naming the variable', (name, value, message) => {
    const load = () => loadConfig({ [name]: value });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(message);
  });

  it('names every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'y' })).toThrow(/PORT="x".*\n.*LOG_LEVEL="y"/);
  });

  it('does not echo the value of MONGODB_URI', () => {
    const load = () => loadConfig({ MONGODB_URI: 'postgres://user:secret@db' });
    expect(load).toThrow(/MONGODB_URI: must start with mongodb:\/\//);
    expect(load).not.toThrow(/secret/);
  });
});

describe('FLEETGRAPH_SECRET_KEY', () => {
  const bytes = Buffer.from(Array.from({ length: 32 }, (_, i) => i * 7));

  it.each([
    ['64 hex digits', bytes.toString('hex')],
    ['base64', bytes.toString('base64')],
    ['base64url without padding', bytes.toString('base64url')],
  ])('reads 32 bytes given as %s', (_, key) => {
    expect(loadConfig({ FLEETGRAPH_SECRET_KEY: key }).secretKey).toEqual(bytes);
  });

  it.each([
    ['too short', 'c2hvcnQ='],
    ['31 bytes of hex', 'ab'.repeat(31)],
    ['33 bytes of base64', Buffer.alloc(33, 1).toString('base64')],
    ['not base64', '!'.repeat(44)],
  ])('refuses a key %s, naming the variable and not its value', (_, key) => {
    const load = () => loadConfig({ FLEETGRAPH_SECRET_KEY: key });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow('FLEETGRAPH_SECRET_KEY: must be 32 bytes as 64 hex digits or as base64');
    expect(load).not.toThrow(key);
  });
});

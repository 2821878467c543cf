// The built `fleetgraph` CLI as a subprocess against one gateway on the simulator: every command,
// table, JSON and YAML output, and every exit code. Help and usage errors run in process through
// run(), with one subprocess each for --help and an unknown option.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import WebSocket from 'ws';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { buildProgram, run } from '../../src/cli/program.js';
import { parseRef } from '../../src/cli/change-commands.js';
import type { CliIo } from '../../src/cli/io.js';
import type { KubeObject } from '../../src/sim/objects.js';
import { resourceByKind } from '../../src/sim/resources.js';
import { caller } from '../auth/tokens.js';
import { type TestGateway, startTestGateway } from '../support/gateway.js';
import { imageOf, published } from '../support/operations.js';
import { until } from '../support/wait.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = `${root}dist-cli/src/cli/main.js`;
const ADMIN = caller('ci', ['ADMIN']);
const VIEWER = caller('dashboard', ['VIEWER']);
const NODE = resourceByKind('Node');
const DEPLOYMENT = resourceByKind('Deployment');

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

let gw: TestGateway;

function env(more: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, FLEETGRAPH_URL: gw.url, FLEETGRAPH_TOKEN: ADMIN.token, ...more };
}

/** The CLI as a subprocess, to its end. */
function cli(args: string[], more: Record<string, string> = {}): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, [MAIN, ...args], { env: env(more), timeout: 20_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, stdout, stderr });
    });
  });
}

/** The CLI as a subprocess still running: its output so far and its end. */
function started(args: string[]): { child: ChildProcess; out: () => string; done: Promise<Result> } {
  const child = spawn(process.execPath, [MAIN, ...args], { env: env() });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Result>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, out: () => stdout, done };
}

/** run() in process, writing to strings. */
async function inProcess(args: string[], { tty = false } = {}): Promise<Result> {
  const stdout = new PassThrough();
  const stderr = Object.assign(new PassThrough(), { isTTY: tty, columns: 120 });
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const io: CliIo = { stdout, stderr, env: { FLEETGRAPH_URL: gw?.url ?? 'http://127.0.0.1:9/graphql', FLEETGRAPH_TOKEN: ADMIN.token }, webSocketImpl: WebSocket };
  const code = await run(args, io);
  return { code, stdout: out, stderr: err };
}

/** `promise`, or a rejection naming `what` after `ms`. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

const json = <T = unknown>(r: Result): T => JSON.parse(r.stdout) as T;

beforeAll(async () => {
  // Only the CLI and what it imports, incrementally: a few seconds, not the whole build.
  const build = promisify(execFile)(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', `${root}tsconfig.cli.json`]);
  [gw] = await Promise.all([startTestGateway({ speed: 50, auth: { tokens: [ADMIN.entry, VIEWER.entry] } }), build]);
}, 60_000);
afterAll(() => gw?.stop());

describe('help and usage, in process', () => {
  const commands = (command: Command): Command[] => command.commands.flatMap((c) => [c, ...commands(c)]);
  const paths = commands(buildProgram({ stdout: process.stdout, stderr: process.stderr, env: {} })).map((c) => {
    const names: string[] = [];
    for (let at: Command | null = c; at?.parent; at = at.parent) names.unshift(at.name());
    return names;
  });

  it('has every command the issue lists', () => {
    expect(paths.map((p) => p.join(' ')).sort()).toEqual(
      ['cancel', 'candidates', 'clusters', 'env', 'env create', 'env delete', 'env list', 'env update', 'hosts', 'operation', 'operations', 'restart', 'restart hosts', 'restart workloads', 'rollout', 'watch', 'workloads'].sort(),
    );
  });

  it.each(paths.map((p) => [p.join(' '), p]))('%s --help exits 0 with its usage', async (name, path) => {
    const r = await inProcess([...path, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: fleetgraph ${name}`);
  });

  it.each([
    [['frobnicate'], /unknown command 'frobnicate'/],
    [[], /Usage: fleetgraph/],
    [['clusters', '--bogus'], /unknown option '--bogus'/],
    [['-o', 'xml', 'clusters'], /Allowed choices are table, json, yaml/],
    [['hosts', '--status', 'weird'], /must be one of ACTIVE, CORDONED/],
    [['workloads', '--status', 'GREEN'], /must be one of AVAILABLE/],
    [['candidates'], /missing required argument 'image'/],
    [['candidates', 'acme/web:1.0.0', '--filter', 'version,colour'], /must be one of IMAGE_NAME/],
    [['rollout', 'acme/web:1.0.0', '--max-parallel', '0'], /must be a whole number of at least 1/],
    [['rollout', 'acme/web:1.0.0', '--timeout', 'soon'], /must be a whole number of at least 1/],
    [['restart', 'workloads'], /name the workloads one way/],
    [['restart', 'workloads', 'staging/acme-staging/web', '--image', 'acme/web'], /name the workloads one way/],
    [['restart', 'workloads', 'staging/web'], /bad workload "staging\/web"/],
    [['restart', 'workloads', 'staging/acme-staging/pod/web'], /kind must be one of DEPLOYMENT/],
    [['restart', 'hosts', 'node-1'], /required option '--cluster <name>' not specified/],
    [['env', 'create', 'acme:qa'], /required option '--cluster <name>'/],
    [['watch', '--kind', 'secret'], /must be one of DAEMONSET/],
  ])('%j is a usage error: exit 2', async (args, message) => {
    const r = await inProcess(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('reads workload references with a kind or as Deployments', () => {
    expect(parseRef('prod-eu/acme-production/web')).toEqual({ cluster: 'prod-eu', namespace: 'acme-production', kind: 'DEPLOYMENT', name: 'web' });
    expect(parseRef('prod-eu/acme-production/statefulset/postgres')).toEqual({ cluster: 'prod-eu', namespace: 'acme-production', kind: 'STATEFULSET', name: 'postgres' });
  });

  it('shows a progress bar on a TTY while it waits', async () => {
    const r = await inProcess(['restart', 'workloads', 'prod-us/acme-production/worker', '--wait'], { tty: true });
    expect(r).toMatchObject({ code: 0 });
    expect(r.stderr).toMatch(/SUCCEEDED \[=+\] 1\/1 targets/);
    expect(r.stdout).toMatch(/^operation \S+ {2}RESTART {2}SUCCEEDED {2}1\/1 targets/);
  });
});

describe('the CLI as a subprocess', () => {
  it('--help lists the commands; an unknown option exits 2', async () => {
    const [help, bad] = await Promise.all([cli(['--help']), cli(['hosts', '--colour', 'red'])]);
    expect(help.code).toBe(0);
    for (const name of ['clusters', 'hosts', 'workloads', 'candidates', 'rollout', 'restart', 'operations', 'operation', 'cancel', 'env', 'watch']) expect(help.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toMatch(/unknown option '--colour'/);
  });

  it('lists clusters, hosts, workloads, candidates and environments as tables, JSON and YAML', async () => {
    const [table, asJson, asYaml, hosts, hostTable, workloads, workloadTable, candidates, candidateTable, envs] = await Promise.all([
      cli(['clusters']),
      cli(['-o', 'json', 'clusters']),
      cli(['clusters', '--output', 'yaml']),
      cli(['hosts', '--cluster', 'staging', '--status', 'active', '-o', 'json']),
      cli(['hosts', '--cluster', 'prod-eu']),
      cli(['workloads', '--image', 'acme/web', '-o', 'json']),
      cli(['workloads', '-l', 'tier=frontend', '--cluster', 'staging']),
      cli(['candidates', 'acme/web:2.5.0', '--filter', 'imageName', '-o', 'json']),
      cli(['candidates', 'acme/api:1.4.3_20_0a0b0c0d', '--cluster', 'prod-eu']),
      cli(['env', 'list', '-o', 'yaml']),
    ]);
    for (const r of [table, asJson, asYaml, hosts, hostTable, workloads, workloadTable, candidates, candidateTable, envs]) expect(r).toMatchObject({ code: 0, stderr: '' });

    expect(table.stdout.split('\n')[0]).toMatch(/^NAME +STATUS +VERSION +HOSTS +SOURCE +SERVER$/);
    expect(table.stdout).toMatch(/^staging +OK +\S+ +3\/3 +EMBEDDED /m);
    const clusters = json<{ name: string; status: string }[]>(asJson);
    expect(clusters.map((c) => c.name)).toEqual(['prod-eu', 'prod-us', 'staging']);
    expect(parseYaml(asYaml.stdout)).toEqual(clusters);

    expect(json<{ name: string; status: string }[]>(hosts).map((h) => [h.name, h.status])).toEqual([
      ['staging-node-1', 'ACTIVE'],
      ['staging-node-2', 'ACTIVE'],
      ['staging-node-3', 'ACTIVE'],
    ]);
    expect(hostTable.stdout.split('\n')[0]).toMatch(/^CLUSTER +NAME +STATUS +ROLES +KUBELET +PODS$/);
    expect(hostTable.stdout).toMatch(/^prod-eu +prod-eu-node-4 +ACTIVE /m);

    expect(json<{ cluster: { name: string }; containers: { image: string }[] }[]>(workloads).map((w) => `${w.cluster.name} ${w.containers[0]!.image}`).sort()).toEqual(['prod-eu acme/web:2.3.0', 'prod-us acme/web:2.3.0', 'staging acme/web:2.4.0']);
    expect(workloadTable.stdout).toMatch(/^CLUSTER +NAMESPACE +KIND +NAME +STATUS +READY +IMAGES\nstaging +acme-staging +DEPLOYMENT +web +AVAILABLE +2\/2 +acme\/web:2.4.0\n$/);

    const plans = json<{ cluster: { name: string }; upgrade: { workload: { name: string } }[] }[]>(candidates);
    expect(plans.map((p) => [p.cluster.name, p.upgrade.map((c) => c.workload.name)]).sort()).toEqual([['prod-eu', ['web']], ['prod-us', ['web']], ['staging', ['web']]]);
    expect(candidateTable.stdout).toMatch(/^prod-eu +acme-production +api +api +acme\/api:1.4.2_17_a1b2c3d4 +UPGRADE/m);

    expect((parseYaml(envs.stdout) as { name: string }[]).map((e) => e.name)).toEqual(expect.arrayContaining(['acme:staging', 'acme:production']));
  });

  it('exits 2 on BAD_USER_INPUT and 3 when unreachable or the token is refused, printing message and code', async () => {
    const [badInput, badToken, forbidden, unreachable] = await Promise.all([
      cli(['workloads', '-l', '!!']),
      cli(['clusters'], { FLEETGRAPH_TOKEN: 'not-a-token' }),
      cli(['rollout', 'acme/web:9.9.9', '--dry-run', '--token', VIEWER.token]),
      cli(['clusters', '--url', 'http://127.0.0.1:9/graphql']),
    ]);
    expect(badInput).toMatchObject({ code: 2, stdout: '' });
    expect(badInput.stderr).toMatch(/^error: .*labelSelector.* \(BAD_USER_INPUT\)\n$/);
    expect(badToken.code).toBe(3);
    expect(badToken.stderr).toMatch(/\(UNAUTHENTICATED\)\n$/);
    expect(forbidden.code).toBe(3);
    expect(forbidden.stderr).toMatch(/\(FORBIDDEN\)\n$/);
    expect(unreachable.code).toBe(3);
    expect(unreachable.stderr).toMatch(/^error: Cannot reach http:\/\/127.0.0.1:9\/graphql: .*\(NETWORK_ERROR\)\n$/);
  });

  let ids: Record<string, string> = {};
  it('rolls out, restarts workloads and hosts and manages environments, waiting with plain progress lines', async () => {
    const [dryRun, rollout, restart, byImage, hosts] = await Promise.all([
      cli(['rollout', 'acme/web:2.5.0', '--cluster', 'prod-eu', '--dry-run', '-o', 'json']),
      cli(['rollout', 'acme/web:2.5.0', '--cluster', 'staging', '--max-parallel', '2', '--timeout', '120', '--wait']),
      cli(['restart', 'workloads', 'staging/acme-staging/api', '--wait', '-o', 'json']),
      cli(['restart', 'workloads', '--image', 'acme/worker', '--cluster', 'staging', '--namespace', 'acme-staging', '-o', 'yaml']),
      cli(['restart', 'hosts', '--cluster', 'prod-us', 'prod-us-node-4', '--max-unavailable', '1', '--wait', '-o', 'yaml']),
    ]);
    for (const r of [dryRun, rollout, restart, byImage, hosts]) expect(r.code).toBe(0);

    expect(json(dryRun)).toMatchObject({ kind: 'ROLLOUT', status: 'SUCCEEDED', dryRun: true, targets: [{ cluster: 'prod-eu', name: 'web', status: 'SKIPPED', toImage: 'acme/web:2.5.0' }] });
    expect(imageOf(gw, 'prod-eu', 'acme-production', 'web')).toBe('acme/web:2.3.0');

    expect(rollout.stderr).toMatch(/^SUCCEEDED Deployment staging\/acme-staging\/web$/m);
    expect(rollout.stderr).toMatch(/^operation \S+ SUCCEEDED 1\/1 targets$/m);
    expect(rollout.stdout).toMatch(/^operation (\S+) {2}ROLLOUT {2}SUCCEEDED {2}1\/1 targets\nCLUSTER +NAMESPACE +KIND +NAME +STATUS +FROM +TO +MESSAGE\nstaging +acme-staging +Deployment +web +SUCCEEDED +acme\/web:2.4.0 +acme\/web:2.5.0/);
    expect(imageOf(gw, 'staging', 'acme-staging', 'web')).toBe('acme/web:2.5.0');

    expect(json(restart)).toMatchObject({ kind: 'RESTART', status: 'SUCCEEDED', targets: [{ name: 'api', status: 'SUCCEEDED' }] });
    expect(parseYaml(byImage.stdout)).toMatchObject({ kind: 'RESTART', targets: [{ cluster: 'staging', name: 'worker' }] });
    expect(parseYaml(hosts.stdout)).toMatchObject({ kind: 'HOST_RESTART', status: 'SUCCEEDED', targets: [{ cluster: 'prod-us', kind: 'Node', name: 'prod-us-node-4', status: 'SUCCEEDED' }] });
    expect(hosts.stderr).toMatch(/^SUCCEEDED Node prod-us\/prod-us-node-4$/m);
    ids = { rollout: rollout.stdout.match(/^operation (\S+)/)![1]!, restart: json<{ id: string }>(restart).id };

    const created = await cli(['env', 'create', 'acme:qa', '--cluster', 'staging', '--host', 'qa.acme.example', '-o', 'json']);
    expect(created.code).toBe(0);
    expect(json(created)).toMatchObject({ name: 'acme:qa', namespace: 'acme-qa', hostNames: ['qa.acme.example'], clusters: [{ name: 'staging' }] });
    const updated = await cli(['env', 'update', 'acme:qa', '--host', 'qa2.acme.example']);
    expect(updated).toMatchObject({ code: 0, stdout: expect.stringMatching(/^NAME +NAMESPACE +CLUSTERS +HOSTS\nacme:qa +acme-qa +staging +qa2.acme.example\n$/) });
    const deleted = await cli(['env', 'delete', 'acme:qa', '-o', 'json']);
    const again = await cli(['env', 'delete', 'acme:qa']);
    expect(deleted.code).toBe(0);
    expect(json(deleted)).toEqual({ name: 'acme:qa', deleted: true });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/\(NOT_FOUND\)\n$/);
  });

  it('lists and shows operations; cancelling a finished one is a CONFLICT: exit 1', async () => {
    const [list, listTable, one, conflict] = await Promise.all([
      cli(['operations', '-o', 'json']),
      cli(['operations']),
      cli(['operation', ids.rollout!, '-o', 'yaml']),
      cli(['cancel', ids.restart!]),
    ]);
    expect(list.code).toBe(0);
    expect(json<{ id: string }[]>(list).map((o) => o.id)).toEqual(expect.arrayContaining([ids.rollout, ids.restart]));
    expect(listTable.stdout.split('\n')[0]).toMatch(/^ID +KIND +STATUS +TARGETS +DRY_RUN +REQUESTED_BY +CREATED$/);
    expect(listTable.stdout).toMatch(new RegExp(`^${ids.rollout} +ROLLOUT +SUCCEEDED +1/1 +false +ci `, 'm'));
    expect(one.code).toBe(0);
    expect(parseYaml(one.stdout)).toMatchObject({ id: ids.rollout, status: 'SUCCEEDED', requestedBy: 'ci' });
    expect(conflict.code).toBe(1);
    expect(conflict.stderr).toMatch(/^error: .* \(CONFLICT\)\n$/);
  });

  it('exits 1 when the awaited operation FAILED', async () => {
    // prod-us has no room for new pods and a short progress deadline: the rollout fails there.
    const store = gw.fleet.cluster('prod-us').store;
    for (const node of store.list(NODE)) store.mutate(NODE, undefined, node.metadata.name, (n: KubeObject) => void (n.spec = { ...n.spec, unschedulable: true }));
    store.mutate(DEPLOYMENT, 'acme-production', 'web', (d: KubeObject) => void (d.spec.progressDeadlineSeconds = 20));
    const failed = await cli(['rollout', 'acme/web:2.6.0', '--cluster', 'prod-us', '--wait', '-o', 'json']);
    expect(failed.code).toBe(1);
    expect(json(failed)).toMatchObject({ status: 'FAILED', targets: [{ cluster: 'prod-us', status: 'FAILED' }] });
    expect(failed.stderr).toMatch(/^FAILED Deployment prod-us\/acme-production\/web: rolled back/m);
  });

  it('cancels a running operation (exit 0); the one waiting on it exits 1 with CANCELLED', async () => {
    // prod-eu has no room for new pods: the first restart stays RUNNING until the nodes are back.
    const store = gw.fleet.cluster('prod-eu').store;
    const setCordoned = (unschedulable: boolean) => {
      for (const node of store.list(NODE)) store.mutate(NODE, undefined, node.metadata.name, (n: KubeObject) => void (n.spec = { ...n.spec, unschedulable }));
    };
    setCordoned(true);
    const running = published(gw, (op) => op.operationKind === 'RESTART' && op.targets[0]?.cluster === 'prod-eu' && op.targets[0]?.status === 'RUNNING');
    const waiting = started(['restart', 'workloads', 'prod-eu/acme-production/web', 'prod-eu/acme-production/api', '--wait']);
    const { id } = await within(running, 10_000, 'the restart to run').catch((err: unknown) => {
      waiting.child.kill();
      throw err;
    });
    const cancelled = await cli(['cancel', id, '-o', 'json']);
    expect(cancelled.code).toBe(0);
    expect(json(cancelled)).toMatchObject({ id, targets: [{ name: 'api', status: 'RUNNING' }, { name: 'web', status: 'CANCELLED' }] });
    setCordoned(false);
    const end = await waiting.done;
    expect(end.code).toBe(1);
    expect(end.stdout).toMatch(/^operation \S+ {2}RESTART {2}CANCELLED {2}2\/2 targets/);
    expect(end.stderr).toMatch(/^CANCELLED Deployment prod-eu\/acme-production\/web: cancelled before it started$/m);
  });

  it('watches resource changes over graphql-ws until SIGINT, then exits 0', async () => {
    const asJson = started(['watch', '--kind', 'deployment', '--cluster', 'staging', '-o', 'json']);
    const asTable = started(['watch', '--kind', 'DEPLOYMENT', '--cluster', 'staging', '--namespace', 'acme-staging']);
    const store = gw.fleet.cluster('staging').store;
    let n = 0;
    // Each subscriber only sees changes after it has subscribed: change until both have printed one.
    await until(() => {
      store.mutate(DEPLOYMENT, 'acme-staging', 'web', (d: KubeObject) => void (d.metadata.annotations = { ...d.metadata.annotations, 'cli-test': String(n++) }));
      return asJson.out().includes('\n') && asTable.out().includes('\n');
    }, 'both watches to print a change', 15_000);
    asJson.child.kill('SIGINT');
    asTable.child.kill('SIGINT');
    const [j, t] = await Promise.all([asJson.done, asTable.done]);
    expect(j.code).toBe(0);
    expect(t.code).toBe(0);
    const events = j.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(events[0]).toMatchObject({ type: 'MODIFIED', kind: 'DEPLOYMENT', cluster: 'staging', namespace: 'acme-staging', name: 'web' });
    expect(t.stdout).toMatch(/^\S+Z {2}MODIFIED {2}DEPLOYMENT {3}staging\/acme-staging\/web$/m);
  });
});

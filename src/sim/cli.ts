// `npm run sim -- --clusters 3 --kubeconfig /tmp/fleet.yaml`: serves a simulated fleet
// on loopback until stopped, and writes a kubeconfig with one context per cluster.
import { parseArgs } from 'node:util';
import { startSimFleet, type SimFleetOptions } from './fleet.js';

const usage = `usage: npm run sim -- [options]
  --clusters N          clusters to serve (default 3)
  --kubeconfig PATH     write a kubeconfig for them here (default ./fleet.kubeconfig.yaml)
  --seed demo|empty|generate   what the clusters hold at start (default demo)
  --nodes N --namespaces N --deployments N --replicas N   sizes for --seed generate
  --speed X             simulated seconds per real second (default 1)
  --port N              first cluster's port, the rest follow (default: any free port)
  --control-port N      port of the control endpoint for faults and counters (default: any free port)
  --host H              address to listen on (default 127.0.0.1)`;

function int(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got "${raw}"`);
  return n;
}

function options(argv: string[]): { fleet: SimFleetOptions; kubeconfig: string } {
  const { values } = parseArgs({
    args: argv,
    options: {
      clusters: { type: 'string' },
      kubeconfig: { type: 'string' },
      seed: { type: 'string' },
      nodes: { type: 'string' },
      namespaces: { type: 'string' },
      deployments: { type: 'string' },
      replicas: { type: 'string' },
      speed: { type: 'string' },
      port: { type: 'string' },
      'control-port': { type: 'string' },
      host: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const seedName = values.seed ?? 'demo';
  if (!['demo', 'empty', 'generate'].includes(seedName)) throw new Error(`--seed must be demo, empty or generate, got "${seedName}"`);
  const speed = values.speed === undefined ? 1 : Number(values.speed);
  if (!(speed > 0)) throw new Error(`--speed must be a positive number, got "${values.speed}"`);
  const seed: SimFleetOptions['seed'] =
    seedName === 'generate'
      ? { kind: 'generate', nodes: int('nodes', values.nodes), namespaces: int('namespaces', values.namespaces), deployments: int('deployments', values.deployments), replicas: int('replicas', values.replicas) }
      : (seedName as 'demo' | 'empty');
  return {
    kubeconfig: values.kubeconfig ?? 'fleet.kubeconfig.yaml',
    fleet: { clusters: int('clusters', values.clusters) ?? 3, seed, speed, basePort: int('port', values.port), controlPort: int('control-port', values['control-port']) ?? 0, host: values.host },
  };
}

async function main(): Promise<void> {
  let opts: ReturnType<typeof options>;
  try {
    opts = options(process.argv.slice(2));
  } catch (err) {
    console.error(`sim: ${(err as Error).message}\n${usage}`);
    process.exit(2);
  }
  const fleet = await startSimFleet(opts.fleet);
  await fleet.writeKubeconfig(opts.kubeconfig);
  for (const c of fleet.clusters) console.log(`cluster ${c.name.padEnd(12)} ${c.url}`);
  console.log(`control endpoint     ${fleet.controlUrl}`);
  console.log(`kubeconfig           ${opts.kubeconfig}   (kubectl --kubeconfig ${opts.kubeconfig} --context ${fleet.clusters[0]!.name} get deploy -A)`);
  const stop = async () => {
    await fleet.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();

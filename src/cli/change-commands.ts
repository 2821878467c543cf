// Commands that start or stop operations: rollout, restart workloads|hosts, cancel.
import type { Command } from 'commander';
import { CancelOperationDocument, RestartHostsDocument, RestartWorkloadsDocument, RolloutImageDocument, type WorkloadKind, type WorkloadRef } from '../client/index.js';
import { UsageError } from './exit-codes.js';
import type { Act } from './program.js';
import { showOperation } from './session.js';
import { WORKLOAD_KINDS, collect, enumValue, positiveInt } from './values.js';

const some = <T>(list: readonly T[] | undefined): T[] | undefined => (list?.length ? [...list] : undefined);

export function addChangeCommands(program: Command, act: Act): void {
  program
    .command('rollout')
    .description('roll IMAGE out to every workload it upgrades, cluster by cluster')
    .argument('<image>', 'the new image reference')
    .option('--cluster <name>', 'only this cluster, in the order given (repeatable)', collect)
    .option('--namespace <name>', 'only this namespace (repeatable)', collect)
    .option('--max-parallel <n>', 'clusters worked on at once (default 1)', positiveInt)
    .option('--timeout <seconds>', 'seconds a target may take to become available (default 600)', positiveInt)
    .option('--no-rollback', 'leave a failed target as it is instead of returning it to its previous revision')
    .option('--dry-run', 'plan the targets without changing anything')
    .option('--wait', 'follow the operation until it has finished; exit 1 when it FAILED or was CANCELLED')
    .action(act(async (session, image: string, options: { cluster?: string[]; namespace?: string[]; maxParallel?: number; timeout?: number; rollback: boolean; dryRun?: boolean; wait?: boolean }) => {
      const strategy = { maxParallelClusters: options.maxParallel, timeoutSeconds: options.timeout, rollbackOnFailure: options.rollback };
      const input = { image, clusters: some(options.cluster), namespaces: some(options.namespace), dryRun: options.dryRun ?? false, strategy };
      const { rolloutImage } = await session.client.request(RolloutImageDocument, { input });
      return showOperation(session, rolloutImage, options);
    }));

  const restart = program.command('restart').description('restart workloads (as kubectl rollout restart) or hosts (drain, reboot, uncordon)');
  restart
    .command('workloads')
    .description('restart the workloads named by --image, -l or REFs')
    .argument('[refs...]', 'workloads as CLUSTER/NAMESPACE/NAME (a Deployment) or CLUSTER/NAMESPACE/KIND/NAME')
    .option('--image <text>', 'every workload with a container image containing this text')
    .option('-l, --selector <selector>', 'every workload whose labels match this label selector')
    .option('--cluster <name>', 'with --image or -l: only this cluster (repeatable)', collect)
    .option('--namespace <name>', 'with --image or -l: only this namespace (repeatable)', collect)
    .option('--wait', 'follow the operation until it has finished; exit 1 when it FAILED or was CANCELLED')
    .action(act(async (session, refs: string[], options: { image?: string; selector?: string; cluster?: string[]; namespace?: string[]; wait?: boolean }) => {
      const given = [options.image !== undefined, options.selector !== undefined, refs.length > 0].filter(Boolean).length;
      if (given !== 1) throw new UsageError('name the workloads one way: --image, -l/--selector or REF...');
      const input = refs.length
        ? { workloads: refs.map(parseRef) }
        : { filter: { image: options.image, labelSelector: options.selector, clusters: some(options.cluster), namespaces: some(options.namespace) }, allNamespaces: !options.namespace?.length };
      const { restartWorkloads } = await session.client.request(RestartWorkloadsDocument, { input });
      return showOperation(session, restartWorkloads, options);
    }));
  restart
    .command('hosts')
    .description('restart hosts of one cluster, a few at a time: every host when none is named')
    .argument('[hosts...]', 'host (node) names')
    .requiredOption('--cluster <name>', 'the cluster')
    .option('--max-unavailable <n>', 'hosts drained at once (default 1)', positiveInt)
    .option('--wait', 'follow the operation until it has finished; exit 1 when it FAILED or was CANCELLED')
    .action(act(async (session, hosts: string[], options: { cluster: string; maxUnavailable?: number; wait?: boolean }) => {
      const input = { cluster: options.cluster, maxUnavailable: options.maxUnavailable, ...(hosts.length ? { hosts } : { allHosts: true }) };
      const { restartHosts } = await session.client.request(RestartHostsDocument, { input });
      return showOperation(session, restartHosts, options);
    }));

  program
    .command('cancel')
    .description('cancel an operation: nothing new starts, running targets finish')
    .argument('<id>', 'the operation id')
    .action(act(async (session, id: string) => {
      const { cancelOperation } = await session.client.request(CancelOperationDocument, { id });
      await showOperation(session, cancelOperation);
    }));
}

const kindOf = enumValue(WORKLOAD_KINDS);

/** CLUSTER/NAMESPACE/NAME (a Deployment) or CLUSTER/NAMESPACE/KIND/NAME. */
export function parseRef(ref: string): WorkloadRef {
  const parts = ref.split('/');
  if (parts.some((p) => p === '') || (parts.length !== 3 && parts.length !== 4)) throw new UsageError(`bad workload "${ref}": write CLUSTER/NAMESPACE/NAME or CLUSTER/NAMESPACE/KIND/NAME`);
  const [cluster, namespace] = parts as [string, string];
  let kind: WorkloadKind = 'DEPLOYMENT';
  if (parts.length === 4) {
    try {
      kind = kindOf(parts[2]!);
    } catch {
      throw new UsageError(`bad workload "${ref}": kind must be one of ${WORKLOAD_KINDS.join(', ')}`);
    }
  }
  return { cluster, namespace, kind, name: parts.at(-1)! };
}

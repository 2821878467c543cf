// Commands that only read: clusters, hosts, workloads, upgrade candidates, operations.
import type { Command } from 'commander';
import { ClustersDocument, type ComparisonFragment, HostsDocument, type HostStatus, type ImageField, OperationDocument, OperationsDocument, UpgradeCandidatesDocument, WorkloadsDocument, type WorkloadStatus } from '../client/index.js';
import { EXIT } from './exit-codes.js';
import { type Column, formatTable } from './output.js';
import { PAGE_SIZE, allPages, show, showOperation } from './session.js';
import { HOST_STATUSES, IMAGE_FIELDS, WORKLOAD_STATUSES, collect, enumList } from './values.js';
import { CLUSTER_COLUMNS, HOST_COLUMNS, OPERATION_COLUMNS, WORKLOAD_COLUMNS } from './views.js';
import type { Act } from './program.js';

const some = <T>(list: readonly T[] | undefined): T[] | undefined => (list?.length ? [...list] : undefined);

export function addReadCommands(program: Command, act: Act): void {
  program
    .command('clusters')
    .description('list the clusters of the fleet and their health')
    .action(act(async (session) => {
      const { clusters } = await session.client.request(ClustersDocument, {});
      show(session, clusters, () => formatTable(clusters, CLUSTER_COLUMNS));
    }));

  program
    .command('hosts')
    .description('list hosts (Kubernetes nodes) across the fleet')
    .option('--cluster <name>', 'only this cluster (repeatable)', collect)
    .option('--status <status>', `only hosts in this status: ${HOST_STATUSES.join(', ')} (repeatable, comma-separated)`, enumList(HOST_STATUSES))
    .action(act(async (session, options: { cluster?: string[]; status?: HostStatus[] }) => {
      const filter = { clusters: some(options.cluster), status: some(options.status) };
      const hosts = await allPages(async (after) => (await session.client.request(HostsDocument, { filter, first: PAGE_SIZE, after })).hosts);
      show(session, hosts, () => formatTable(hosts, HOST_COLUMNS));
    }));

  program
    .command('workloads')
    .description('list workloads (Deployments, StatefulSets, DaemonSets) across the fleet')
    .option('--image <text>', 'only workloads with a container image containing this text')
    .option('--cluster <name>', 'only this cluster (repeatable)', collect)
    .option('--namespace <name>', 'only this namespace (repeatable)', collect)
    .option('-l, --selector <selector>', 'only workloads whose labels match this label selector')
    .option('--status <status>', `only workloads in this status: ${WORKLOAD_STATUSES.join(', ')} (repeatable, comma-separated)`, enumList(WORKLOAD_STATUSES))
    .action(act(async (session, options: { image?: string; cluster?: string[]; namespace?: string[]; selector?: string; status?: WorkloadStatus[] }) => {
      const filter = { image: options.image, clusters: some(options.cluster), namespaces: some(options.namespace), labelSelector: options.selector, status: some(options.status) };
      const workloads = await allPages(async (after) => (await session.client.request(WorkloadsDocument, { filter, first: PAGE_SIZE, after })).workloads);
      show(session, workloads, () => formatTable(workloads, WORKLOAD_COLUMNS));
    }));

  program
    .command('candidates')
    .description('what IMAGE would upgrade, cluster by cluster: upgrade, obsolete, equal and error lists')
    .argument('<image>', 'an image reference: image:tag, repo/image:tag or registry/repo/image:tag')
    .option('--cluster <name>', 'only this cluster (repeatable)', collect)
    .option('--filter <fields>', `fields that must match for a workload to be a candidate, comma-separated: ${IMAGE_FIELDS.join(', ')} (camelCase as in imageName works too)`, enumList(IMAGE_FIELDS))
    .action(act(async (session, image: string, options: { cluster?: string[]; filter?: ImageField[] }) => {
      const { upgradeCandidates: plans } = await session.client.request(UpgradeCandidatesDocument, { image, clusters: some(options.cluster), filter: some(options.filter) });
      show(session, plans, () => formatTable(plans.flatMap(candidateRows), CANDIDATE_COLUMNS));
    }));

  program
    .command('operations')
    .description('list operations (rollouts, restarts, rollbacks), newest first')
    .action(act(async (session) => {
      const operations = await allPages(async (after) => (await session.client.request(OperationsDocument, { first: PAGE_SIZE, after })).operations);
      show(session, operations, () => formatTable(operations, OPERATION_COLUMNS));
    }));

  program
    .command('operation')
    .description('show one operation and its targets; exits 1 when it FAILED or was CANCELLED')
    .argument('<id>', 'the operation id')
    .option('--wait', 'follow the operation until it has finished')
    .action(act(async (session, id: string, options: { wait?: boolean }) => {
      const { operation } = await session.client.request(OperationDocument, { id });
      if (!operation) {
        session.io.stderr.write(`error: no operation ${id} (NOT_FOUND)\n`);
        return EXIT.FAILED;
      }
      return showOperation(session, operation, options);
    }));
}

interface CandidateRow {
  cluster: string;
  comparison?: ComparisonFragment;
  failed?: string;
}

function candidateRows(plan: { cluster: { name: string }; failed: boolean; message: string | null; upgrade: ComparisonFragment[]; obsolete: ComparisonFragment[]; equal: ComparisonFragment[]; error: ComparisonFragment[] }): CandidateRow[] {
  if (plan.failed) return [{ cluster: plan.cluster.name, failed: plan.message ?? 'could not be evaluated' }];
  return [...plan.upgrade, ...plan.obsolete, ...plan.equal, ...plan.error].map((comparison) => ({ cluster: plan.cluster.name, comparison }));
}

const CANDIDATE_COLUMNS: readonly Column<CandidateRow>[] = [
  ['CLUSTER', (r) => r.cluster],
  ['NAMESPACE', (r) => r.comparison?.workload.namespace],
  ['WORKLOAD', (r) => r.comparison?.workload.name],
  ['CONTAINER', (r) => r.comparison?.container],
  ['IMAGE', (r) => r.comparison?.image],
  ['DIFF', (r) => r.comparison?.diff ?? 'FAILED'],
  ['REASON', (r) => r.comparison?.reason ?? r.failed],
];

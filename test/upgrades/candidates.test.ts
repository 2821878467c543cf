import { BadUserInputError } from '../../src/errors/index.js';
import { createClusterRegistry, type RegisteredCluster } from '../../src/fleet/index.js';
import { KubeCallError } from '../../src/kube/index.js';
import type { WorkloadRecord } from '../../src/model/records.js';
import { upgradeCandidates, type UpgradeCandidatesArgs } from '../../src/upgrades/index.js';
import { offlineClients } from '../support/offline-clients.js';
import { workload } from './workloads.js';

/** Registered clusters whose clients are never called: workloads come from `fleet` below. */
function registered(...names: string[]): readonly RegisteredCluster[] {
  const clients = offlineClients(...names);
  return createClusterRegistry({ sources: [{ source: 'EMBEDDED', clusters: clients.map((client) => ({ client })) }] }).list();
}

const fleet: Record<string, WorkloadRecord[]> = {
  'prod-eu': [workload('api', ['acme/api:1.4.2_17_a1b2c3d4'], { cluster: 'prod-eu', namespace: 'acme-production' })],
  'prod-us': [
    workload('api', ['acme/api:1.4.1_16_9f8e7d6c'], { cluster: 'prod-us', namespace: 'acme-production' }),
    workload('api', ['acme/api:1.0.0'], { cluster: 'prod-us', namespace: 'sandbox' }),
  ],
  staging: [workload('api', ['acme/api:1.5.0-rc.1_18_b2c3d4e5'], { cluster: 'staging', namespace: 'acme-staging' })],
};

/** Reads recorded per cluster, so a test can show what was (not) read. */
function reads(down: string[] = []) {
  const calls: string[] = [];
  const readWorkloads = async (cluster: string) => {
    calls.push(cluster);
    if (down.includes(cluster)) throw new KubeCallError(cluster, { kind: 'unreachable', code: 'ECONNREFUSED' });
    return fleet[cluster] ?? [];
  };
  return { calls, readWorkloads };
}

const CLUSTERS = registered('prod-eu', 'prod-us', 'staging');
const POSTED = 'acme/api:1.4.2_17_a1b2c3d4';

/** Per cluster: `failed` or the lists as `namespace/name` entries, leaving empty lists out. */
async function summary(args: Omit<UpgradeCandidatesArgs, 'image'> & { image?: string }, down: string[] = []) {
  const plans = await upgradeCandidates({ clusters: CLUSTERS, readWorkloads: reads(down).readWorkloads }, { image: POSTED, ...args });
  return plans.map(({ cluster, failed, message, ...lists }) => {
    if (failed) return { cluster: cluster.name, failed, message };
    const nonEmpty = Object.entries(lists).filter(([, l]) => l.length > 0);
    return { cluster: cluster.name, ...Object.fromEntries(nonEmpty.map(([k, l]) => [k, l.map((c) => `${c.workload.namespace}/${c.workload.name}`)])) };
  });
}

describe('upgradeCandidates', () => {
  it.each<[string, Omit<UpgradeCandidatesArgs, 'image'>, string[], unknown[]]>([
    [
      'every cluster by default, in name order',
      {},
      [],
      [
        { cluster: 'prod-eu', equal: ['acme-production/api'] },
        { cluster: 'prod-us', upgrade: ['acme-production/api', 'sandbox/api'] },
        { cluster: 'staging', obsolete: ['acme-staging/api'] },
      ],
    ],
    ['the clusters asked, in name order', { clusters: ['staging', 'prod-eu'] }, [], [{ cluster: 'prod-eu', equal: ['acme-production/api'] }, { cluster: 'staging', obsolete: ['acme-staging/api'] }]],
    ['none when none are asked', { clusters: [] }, [], []],
    [
      'the namespaces asked',
      { namespaces: ['sandbox'] },
      [],
      [{ cluster: 'prod-eu' }, { cluster: 'prod-us', upgrade: ['sandbox/api'] }, { cluster: 'staging' }],
    ],
    [
      'a cluster that cannot be read fails alone',
      {},
      ['prod-us'],
      [
        { cluster: 'prod-eu', equal: ['acme-production/api'] },
        { cluster: 'prod-us', failed: true, message: 'cannot connect to the API server (ECONNREFUSED)' },
        { cluster: 'staging', obsolete: ['acme-staging/api'] },
      ],
    ],
  ])('%s', async (_title, args, down, expected) => {
    expect(await summary(args, down)).toEqual(expected);
  });

  it('gives a failed plan empty lists and a working one no message', async () => {
    const plans = await upgradeCandidates({ clusters: CLUSTERS, readWorkloads: reads(['staging']).readWorkloads }, { image: POSTED });
    expect(plans[0]).toMatchObject({ failed: false, message: null });
    expect(plans[2]).toMatchObject({ failed: true, upgrade: [], obsolete: [], equal: [], error: [] });
  });

  it.each<[string, UpgradeCandidatesArgs, RegExp]>([
    ['an image that does not parse', { image: 'acme/API:1' }, /^image: invalid image reference "acme\/API:1"/],
    ['unknown clusters, named', { image: POSTED, clusters: ['prod-eu', 'nope', 'gone', 'nope'] }, /^clusters: no cluster named nope, gone$/],
  ])('refuses %s before reading any cluster', async (_title, args, message) => {
    const { calls, readWorkloads } = reads();
    const planned = upgradeCandidates({ clusters: CLUSTERS, readWorkloads }, args);
    await expect(planned).rejects.toThrow(BadUserInputError);
    await expect(planned).rejects.toThrow(message);
    expect(calls).toEqual([]);
  });

  it('lets a fault that is not a cluster’s through', async () => {
    const readWorkloads = async () => {
      throw new TypeError('bug');
    };
    await expect(upgradeCandidates({ clusters: CLUSTERS, readWorkloads }, { image: POSTED })).rejects.toThrow(TypeError);
  });
});

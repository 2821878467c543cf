import { ImageParseError } from '../../src/images/index.js';
import type { WorkloadRecord } from '../../src/model/records.js';
import { planWorkloadUpgrades, type WorkloadPlan } from '../../src/upgrades/index.js';
import { workload } from './workloads.js';

/** `name/container` of each entry of each list: what most cases differ in. */
function entries(plan: WorkloadPlan): Record<keyof WorkloadPlan, string[]> {
  const list = (l: WorkloadPlan[keyof WorkloadPlan]) => l.map((c) => `${c.workload.name}/${c.container}`);
  return { upgrade: list(plan.upgrade), obsolete: list(plan.obsolete), equal: list(plan.equal), error: list(plan.error) };
}

const EMPTY = { upgrade: [], obsolete: [], equal: [], error: [] };

describe('planWorkloadUpgrades', () => {
  it('ties each comparison to its workload, whole', () => {
    const api = workload('api', ['acme/api:1.4.1_16_9f8e7d6c']);
    const plan = planWorkloadUpgrades([api], 'acme/api:1.4.2_17_a1b2c3d4');
    expect(plan).toEqual({
      ...EMPTY,
      upgrade: [{ workload: api, container: 'c0', image: 'acme/api:1.4.1_16_9f8e7d6c', diff: 'UPGRADE', comparedTo: 'acme/api:1.4.2_17_a1b2c3d4', reason: null }],
    });
  });

  interface Case {
    title: string;
    workloads: WorkloadRecord[];
    posted: string;
    filter?: Parameters<typeof planWorkloadUpgrades>[2];
    expected: Partial<Record<keyof WorkloadPlan, string[]>>;
  }
  it.each<Case>([
    {
      title: 'the demo fleet: older build upgrades, same commit equal, newer prerelease obsolete',
      workloads: [
        workload('prod-us', ['acme/api:1.4.1_16_9f8e7d6c']),
        workload('prod-eu', ['acme/api:1.4.2_17_a1b2c3d4']),
        workload('staging', ['acme/api:1.5.0-rc.1_18_b2c3d4e5']),
      ],
      posted: 'acme/api:1.4.2_17_a1b2c3d4',
      expected: { upgrade: ['prod-us/c0'], equal: ['prod-eu/c0'], obsolete: ['staging/c0'] },
    },
    {
      title: 'other images are no candidates under the default filter',
      workloads: [workload('web', ['acme/web:2.3.0']), workload('pg', ['postgres:16.4-alpine'])],
      posted: 'acme/api:1.4.2',
      expected: {},
    },
    {
      title: 'each container of a workload on its own',
      workloads: [workload('pod', ['acme/api:1.0.0', 'acme/web:1.0.0', 'acme/api:2.0.0'])],
      posted: 'acme/api:1.5.0',
      expected: { upgrade: ['pod/c0'], obsolete: ['pod/c2'] },
    },
    {
      title: 'workloads in namespace, name, kind order',
      workloads: [
        workload('b', ['acme/api:1'], { namespace: 'x' }),
        workload('z', ['acme/api:1'], { namespace: 'a' }),
        workload('b', ['acme/api:1'], { namespace: 'x', kind: 'DAEMONSET' }),
        workload('a', ['acme/api:1'], { namespace: 'x' }),
      ],
      posted: 'acme/api:2',
      expected: { upgrade: ['z/c0', 'a/c0', 'b/c0', 'b/c0'] },
    },
    {
      title: 'an empty filter compares every image, unlike names are ERROR',
      workloads: [workload('web', ['acme/web:2.3.0']), workload('api', ['acme/api:1.0.0'])],
      posted: 'acme/api:1.4.2',
      filter: [],
      expected: { upgrade: ['api/c0'], error: ['web/c0'] },
    },
    {
      title: 'a wider filter: COMMIT must match too',
      workloads: [workload('a', ['acme/api:1.4.1_16_9f8e7d6c']), workload('b', ['acme/api:1.4.2_17_a1b2c3d4'])],
      posted: 'acme/api:1.4.2_17_a1b2c3d4',
      filter: ['IMAGE_NAME', 'COMMIT'],
      expected: { equal: ['b/c0'] },
    },
    { title: 'no workloads, nothing planned', workloads: [], posted: 'acme/api:1', expected: {} },
  ])('$title', ({ workloads, posted, filter, expected }) => {
    expect(entries(planWorkloadUpgrades(workloads, posted, filter))).toEqual({ ...EMPTY, ...expected });
  });

  it('refuses a posted image that does not parse', () => {
    expect(() => planWorkloadUpgrades([], 'acme/API:1')).toThrow(ImageParseError);
  });
});

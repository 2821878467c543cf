import type { WorkloadRecord } from '../../src/model/records.js';
import { hostTargets, restartTargets, rolloutTargets } from '../../src/operations/planned-targets.js';
import type { ImageComparisonRecord } from '../../src/upgrades/index.js';
import { containers, workloadRecord } from '../support/workload-record.js';

function workload(cluster: string, name: string, images: Record<string, string>): WorkloadRecord {
  return workloadRecord({ cluster, name }, { id: `${cluster}/${name}`, uid: name, selector: '', containers: containers(images) });
}

const upgrade = (w: WorkloadRecord, container: string): ImageComparisonRecord => ({
  workload: w,
  container,
  image: w.containers.find((c) => c.name === container)!.image,
  diff: 'UPGRADE',
  comparedTo: 'acme/api:2.0.0',
  reason: null,
});

describe('rolloutTargets', () => {
  const eu = workload('prod-eu', 'api', { api: 'acme/api:1.0.0', sidecar: 'acme/api:1.0.0', proxy: 'envoy:1' });
  const us = workload('prod-us', 'api', { api: 'acme/api:1.1.0' });

  it('makes one target per workload, listing only the containers classed UPGRADE', () => {
    const [target] = rolloutTargets([upgrade(eu, 'api'), upgrade(eu, 'sidecar')], ['prod-eu'], 'acme/api:2.0.0');
    expect(target).toMatchObject({
      cluster: 'prod-eu',
      kind: 'Deployment',
      namespace: 'ns',
      name: 'api',
      status: 'PENDING',
      step: 'planned',
      fromImage: 'acme/api:1.0.0',
      toImage: 'acme/api:2.0.0',
      changes: [
        { container: 'api', from: 'acme/api:1.0.0', to: 'acme/api:2.0.0' },
        { container: 'sidecar', from: 'acme/api:1.0.0', to: 'acme/api:2.0.0' },
      ],
    });
  });

  it('orders targets by the cluster order asked', () => {
    const targets = rolloutTargets([upgrade(eu, 'api'), upgrade(us, 'api')], ['prod-us', 'prod-eu'], 'acme/api:2.0.0');
    expect(targets.map((t) => t.cluster)).toEqual(['prod-us', 'prod-eu']);
  });
});

describe('restartTargets and hostTargets', () => {
  it('lists each workload once, clusters in order then by name', () => {
    const a = workload('b', 'zeta', {});
    const b = workload('a', 'alpha', {});
    const c = workload('b', 'alpha', {});
    expect(restartTargets([a, b, c, a], ['b', 'a']).map((t) => `${t.cluster}/${t.name}`)).toEqual(['b/alpha', 'b/zeta', 'a/alpha']);
  });

  it('lists nodes by name, without a namespace', () => {
    const targets = hostTargets('prod-eu', [{ metadata: { name: 'n2' } }, { metadata: { name: 'n1' } }]);
    expect(targets.map((t) => [t.kind, t.namespace, t.name])).toEqual([
      ['Node', null, 'n1'],
      ['Node', null, 'n2'],
    ]);
  });
});

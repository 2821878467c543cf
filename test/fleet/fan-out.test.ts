import { ClusterUnavailableError } from '../../src/errors/index.js';
import { answered, everyAnswer, failures, fanOut, readCluster } from '../../src/fleet/index.js';
import { KubeCallError } from '../../src/kube/index.js';

const down = (cluster: string) => new KubeCallError(cluster, { kind: 'unreachable', code: 'ECONNREFUSED' });
const read = async (cluster: string) => {
  if (cluster.startsWith('down')) throw down(cluster);
  return [`${cluster}-item`];
};

describe('fanOut', () => {
  it('answers one result per cluster, in the order given: its items or its error', async () => {
    const results = await fanOut(['b', 'down-1', 'a'], read);
    expect(results.map((r) => ('items' in r ? [r.cluster, r.items] : [r.cluster, r.error.message]))).toEqual([
      ['b', ['b-item']],
      ['down-1', down('down-1').message],
      ['a', ['a-item']],
    ]);
    expect(failures(results).map((e) => e.cluster)).toEqual(['down-1']);
  });

  it('takes cluster objects by their name', async () => {
    expect(await fanOut([{ name: 'c' }], (c) => read(c.name))).toEqual([{ cluster: 'c', items: ['c-item'] }]);
  });

  it('rejects for anything that is not a cluster failure', async () => {
    await expect(fanOut(['a', 'b'], async (c) => (c === 'b' ? Promise.reject(new TypeError('bug')) : [c]))).rejects.toThrow('bug');
  });

  it('reads one cluster the same way', async () => {
    expect(await readCluster('a', read('a'))).toEqual({ cluster: 'a', items: ['a-item'] });
    expect(await readCluster('down-2', read('down-2'))).toEqual({ cluster: 'down-2', error: down('down-2') });
  });
});

describe('partial or all-or-nothing', () => {
  it('answered keeps the answers and reports each failure', async () => {
    const reported: string[] = [];
    const results = await fanOut(['down-1', 'a', 'down-2'], read);
    expect(answered(results, (e) => reported.push(e.cluster))).toEqual([{ cluster: 'a', items: ['a-item'] }]);
    expect(reported).toEqual(['down-1', 'down-2']);
  });

  it('everyAnswer is every answer, or CLUSTER_UNAVAILABLE for the first failure', async () => {
    expect(everyAnswer(await fanOut(['a', 'b'], read))).toHaveLength(2);
    const refusal = (() => {
      try {
        everyAnswer([{ cluster: 'a', items: [] }, { cluster: 'down-3', error: down('down-3') }, { cluster: 'down-4', error: down('down-4') }]);
      } catch (err) {
        return err;
      }
    })();
    expect(refusal).toBeInstanceOf(ClusterUnavailableError);
    expect((refusal as ClusterUnavailableError).extensions).toMatchObject({ code: 'CLUSTER_UNAVAILABLE', cluster: 'down-3' });
  });
});

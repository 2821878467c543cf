// startControllers as the cluster uses it: options checked up front, objects stored before
// the start taken up, nothing moving after stop, failures reported and retried.
import { ManualClock } from '../../../src/sim/clock.js';
import { applyDefaults, startControllers } from '../../../src/sim/controllers/index.js';
import { resourceByKind } from '../../../src/sim/resources.js';
import { ObjectStore } from '../../../src/sim/store.js';
import { deployment } from './harness.js';

const DEPLOYMENT = resourceByKind('Deployment');

function populatedStore(clock: ManualClock): ObjectStore {
  const store = new ObjectStore({ clock });
  store.create(resourceByKind('Namespace'), { metadata: { name: 'shop' } });
  store.create(resourceByKind('Node'), { metadata: { name: 'node-a' }, spec: {} });
  store.create(DEPLOYMENT, applyDefaults('Deployment', { ...deployment('web', { replicas: 2 }), metadata: { name: 'web', namespace: 'shop' } }));
  return store;
}

it('takes up objects stored before it started', () => {
  const clock = new ManualClock();
  const store = populatedStore(clock);
  const stop = startControllers({ store, clock });
  clock.advance(2_000);
  expect(store.get(DEPLOYMENT, 'shop', 'web')!.status).toMatchObject({ readyReplicas: 2, availableReplicas: 2 });
  stop();
});

it('changes nothing once stopped', () => {
  const clock = new ManualClock();
  const store = populatedStore(clock);
  const stop = startControllers({ store, clock });
  stop();
  const rv = store.resourceVersion;
  clock.advance(60_000);
  store.update(DEPLOYMENT, { ...store.get(DEPLOYMENT, 'shop', 'web')!, spec: { ...store.get(DEPLOYMENT, 'shop', 'web')!.spec, replicas: 5 } });
  expect(Number(store.resourceVersion)).toBe(Number(rv) + 1);
});

it.each([{ podStartupMs: -1 }, { heartbeatMs: 0 }, { rebootMs: Number.NaN }])('refuses %o', (opts) => {
  const clock = new ManualClock();
  expect(() => startControllers({ store: new ObjectStore({ clock }), clock, ...opts })).toThrow(/must be a number/);
});

it('reports a reconcile that throws and retries it with backoff', () => {
  const clock = new ManualClock();
  const store = new FlakyStore({ clock });
  store.create(resourceByKind('Namespace'), { metadata: { name: 'shop' } });
  store.create(resourceByKind('Node'), { metadata: { name: 'node-a' }, spec: {} });
  const errors: { controller: string; key: string }[] = [];
  const stop = startControllers({ store, clock, onError: (_e, where) => errors.push(where) });
  store.failures = 1;
  store.create(DEPLOYMENT, applyDefaults('Deployment', { ...deployment('web', { replicas: 1 }), metadata: { name: 'web', namespace: 'shop' } }));
  expect(errors).toEqual([{ controller: 'replicaset', key: expect.stringMatching(/^shop\/web-/) }]);
  clock.advance(3_000);
  expect(store.get(DEPLOYMENT, 'shop', 'web')!.status).toMatchObject({ availableReplicas: 1 });
  stop();
});

/** a store whose next `failures` ReplicaSet status writes fail */
class FlakyStore extends ObjectStore {
  failures = 0;

  override update(...args: Parameters<ObjectStore['update']>): ReturnType<ObjectStore['update']> {
    const [rt, , opts] = args;
    if (rt.kind === 'ReplicaSet' && opts?.subresource === 'status' && this.failures > 0) {
      this.failures--;
      throw new Error('etcdserver: request timed out');
    }
    return super.update(...args);
  }
}

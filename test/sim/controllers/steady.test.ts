// A settled cluster is quiet: once every workload has rolled out, time passing costs one
// heartbeat write per node and nothing else (no controller loops, no status churn).
import type { StoreEvent } from '../../../src/sim/store.js';
import { type Harness, daemonSet, deployment, startHarness, statefulSet } from './harness.js';

let h: Harness;
afterEach(() => {
  h.stop();
  expect(h.errors).toEqual([]);
});

it('writes nothing but heartbeats once everything is running', () => {
  h = startHarness({ nodes: 3, heartbeatMs: 10_000 });
  h.create(deployment('web', { replicas: 4 }));
  h.create(statefulSet('db', { replicas: 3 }));
  h.create(daemonSet('agent'));
  h.advance(30_000);
  const writes: StoreEvent[] = [];
  h.store.listen((e) => writes.push(e));
  h.advance(60_000);
  expect(writes.map((e) => `${e.type} ${e.rt.kind}`)).toEqual(Array(18).fill('MODIFIED Node'));
});

it('scales to hundreds of deployments without rescanning the cluster', () => {
  h = startHarness({ nodes: 15, events: false });
  let writes = 0;
  h.store.listen(() => writes++);
  const lists: Record<string, number> = {};
  const list = h.store.list.bind(h.store);
  h.store.list = (rt, opts) => {
    lists[rt.kind] = (lists[rt.kind] ?? 0) + 1;
    return list(rt, opts);
  };
  for (let i = 0; i < 500; i++) h.create(deployment(`app-${i}`, { replicas: 3 }));
  h.advance(2_000);
  h.store.list = list;
  expect(h.list('Pod').length).toBe(1_500);
  expect(h.list('Deployment', (d) => d.status?.availableReplicas === 3)).toHaveLength(500);
  // each deployment settles in a bounded number of writes (no status ping-pong)...
  expect(writes / 500).toBeLessThan(35);
  // ...and the controllers find pods and ReplicaSets through their indexes, never by listing
  expect(Object.keys(lists)).toEqual(['Node']);
}, 60_000);

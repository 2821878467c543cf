// The log of the gateway's own writes that reads wait for: what it keeps, and for how long.
import { createWriteLog, type Write } from '../../src/cache/index.js';

const write = (key: string, at: number, kind: Write['kind'] = 'Deployment'): Write => ({ cluster: 'c1', kind, key, resourceVersion: '7', at });

describe('the write log', () => {
  it('gives the recent writes of one (cluster, kind), oldest first, and forgets older ones and those seen', () => {
    let now = 1000;
    const log = createWriteLog(() => now);
    const a = write('web/a', 1000);
    const b = write('web/b', 1500);
    log.record(a);
    log.record(b);
    log.record(write('web/c', 1500, 'Pod'));
    now = 2000;
    expect(log.recent('c1', 'Deployment', 2000)).toEqual([a, b]);
    expect(log.recent('c2', 'Deployment', 2000)).toEqual([]);
    expect(log.recent('c1', 'Deployment', 700)).toEqual([b]);
    log.forget(b);
    expect(log.recent('c1', 'Deployment', 2000)).toEqual([]);
  });

  it('keeps a write no read asks about (a Secret) no longer than keepMs', () => {
    let now = 0;
    const log = createWriteLog(() => now, 100);
    log.record(write('web/s1', 0, 'Secret'));
    now = 150;
    const s2 = write('web/s2', 150, 'Secret');
    log.record(s2);
    expect(log.recent('c1', 'Secret', 10_000)).toEqual([s2]);
  });
});

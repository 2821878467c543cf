import { countHosts, healthFrom, reachableStatus } from '../../src/fleet/index.js';
import { KubeCallError, type KubeNode } from '../../src/kube/index.js';

const node = (name: string, ready: 'True' | 'False' | 'Unknown' | null, over: Pick<KubeNode, 'spec'> & { annotations?: Record<string, string> } = {}): KubeNode => ({
  metadata: { name, annotations: over.annotations },
  spec: over.spec,
  status: { conditions: ready === null ? [] : [{ type: 'Ready', status: ready }] },
});

const fulfilled = <T>(value: T): PromiseSettledResult<T> => ({ status: 'fulfilled', value });
const rejected = (reason: unknown): PromiseRejectedResult => ({ status: 'rejected', reason });
const version = fulfilled({
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.4',
  gitCommit: 'sim',
  gitTreeState: 'clean',
  buildDate: '2025-01-01T00:00:00Z',
  goVersion: 'go1.23',
  compiler: 'gc',
  platform: 'linux/amd64',
});
const refused = new KubeCallError('c1', { kind: 'unreachable', code: 'ECONNREFUSED' });

describe('countHosts', () => {
  it('counts a node available only when its Ready condition is True', () => {
    const nodes = [node('a', 'True'), node('b', 'False'), node('c', 'Unknown'), node('d', null), { metadata: { name: 'e' } }];
    expect(countHosts(nodes)).toEqual({ total: 5, available: 1, unavailable: 4 });
  });

  it('does not count a cordoned host, or one asked to reboot, as available', () => {
    const nodes = [
      node('active', 'True'),
      node('cordoned', 'True', { spec: { unschedulable: true } }),
      node('rebooting', 'True', { annotations: { 'fleetgraph.io/reboot-requested': 'now' } }),
      node('uncordoned', 'True', { spec: { unschedulable: false } }),
    ];
    expect(countHosts(nodes)).toEqual({ total: 4, available: 2, unavailable: 2 });
  });
});

describe('reachableStatus', () => {
  it.each<[{ total: number; ready: number }, string]>([
    [{ total: 3, ready: 3 }, 'OK'],
    [{ total: 3, ready: 1 }, 'DEGRADED'],
    [{ total: 3, ready: 0 }, 'FAILED'],
    // No hosts: nothing is failing, so OK (see reachableStatus).
    [{ total: 0, ready: 0 }, 'OK'],
  ])('%j is %s', (counts, status) => {
    expect(reachableStatus(counts)).toBe(status);
  });
});

describe('healthFrom', () => {
  it('judges the status by Ready hosts: a cordoned host is ready, though not available', () => {
    const nodes = fulfilled({ items: [node('a', 'True'), node('b', 'True', { spec: { unschedulable: true } })] });
    expect(healthFrom(version, nodes)).toMatchObject({ status: 'OK', hostCounts: { total: 2, available: 1, unavailable: 1 } });
  });

  it('reports version and status when both calls answer', () => {
    const nodes = fulfilled({ items: [node('a', 'True'), node('b', 'False')] });
    expect(healthFrom(version, nodes)).toEqual({
      status: 'DEGRADED',
      version: 'v1.32.4',
      error: null,
      hostCounts: { total: 2, available: 1, unavailable: 1 },
    });
  });

  it('is UNREACHABLE, with the reason, when /version fails', () => {
    expect(healthFrom(rejected(refused), rejected(refused))).toEqual({
      status: 'UNREACHABLE',
      version: null,
      error: 'cannot connect to the API server (ECONNREFUSED)',
      hostCounts: { total: 0, available: 0, unavailable: 0 },
    });
  });

  it('is UNREACHABLE, without a version, when only the node list fails', () => {
    const forbidden = new KubeCallError('c1', { kind: 'http', status: 403, reason: 'Forbidden' });
    expect(healthFrom(version, rejected(forbidden))).toMatchObject({
      status: 'UNREACHABLE',
      version: null,
      error: 'listing nodes: the API server answered HTTP 403 (Forbidden)',
    });
  });

  it('never passes on the message of an error it did not write', () => {
    const health = healthFrom(rejected(new Error('token abc123 rejected by /usr/bin/secret-helper')), rejected(refused));
    expect(health.error).toBe('unexpected error');
  });
});

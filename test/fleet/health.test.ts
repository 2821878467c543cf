import { countHosts, healthFrom, reachableStatus, type HostCounts } from '../../src/fleet/index.js';
import { KubeCallError, type KubeNode } from '../../src/kube/index.js';

const node = (name: string, ready: 'True' | 'False' | 'Unknown' | null): KubeNode => ({
  metadata: { name },
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
});

describe('reachableStatus', () => {
  it.each<[HostCounts, string]>([
    [{ total: 3, available: 3, unavailable: 0 }, 'OK'],
    [{ total: 3, available: 1, unavailable: 2 }, 'DEGRADED'],
    [{ total: 3, available: 0, unavailable: 3 }, 'FAILED'],
    // No hosts: nothing is failing, so OK (see reachableStatus).
    [{ total: 0, available: 0, unavailable: 0 }, 'OK'],
  ])('%j is %s', (counts, status) => {
    expect(reachableStatus(counts)).toBe(status);
  });
});

describe('healthFrom', () => {
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

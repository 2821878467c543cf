import type { TargetStatus } from '../../src/operations/model.js';
import { type ConcurrencyLimit, schedule } from '../../src/operations/schedule.js';

// Targets as `cluster:STATUS` so each case reads at a glance.
const targets = (...specs: string[]) =>
  specs.map((spec) => {
    const [cluster, status] = spec.split(':') as [string, TargetStatus];
    return { cluster, status };
  });

const clusters = (maxParallelClusters: number, order = ['a', 'b', 'c']): ConcurrencyLimit => ({ kind: 'clusters', order, maxParallelClusters });

describe('schedule', () => {
  it.each([
    ['one cluster at a time starts the first cluster\'s first target', targets('a:PENDING', 'a:PENDING', 'b:PENDING'), clusters(1), [0]],
    ['within a cluster, one target after another', targets('a:SUCCEEDED', 'a:PENDING', 'b:PENDING'), clusters(1), [1]],
    ['a running target holds its cluster', targets('a:RUNNING', 'a:PENDING', 'b:PENDING'), clusters(1), []],
    ['the next cluster starts once the first is done', targets('a:SUCCEEDED', 'a:SUCCEEDED', 'b:PENDING'), clusters(1), [2]],
    ['two clusters at once', targets('a:PENDING', 'b:PENDING', 'c:PENDING'), clusters(2), [0, 1]],
    ['a freed slot goes to the next cluster in order', targets('a:SUCCEEDED', 'b:RUNNING', 'c:PENDING'), clusters(2), [2]],
    ['the order given wins over the plan\'s', targets('a:PENDING', 'b:PENDING', 'c:PENDING'), clusters(1, ['c', 'a', 'b']), [2]],
    ['hosts: up to max at once', targets('a:PENDING', 'a:PENDING', 'a:PENDING'), { kind: 'targets', max: 2 } as const, [0, 1]],
    ['hosts: none while max are out', targets('a:RUNNING', 'a:PENDING'), { kind: 'targets', max: 1 } as const, []],
  ])('%s', (_name, given, limit, start) => {
    expect(schedule({ targets: given, limit, stopOnFailure: true, cancelRequested: false })).toEqual({ start, skip: [], cancel: [] });
  });

  it('skips what has not started after a failure, with stopOnFailure', () => {
    const given = targets('a:FAILED', 'b:RUNNING', 'c:PENDING', 'c:PENDING');
    expect(schedule({ targets: given, limit: clusters(2), stopOnFailure: true, cancelRequested: false })).toEqual({ start: [], skip: [2, 3], cancel: [] });
  });

  it('carries on past a failure without stopOnFailure', () => {
    const given = targets('a:FAILED', 'b:PENDING');
    expect(schedule({ targets: given, limit: clusters(1), stopOnFailure: false, cancelRequested: false }).start).toEqual([1]);
  });

  it('cancels what has not started and starts nothing once cancelled', () => {
    const given = targets('a:RUNNING', 'a:PENDING', 'b:PENDING');
    expect(schedule({ targets: given, limit: clusters(3), stopOnFailure: true, cancelRequested: true })).toEqual({ start: [], skip: [], cancel: [1, 2] });
  });
});

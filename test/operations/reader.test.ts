import { toGlobalId } from '../../src/model/ids.js';
import {
  createMemoryOperationReader,
  operationProgress,
  pageOperations,
  type OperationRecord,
  type OperationTargetRecord,
  type TargetStatus,
} from '../../src/operations/index.js';

function target(cluster: string, status: TargetStatus = 'PENDING'): OperationTargetRecord {
  return { cluster, kind: 'Deployment', namespace: 'ns', name: 'api', status, fromImage: null, toImage: null, message: null, startedAt: null, finishedAt: null };
}

function operation(id: string, createdAt: string, over: Partial<OperationRecord> = {}): OperationRecord {
  return {
    kind: 'Operation',
    id: toGlobalId('Operation', id),
    operationKind: 'ROLLOUT',
    status: 'RUNNING',
    dryRun: false,
    requestedBy: 'anonymous',
    createdAt: new Date(createdAt),
    startedAt: null,
    finishedAt: null,
    targets: [target('prod-eu')],
    message: null,
    ...over,
  };
}

const OPS = [
  operation('a', '2026-09-01T00:00:00Z'),
  operation('b', '2026-09-03T00:00:00Z', { operationKind: 'RESTART', targets: [target('staging')] }),
  operation('c', '2026-09-02T00:00:00Z', { status: 'SUCCEEDED', targets: [target('prod-us'), target('staging')] }),
];

describe('the in-memory operation reader', () => {
  it('starts empty', async () => {
    const reader = createMemoryOperationReader();
    expect(await reader.list()).toEqual([]);
    expect(await reader.get(toGlobalId('Operation', 'a'))).toBeUndefined();
  });

  it.each([
    [{}, ['a', 'b', 'c']],
    [{ kinds: ['RESTART' as const] }, ['b']],
    [{ status: ['SUCCEEDED' as const, 'FAILED' as const] }, ['c']],
    [{ clusters: ['staging'] }, ['b', 'c']],
    [{ clusters: ['staging'], kinds: ['ROLLOUT' as const] }, ['c']],
    [{ kinds: null, status: null, clusters: null }, ['a', 'b', 'c']],
  ])('lists those passing %j', async (filter, ids) => {
    const found = await createMemoryOperationReader({ operations: OPS }).list(filter);
    expect(found.map((op) => op.id).sort()).toEqual(ids.map((id) => toGlobalId('Operation', id)).sort());
  });

  it('gets one by its global id', async () => {
    expect(await createMemoryOperationReader({ operations: OPS }).get(OPS[1]!.id)).toBe(OPS[1]);
  });
});

describe('pageOperations', () => {
  it('pages newest first', () => {
    const first = pageOperations(OPS, { first: 2 });
    expect(first.nodes.map((op) => op.id)).toEqual([OPS[1]!.id, OPS[2]!.id]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = pageOperations(OPS, { first: 2, after: first.pageInfo.endCursor });
    expect(rest.nodes.map((op) => op.id)).toEqual([OPS[0]!.id]);
    expect(rest).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: false } });
  });
});

describe('operationProgress', () => {
  it.each<[OperationRecord['status'], TargetStatus[], number]>([
    ['RUNNING', ['SUCCEEDED', 'RUNNING', 'PENDING', 'FAILED'], 0.5],
    ['SUCCEEDED', ['SUCCEEDED', 'SKIPPED'], 1],
    ['CANCELLED', ['SUCCEEDED', 'CANCELLED', 'PENDING'], 2 / 3],
    ['PENDING', [], 0],
    ['SUCCEEDED', [], 1],
  ])('%s with targets %j is %d', (status, targets, progress) => {
    expect(operationProgress({ status, targets: targets.map((s) => target('c', s)) })).toBeCloseTo(progress);
  });
});

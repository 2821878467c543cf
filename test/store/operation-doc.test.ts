// The check every operation read passes: an operation as written reads back as it was; a
// document that is not one is refused naming the document and its first wrong field.
import { MalformedOperationError } from '../../src/operations/ports.js';
import { fromOperationDoc, toOperationDoc } from '../../src/store/operation-doc.js';
import { operation } from './store.suite.js';

const written = operation({ id: 'op-1' });
const host = operation({
  id: 'op-host',
  kind: 'HOST_RESTART',
  targets: [{ cluster: 'prod', kind: 'Node', namespace: null, name: 'node-1', status: 'RUNNING', fromImage: null, toImage: null, message: null, startedAt: new Date(0), finishedAt: null, step: 'changed', changes: [], previousRevision: null, bootId: 'boot-1' }],
  lease: { owner: 'gw-1', expiresAt: new Date(1000) },
});

/** A deep copy, as a database hands documents back (structuredClone would make Dates of another realm under jest). */
function copy<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map(copy) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)])) as T;
}

/** the written document with one field changed; `undefined` removes it */
function changed(path: (string | number)[], value: unknown): Record<string, unknown> {
  const doc: Record<string, unknown> = copy(toOperationDoc(written));
  let at: Record<string | number, unknown> = doc;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === undefined) delete at[last];
  else at[last] = value;
  return doc;
}

describe('an operation as written', () => {
  it.each([
    ['a rollout', written],
    ['a host restart, leased, its target with a boot id', host],
  ])('reads back as it was: %s', (_, op) => {
    expect(fromOperationDoc(copy(toOperationDoc(op)))).toEqual(op);
  });

  it("drops the idempotency index an earlier version's embedded adapter wrote into each", () => {
    expect(fromOperationDoc({ ...toOperationDoc(written), idempotency: 'alice\u0000k' })).toEqual(written);
  });
});

describe('a document that is not an operation', () => {
  it.each<[string, unknown, RegExp]>([
    ['an unknown status', changed(['status'], 'PAUSED'), /^status: /],
    ['a target at an unknown step', changed(['targets', 1, 'step'], 'half-way'), /^targets\.1\.step: /],
    ['a target of an unknown kind', changed(['targets', 0, 'kind'], 'CronJob'), /^targets\.0\.kind: /],
    ['a workload target without a namespace', changed(['targets', 0, 'namespace'], null), /^targets\.0\.namespace: /],
    ['a date kept as text', changed(['createdAt'], '2026-09-01T10:00:00.000Z'), /^createdAt: /],
    ['params of another kind', changed(['kind'], 'RESTART'), /^params\.kind: params are for another kind of operation$/],
    ['params without a strategy', changed(['params', 'strategy'], undefined), /^params\.strategy: /],
    ['a lease without an owner', changed(['lease'], { expiresAt: new Date() }), /^lease\.owner: /],
    ['no targets list', changed(['targets'], undefined), /^targets: /],
  ])('is refused: %s', (_, doc, problem) => {
    let refused: unknown;
    try {
      fromOperationDoc(doc);
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(MalformedOperationError);
    expect(refused).toMatchObject({ id: 'op-1', problem: expect.stringMatching(problem) });
    expect((refused as Error).message).toBe(`stored operation op-1 is malformed: ${(refused as MalformedOperationError).problem}`);
  });

  it.each([
    ['nothing', null],
    ['text', 'op'],
    ['a document without an id', { kind: 'ROLLOUT' }],
  ])('is refused when it is %s, saying it has no id', (_, doc) => {
    expect(() => fromOperationDoc(doc)).toThrow(/^stored operation \(without an id\) is malformed: /);
  });
});

import { changesAfter, objectKey } from '../../src/events/catch-up.js';
import type { ChangeType, ResourceChange } from '../../src/events/index.js';

const STREAM = { cluster: 'c1', kind: 'Deployment' } as const;

const obj = (name: string, rv: string) => ({ metadata: { name, namespace: 'ns', resourceVersion: rv } });
type Obj = ReturnType<typeof obj>;

const change = (type: ChangeType, object: Obj, previous?: Obj): ResourceChange =>
  ({ type, ...STREAM, namespace: 'ns', name: object.metadata.name, resourceVersion: object.metadata.resourceVersion, at: new Date(0), object, ...(previous ? { previous } : {}) }) as ResourceChange;

const listedOf = (...objects: Obj[]) => new Map(objects.map((o) => [objectKey(STREAM, o), o]));
const line = (c: ResourceChange) => `${c.type} ${c.name}@${c.resourceVersion}`;

describe('changesAfter: the buffered changes a snapshot of the engine does not hold', () => {
  const a1 = obj('a', '1');
  const a2 = obj('a', '2');
  const a3 = obj('a', '3');
  const a4gone = obj('a', '4');
  it.each([
    ['listed before any change: all of them', [a1], [change('MODIFIED', a2, a1), change('MODIFIED', a3, a2)], ['MODIFIED a@2', 'MODIFIED a@3']],
    ['listed between two changes: those after it', [a2], [change('MODIFIED', a2, a1), change('MODIFIED', a3, a2)], ['MODIFIED a@3']],
    ['listed after the last change: none', [a3], [change('MODIFIED', a2, a1), change('MODIFIED', a3, a2)], []],
    ['listed, then deleted: the deletion', [a1], [change('DELETED', a4gone)], ['DELETED a@4']],
    ['not listed, deleted before the read: nothing', [], [change('MODIFIED', a2, a1), change('DELETED', a4gone)], []],
    ['not listed, created after the read: the creation and on', [], [change('ADDED', a1), change('MODIFIED', a2, a1)], ['ADDED a@1', 'MODIFIED a@2']],
    ['created and listed: what followed', [a1], [change('ADDED', a1), change('MODIFIED', a2, a1)], ['MODIFIED a@2']],
    ['recreated under the same name after the read', [a1], [change('DELETED', obj('a', '5')), change('ADDED', obj('a', '6'))], ['DELETED a@5', 'ADDED a@6']],
    ['deleted and recreated before the read: what followed', [obj('a', '6')], [change('DELETED', obj('a', '5')), change('ADDED', obj('a', '6')), change('MODIFIED', obj('a', '7'), obj('a', '6'))], ['MODIFIED a@7']],
    ['not listed, recreated after a deletion the read saw', [], [change('DELETED', obj('a', '5')), change('ADDED', obj('a', '6'))], ['ADDED a@6']],
  ] as const)('%s', (_, listed, buffered, expected) => {
    expect(changesAfter(listedOf(...listed), buffered).map(line)).toEqual(expected);
  });

  it('keeps the order the changes came in across objects, and leaves unchanged objects alone', () => {
    const b1 = obj('b', '10');
    const b2 = obj('b', '11');
    const buffered = [change('MODIFIED', b2, b1), change('MODIFIED', a2, a1), change('MODIFIED', a3, a2)];
    expect(changesAfter(listedOf(a1, b1, obj('c', '7')), buffered).map(line)).toEqual(['MODIFIED b@11', 'MODIFIED a@2', 'MODIFIED a@3']);
  });
});

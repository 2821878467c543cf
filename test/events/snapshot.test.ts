import { applyChange, diffSnapshot, snapshotOf } from '../../src/events/snapshot.js';

const obj = (name: string, rv: string, namespace = 'ns') => ({ metadata: { name, namespace, resourceVersion: rv } });

describe('diffSnapshot: what a relist reports', () => {
  const seen = snapshotOf([obj('same', '1'), obj('changed', '2'), obj('gone', '3')]);

  it('reports new objects ADDED, changed ones MODIFIED, vanished ones DELETED with their last state, and nothing for the rest', () => {
    const listed = [obj('same', '1'), obj('changed', '9'), obj('new', '10')];
    expect(diffSnapshot(seen, listed)).toEqual([
      { type: 'MODIFIED', object: obj('changed', '9'), previous: obj('changed', '2') },
      { type: 'ADDED', object: obj('new', '10') },
      { type: 'DELETED', object: obj('gone', '3') },
    ]);
  });

  it('tells apart objects of one name in two namespaces', () => {
    expect(diffSnapshot(snapshotOf([obj('a', '1', 'x')]), [obj('a', '1', 'x'), obj('a', '2', 'y')])).toEqual([{ type: 'ADDED', object: obj('a', '2', 'y') }]);
  });

  it('reports nothing when nothing changed', () => {
    expect(diffSnapshot(seen, [...seen.values()])).toEqual([]);
  });
});

describe('applyChange: what a watch event adds', () => {
  it.each([
    ['a new object', 'ADDED', obj('b', '5'), { type: 'ADDED', object: obj('b', '5') }],
    ['a change', 'MODIFIED', obj('a', '5'), { type: 'MODIFIED', object: obj('a', '5'), previous: obj('a', '1') }],
    ['a change already seen (replayed)', 'MODIFIED', obj('a', '1'), undefined],
    ['an ADDED already reported by a relist', 'ADDED', obj('a', '1'), undefined],
    ['a deletion', 'DELETED', obj('a', '6'), { type: 'DELETED', object: obj('a', '6') }],
    ['a deletion of an object not seen', 'DELETED', obj('zz', '6'), undefined],
  ] as const)('%s', (_, type, object, expected) => {
    const seen = snapshotOf([obj('a', '1')]);
    expect(applyChange(seen, { type, object })).toEqual(expected);
  });

  it('keeps the snapshot in step', () => {
    const seen = snapshotOf([obj('a', '1')]);
    applyChange(seen, { type: 'ADDED', object: obj('b', '2') });
    applyChange(seen, { type: 'DELETED', object: obj('a', '3') });
    expect([...seen.values()]).toEqual([obj('b', '2')]);
  });
});

import { daemonSetTemplateGeneration, deploymentRevision } from '../../src/model/revision-annotation.js';

const annotated = (key: string, value: string | undefined) => ({ metadata: { annotations: value === undefined ? {} : { [key]: value } } });

describe.each([
  ['deploymentRevision', deploymentRevision, 'deployment.kubernetes.io/revision'],
  ['daemonSetTemplateGeneration', daemonSetTemplateGeneration, 'deprecated.daemonset.template.generation'],
])('%s', (_name, read, key) => {
  it.each<[string | undefined, number | null]>([
    ['1', 1],
    ['42', 42],
    ['2147483647', 2147483647],
    ['2147483648', null],
    ['12345678901', null],
    ['-1', null],
    ['1.5', null],
    [' 3', null],
    ['', null],
    ['three', null],
    [undefined, null],
  ])('reads %j as %j', (value, expected) => {
    expect(read(annotated(key, value))).toBe(expected);
  });

  it('is null for an object without metadata, and reads only its own annotation', () => {
    expect(read(undefined)).toBeNull();
    expect(read({})).toBeNull();
    expect(read(annotated('some/other', '7'))).toBeNull();
  });
});

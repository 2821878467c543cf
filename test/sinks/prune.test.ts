import { pruneFields } from '../../src/sinks/prune.js';

const deployment = () => ({
  metadata: {
    name: 'api',
    resourceVersion: '7',
    managedFields: [{ manager: 'kubectl' }],
    annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{...}', team: 'core' },
  },
  spec: {
    template: {
      spec: {
        containers: [
          { name: 'api', image: 'acme/api:1', resources: { limits: { cpu: '1' } } },
          { name: 'sidecar', image: 'acme/proxy:2' },
        ],
      },
    },
  },
  status: { replicas: 3, conditions: [{ type: 'Available' }] },
});

describe('pruneFields', () => {
  it.each<[string, string[], (d: ReturnType<typeof deployment>) => unknown]>([
    ['removes a nested field', ['metadata.managedFields'], (d) => ({ ...d, metadata: { name: 'api', resourceVersion: '7', annotations: d.metadata.annotations } })],
    ['removes a whole subtree', ['status'], ({ status: _status, ...rest }) => rest],
    ['removes a field from every element of an array', ['spec.template.spec.containers.resources'], (d) => ({
      ...d,
      spec: { template: { spec: { containers: [{ name: 'api', image: 'acme/api:1' }, { name: 'sidecar', image: 'acme/proxy:2' }] } } },
    })],
    ['matches a key containing dots', ['metadata.annotations.kubectl.kubernetes.io/last-applied-configuration'], (d) => ({
      ...d,
      metadata: { ...d.metadata, annotations: { team: 'core' } },
    })],
    ['ignores a path that leads nowhere', ['spec.nothing.here', 'metadata.name.length'], (d) => d],
    ['applies every path', ['status.conditions', 'metadata.managedFields'], (d) => ({
      ...d,
      metadata: { name: 'api', resourceVersion: '7', annotations: d.metadata.annotations },
      status: { replicas: 3 },
    })],
  ])('%s', (_name, paths, expected) => {
    expect(pruneFields(deployment(), paths)).toEqual(expected(deployment()));
  });

  it('leaves its input untouched and shares what it did not prune', () => {
    const input = deployment();
    const pruned = pruneFields(input, ['metadata.managedFields']);
    expect(input).toEqual(deployment());
    expect(pruned.spec).toBe(input.spec);
  });

  it('returns the same object when nothing matched', () => {
    const input = deployment();
    expect(pruneFields(input, ['spec.template.spec.containers.env'])).toBe(input);
  });
});

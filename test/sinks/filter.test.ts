import type { SinkConfig } from '../../src/config/index.js';
import { SINK_KINDS } from '../../src/config/index.js';
import type { ChangeType, WatchedKind } from '../../src/events/types.js';
import { changeFilter } from '../../src/sinks/filter.js';

type Rules = Pick<SinkConfig, 'clusters' | 'kinds' | 'namespaces' | 'ignoreNamespaces' | 'dropEvents'>;
const everything: Rules = { kinds: SINK_KINDS, ignoreNamespaces: [], dropEvents: [] };

function change(kind: WatchedKind, namespace: string | undefined, name = 'x', type: ChangeType = 'MODIFIED', cluster = 'prod-eu') {
  return { type, cluster, kind, namespace, name };
}

describe('changeFilter', () => {
  it.each<[string, Partial<Rules>, ReturnType<typeof change>, boolean]>([
    ['takes everything by default', {}, change('Pod', 'acme-production'), true],
    ['takes nodes by default', {}, change('Node', undefined), true],
    ['keeps to its clusters', { clusters: ['prod-us'] }, change('Pod', 'acme-production'), false],
    ['takes a listed cluster', { clusters: ['prod-eu'] }, change('Pod', 'acme-production'), true],
    ['keeps to its kinds', { kinds: ['deployments'] }, change('Pod', 'acme-production'), false],
    ['maps hosts to Node', { kinds: ['hosts'] }, change('Node', undefined), true],
    ['keeps to its namespaces', { namespaces: ['monitoring'] }, change('Pod', 'acme-production'), false],
    ['takes a listed namespace', { namespaces: ['acme-production'] }, change('Pod', 'acme-production'), true],
    ['leaves nodes out when namespaces are listed', { namespaces: ['acme-production'] }, change('Node', undefined), false],
    ['judges a Namespace by its own name', { namespaces: ['acme-production'] }, change('Namespace', undefined, 'acme-production'), true],
    ['leaves other Namespaces out', { namespaces: ['acme-production'] }, change('Namespace', undefined, 'monitoring'), false],
    ['ignores an ignored namespace', { ignoreNamespaces: ['kube-system'] }, change('Pod', 'kube-system'), false],
    ['ignores it even when listed', { namespaces: ['kube-system'], ignoreNamespaces: ['kube-system'] }, change('Pod', 'kube-system'), false],
    ['ignores the ignored Namespace object itself', { ignoreNamespaces: ['kube-system'] }, change('Namespace', undefined, 'kube-system'), false],
    ['never ignores nodes', { ignoreNamespaces: ['kube-system'] }, change('Node', undefined), true],
    ['drops add', { dropEvents: ['add'] }, change('Pod', 'default', 'x', 'ADDED'), false],
    ['drops update', { dropEvents: ['update'] }, change('Pod', 'default', 'x', 'MODIFIED'), false],
    ['drops delete', { dropEvents: ['delete'] }, change('Pod', 'default', 'x', 'DELETED'), false],
    ['keeps what it does not drop', { dropEvents: ['add', 'delete'] }, change('Pod', 'default', 'x', 'MODIFIED'), true],
  ])('%s', (_name, rules, input, expected) => {
    expect(changeFilter({ ...everything, ...rules })(input)).toBe(expected);
  });
});

import { compileFilter, type ResourceChange, type ResourceEventFilter } from '../../src/events/index.js';
import { BadUserInputError } from '../../src/errors/index.js';

const KNOWN = ['prod-eu', 'prod-us', 'staging'];

function change(overrides: Partial<ResourceChange> & { labels?: Record<string, string>; before?: Record<string, string> }): ResourceChange {
  const { labels = { app: 'web' }, before, ...rest } = overrides;
  const name = rest.name ?? 'web';
  return {
    type: 'MODIFIED',
    cluster: 'prod-eu',
    kind: 'Deployment',
    namespace: 'shop',
    name,
    resourceVersion: '7',
    at: new Date(0),
    object: { metadata: { name, labels } },
    ...(before ? { previous: { metadata: { name, labels: before } } } : {}),
    ...rest,
  };
}

describe('compileFilter', () => {
  it('selects streams: known clusters given (all by default) times kinds given (all by default)', () => {
    expect(compileFilter({}, KNOWN)).toMatchObject({ clusters: KNOWN, kinds: ['Deployment', 'StatefulSet', 'DaemonSet', 'Pod', 'Node', 'Namespace'] });
    expect(compileFilter({ clusters: ['staging'], kinds: ['HOST', 'POD', 'HOST'] }, KNOWN)).toMatchObject({ clusters: ['staging'], kinds: ['Node', 'Pod'] });
    expect(() => compileFilter({ clusters: ['staging', 'mars'] }, KNOWN)).toThrow(new BadUserInputError('filter.clusters: no cluster named mars'));
  });

  it.each<[string, ResourceEventFilter, Parameters<typeof change>[0], string | undefined]>([
    ['no criteria', {}, {}, 'MODIFIED'],
    ['a type given', { types: ['MODIFIED'] }, {}, 'MODIFIED'],
    ['a type not given', { types: ['DELETED'] }, {}, undefined],
    ['its namespace', { namespaces: ['shop'] }, {}, 'MODIFIED'],
    ['another namespace', { namespaces: ['other'] }, {}, undefined],
    ['a Namespace, by its own name', { namespaces: ['shop'] }, { kind: 'Namespace', name: 'shop', namespace: undefined }, 'MODIFIED'],
    ['a Node, with namespaces given', { namespaces: ['shop'] }, { kind: 'Node', name: 'n1', namespace: undefined }, undefined],
    ['labels matching, before and after', { labelSelector: 'app=web' }, { before: { app: 'web' } }, 'MODIFIED'],
    ['labels starting to match', { labelSelector: 'app=web' }, { before: { app: 'old' } }, 'ADDED'],
    ['labels ceasing to match', { labelSelector: 'app=old' }, { before: { app: 'old' } }, 'DELETED'],
    ['labels matching neither', { labelSelector: 'app=db' }, { before: { app: 'old' } }, undefined],
    ['a DELETED matching by its last labels', { labelSelector: 'app in (web)' }, { type: 'DELETED' }, 'DELETED'],
    ['the type as the selector makes it', { labelSelector: 'app=web', types: ['MODIFIED'] }, { before: { app: 'old' } }, undefined],
  ])('%s', (_, filter, overrides, type) => {
    expect(compileFilter(filter, KNOWN).select(change(overrides))?.type).toBe(type);
  });

  it('rejects a labelSelector that does not parse, as BAD_USER_INPUT', () => {
    expect(() => compileFilter({ labelSelector: 'a in (' }, KNOWN)).toThrow(BadUserInputError);
    expect(() => compileFilter({ labelSelector: 'a in (' }, KNOWN)).toThrow(/^labelSelector: /);
  });
});

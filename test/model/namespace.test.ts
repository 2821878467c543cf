import { ENV_LABEL, ENVIRONMENT_LABEL, ENVIRONMENT_NAME_ANNOTATION, ORG_LABEL } from '../../src/model/environment-labels.js';
import { fromGlobalId } from '../../src/model/ids.js';
import { environmentOf, toNamespaceRecord } from '../../src/model/namespace.js';

describe('environmentOf', () => {
  it.each([
    ['named by its annotation', { [ENVIRONMENT_LABEL]: 'true', [ORG_LABEL]: 'acme', [ENV_LABEL]: 'prod' }, { [ENVIRONMENT_NAME_ANNOTATION]: 'acme:production' }, 'acme:production'],
    ['named by its labels', { [ENVIRONMENT_LABEL]: 'true', [ORG_LABEL]: 'acme', [ENV_LABEL]: 'staging' }, {}, 'acme:staging'],
    ['labelled but named nowhere', { [ENVIRONMENT_LABEL]: 'true', [ORG_LABEL]: 'acme' }, {}, null],
    ['not labelled an environment', { [ORG_LABEL]: 'acme', [ENV_LABEL]: 'staging' }, { [ENVIRONMENT_NAME_ANNOTATION]: 'acme:staging' }, null],
    ['labelled other than "true"', { [ENVIRONMENT_LABEL]: 'false', [ORG_LABEL]: 'acme', [ENV_LABEL]: 'staging' }, {}, null],
  ])('a namespace %s backs %p', (_what, labels, annotations, environment) => {
    expect(environmentOf(labels, annotations)).toBe(environment);
  });
});

describe('toNamespaceRecord', () => {
  it('maps every field', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    const record = toNamespaceRecord('prod-eu', {
      metadata: { name: 'acme-staging', labels: { [ENVIRONMENT_LABEL]: 'true', [ORG_LABEL]: 'acme', [ENV_LABEL]: 'staging' }, creationTimestamp: at },
      status: { phase: 'Terminating' },
    });
    expect(record).toEqual({
      kind: 'Namespace',
      id: expect.any(String),
      cluster: 'prod-eu',
      name: 'acme-staging',
      phase: 'Terminating',
      labels: { [ENVIRONMENT_LABEL]: 'true', [ORG_LABEL]: 'acme', [ENV_LABEL]: 'staging' },
      annotations: {},
      environment: 'acme:staging',
      createdAt: at,
    });
    expect(fromGlobalId(record.id)).toEqual({ type: 'Namespace', parts: ['prod-eu', 'acme-staging'] });
  });

  it('is Active when the server has not set a phase yet', () => {
    expect(toNamespaceRecord('c', { metadata: { name: 'n' } })).toMatchObject({ phase: 'Active', labels: {}, environment: null, createdAt: null });
  });
});

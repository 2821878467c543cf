import { GraphQLError } from 'graphql';
import type { NamespaceRecord, WorkloadRecord } from '../../src/model/records.js';
import { containerRecord } from '../../src/model/workload.js';
import { matchesWorkloadFilter, namespaceEnvironments, workloadMatcher, type WorkloadFilter } from '../../src/query/workload-filter.js';
import { workloadRecord } from '../support/workload-record.js';

function workload(cluster: string, namespace: string, name: string, more: Partial<WorkloadRecord> = {}): WorkloadRecord {
  return workloadRecord({ cluster, namespace, name }, more);
}

const api = workload('prod-eu', 'acme-production', 'api', {
  labels: { app: 'api', tier: 'backend' },
  containers: [containerRecord('api', 'acme/api:1.4.2_17_a1b2c3d4'), containerRecord('proxy', 'envoyproxy/envoy:v1.31.0')],
});
const postgres = workload('prod-us', 'acme-staging', 'postgres', {
  workloadKind: 'STATEFULSET',
  labels: { app: 'postgres', tier: 'data' },
  containers: [containerRecord('postgres', 'postgres:16.4-alpine')],
  status: 'DEGRADED',
});
const exporter = workload('staging', 'monitoring', 'node-exporter', {
  workloadKind: 'DAEMONSET',
  containers: [containerRecord('exporter', 'quay.io/prometheus/node-exporter:v1.8.2')],
  status: 'PROGRESSING',
});
const shop = workload('prod-eu', 'globex-production', 'shop', { containers: [containerRecord('shop', 'registry.globex.example:5000/globex/shop:3.2.1_88_f00dfeed')] });
const broken = workload('prod-eu', 'default', 'broken', { containers: [containerRecord('x', 'Not A Reference!')] });
const all = [api, postgres, exporter, shop, broken];

const environments: Record<string, string> = {
  'prod-eu/acme-production': 'acme:production',
  'prod-us/acme-staging': 'acme:staging',
  'prod-eu/globex-production': 'globex:production',
};
const environmentOf = (cluster: string, namespace: string) => environments[`${cluster}/${namespace}`] ?? null;

describe('workloadMatcher', () => {
  it.each<[string, WorkloadFilter | null, WorkloadRecord[]]>([
    ['no filter', null, all],
    ['an empty filter', {}, all],
    ['null criteria', { clusters: null, name: null, image: null, status: null }, all],
    ['clusters', { clusters: ['prod-eu', 'nope'] }, [api, shop, broken]],
    ['an empty cluster list', { clusters: [] }, []],
    ['namespaces', { namespaces: ['monitoring', 'acme-staging'] }, [postgres, exporter]],
    ['kinds', { kinds: ['STATEFULSET', 'DAEMONSET'] }, [postgres, exporter]],
    ['environments', { environments: ['acme:production', 'acme:staging'] }, [api, postgres]],
    ['an environment no namespace backs', { environments: ['acme:qa'] }, []],
    ['labelSelector equality', { labelSelector: 'tier=backend' }, [api]],
    ['labelSelector set and negation', { labelSelector: 'tier in (backend,data),app!=api' }, [postgres]],
    ['labelSelector absence', { labelSelector: '!tier' }, [exporter, shop, broken]],
    ['image by owner', { image: 'acme/' }, [api]],
    ['image by a sidecar', { image: 'envoy' }, [api]],
    ['image by registry', { image: 'quay.io' }, [exporter]],
    ['image by registry with port', { image: 'example:5000' }, [shop]],
    ['image by tag', { image: ':16.4' }, [postgres]],
    ['image, case-insensitive', { image: 'PROMETHEUS' }, [exporter]],
    ['image over unparsable text', { image: 'a reference' }, [broken]],
    ['image, an empty fragment', { image: '' }, all],
    ['name substring', { name: 'post' }, [postgres]],
    ['name, case-insensitive', { name: 'EXPORT' }, [exporter]],
    ['status', { status: ['DEGRADED', 'PROGRESSING'] }, [postgres, exporter]],
    ['every criterion together', { clusters: ['prod-eu'], kinds: ['DEPLOYMENT'], environments: ['acme:production'], labelSelector: 'app', image: 'acme', name: 'ap', status: ['AVAILABLE'] }, [api]],
  ])('by %s', (_, filter, expected) => {
    const matches = workloadMatcher(filter, { environmentOf });
    expect(all.filter(matches)).toEqual(expected);
  });

  it('finds no environment without a way to look them up', () => {
    expect(matchesWorkloadFilter(api, { environments: ['acme:production'] })).toBe(false);
    expect(matchesWorkloadFilter(api, { environments: ['acme:production'] }, { environmentOf })).toBe(true);
  });

  it.each([
    ['a in (', /^labelSelector: unable to parse requirement: .* \(column \d+ of "a in \("\)$/],
    ['tier=back end', /^labelSelector: .*"tier=back end"/],
    ['-bad=x', /^labelSelector: .*"-bad=x"/],
  ])('refuses the selector %j with BAD_USER_INPUT naming it and the problem', (labelSelector, message) => {
    let thrown: unknown;
    try {
      workloadMatcher({ labelSelector });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(GraphQLError);
    expect((thrown as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    expect((thrown as GraphQLError).message).toMatch(message);
  });
});

describe('namespaceEnvironments', () => {
  const ns = (cluster: string, name: string, environment: string | null) => ({ cluster, name, environment }) as NamespaceRecord;

  it('gives the matcher the environment each recorded namespace backs, per cluster', () => {
    const environments = namespaceEnvironments();
    environments.record([ns('a', 'acme-production', 'acme:production'), ns('a', 'monitoring', null)]);
    environments.record([ns('b', 'acme-production', 'acme:staging')]);
    expect(environments.environmentOf('a', 'acme-production')).toBe('acme:production');
    expect(environments.environmentOf('b', 'acme-production')).toBe('acme:staging');
    expect(environments.environmentOf('a', 'monitoring')).toBeNull();
    expect(environments.environmentOf('c', 'acme-production')).toBeNull();
  });
});

import { GraphQLError } from 'graphql';
import type { WorkloadKind, WorkloadRecord, WorkloadStatus } from '../../src/model/records.js';
import { paginate, sortBy, type Page } from '../../src/query/paginate.js';
import { workloadSortKey, type WorkloadSort } from '../../src/query/workload-sort.js';
import { workloadRecord } from '../support/workload-record.js';

function workload(cluster: string, namespace: string, kind: WorkloadKind, name: string, status: WorkloadStatus = 'AVAILABLE', created: string | null = null): WorkloadRecord {
  return workloadRecord({ cluster, namespace, name }, { workloadKind: kind, status, revision: null, createdAt: created === null ? null : new Date(created) });
}

const records = [
  workload('staging', 'monitoring', 'DAEMONSET', 'node-exporter', 'DEGRADED', '2026-09-03T00:00:00Z'),
  workload('prod-eu', 'acme-production', 'STATEFULSET', 'postgres', 'AVAILABLE', '2026-09-01T00:00:00Z'),
  workload('prod-eu', 'acme-production', 'DEPLOYMENT', 'web', 'PROGRESSING', '2026-09-02T00:00:00Z'),
  workload('prod-eu', 'acme-production', 'DEPLOYMENT', 'api', 'FAILED', null),
  workload('prod-us', 'acme-production', 'DEPLOYMENT', 'api', 'AVAILABLE', '2026-09-01T00:00:00Z'),
  workload('prod-eu', 'monitoring', 'DAEMONSET', 'node-exporter', 'SCALED_DOWN', '2026-09-01T00:00:00Z'),
];
const label = (w: WorkloadRecord) => `${w.cluster}/${w.namespace}/${w.workloadKind}/${w.name}`;

describe('workloadSortKey', () => {
  it.each<[string, WorkloadSort[] | null, string[]]>([
    [
      'the default: cluster, namespace, kind (in declared order), name',
      null,
      [
        'prod-eu/acme-production/DEPLOYMENT/api',
        'prod-eu/acme-production/DEPLOYMENT/web',
        'prod-eu/acme-production/STATEFULSET/postgres',
        'prod-eu/monitoring/DAEMONSET/node-exporter',
        'prod-us/acme-production/DEPLOYMENT/api',
        'staging/monitoring/DAEMONSET/node-exporter',
      ],
    ],
    [
      'name descending, ties by the default order',
      [{ field: 'NAME', direction: 'DESC' }],
      [
        'prod-eu/acme-production/DEPLOYMENT/web',
        'prod-eu/acme-production/STATEFULSET/postgres',
        'prod-eu/monitoring/DAEMONSET/node-exporter',
        'staging/monitoring/DAEMONSET/node-exporter',
        'prod-eu/acme-production/DEPLOYMENT/api',
        'prod-us/acme-production/DEPLOYMENT/api',
      ],
    ],
    [
      'status in declared order, direction defaulting to ASC',
      [{ field: 'STATUS', direction: null }],
      [
        'prod-eu/acme-production/STATEFULSET/postgres',
        'prod-us/acme-production/DEPLOYMENT/api',
        'prod-eu/acme-production/DEPLOYMENT/web',
        'staging/monitoring/DAEMONSET/node-exporter',
        'prod-eu/acme-production/DEPLOYMENT/api',
        'prod-eu/monitoring/DAEMONSET/node-exporter',
      ],
    ],
    [
      'newest first, unknown creation last',
      [{ field: 'CREATED_AT', direction: 'DESC' }],
      [
        'staging/monitoring/DAEMONSET/node-exporter',
        'prod-eu/acme-production/DEPLOYMENT/web',
        'prod-eu/acme-production/STATEFULSET/postgres',
        'prod-eu/monitoring/DAEMONSET/node-exporter',
        'prod-us/acme-production/DEPLOYMENT/api',
        'prod-eu/acme-production/DEPLOYMENT/api',
      ],
    ],
    [
      'kind descending, then cluster descending',
      [
        { field: 'KIND', direction: 'DESC' },
        { field: 'CLUSTER', direction: 'DESC' },
      ],
      [
        'staging/monitoring/DAEMONSET/node-exporter',
        'prod-eu/monitoring/DAEMONSET/node-exporter',
        'prod-eu/acme-production/STATEFULSET/postgres',
        'prod-us/acme-production/DEPLOYMENT/api',
        'prod-eu/acme-production/DEPLOYMENT/api',
        'prod-eu/acme-production/DEPLOYMENT/web',
      ],
    ],
    [
      'namespace, then name',
      [{ field: 'NAMESPACE' }, { field: 'NAME' }],
      [
        'prod-eu/acme-production/DEPLOYMENT/api',
        'prod-us/acme-production/DEPLOYMENT/api',
        'prod-eu/acme-production/STATEFULSET/postgres',
        'prod-eu/acme-production/DEPLOYMENT/web',
        'prod-eu/monitoring/DAEMONSET/node-exporter',
        'staging/monitoring/DAEMONSET/node-exporter',
      ],
    ],
  ])('sorts by %s', (_, sort, expected) => {
    expect(sortBy(records, workloadSortKey(sort)).map(label)).toEqual(expected);
  });

  it('ends every key with the global id, so no two workloads tie', () => {
    const key = workloadSortKey([{ field: 'STATUS' }]);
    expect(key.values(records[0]!).at(-1)).toBe(records[0]!.id);
    expect(key.directions).toHaveLength(key.values(records[0]!).length);
  });

  it('names each order apart, so a cursor of one is refused by another', () => {
    const asc = workloadSortKey([{ field: 'NAME', direction: 'ASC' }]);
    const desc = workloadSortKey([{ field: 'NAME', direction: 'DESC' }]);
    expect(asc.name).not.toBe(desc.name);
    expect(workloadSortKey(null).name).toBe(workloadSortKey([]).name);
    const cursor = paginate(sortBy(records, asc), asc, { first: 2 }).pageInfo.endCursor;
    expect(() => paginate(sortBy(records, desc), desc, { first: 2, after: cursor })).toThrow(/different sort order/);
  });

  it('walks pages of a tied order without a gap or a repeat', () => {
    const key = workloadSortKey([{ field: 'STATUS' }]);
    const sorted = sortBy(records, key);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Page<WorkloadRecord> = paginate(sorted, key, { first: 1, after });
      seen.push(...page.nodes.map(label));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(sorted.map(label));
  });

  it('refuses a field given twice', () => {
    const twice = () => workloadSortKey([{ field: 'NAME' }, { field: 'NAME', direction: 'DESC' }]);
    expect(twice).toThrow(GraphQLError);
    expect(twice).toThrow('sort: NAME is given more than once');
  });
});

// rbac.authorization.k8s.io: cluster role bindings print their role and subjects; cluster
// roles have no printer of their own (the default Name / Created At table).
import type { KubeObject } from '../../objects.js';
import { type Column, type Printer, ageColumn, listOf, nameColumn, text } from './columns.js';

interface Subject {
  kind?: string;
  name?: string;
  namespace?: string;
}

/** the subjects of one kind, as the API server's printer joins them */
function subjects(kind: string, format: (s: Subject) => string) {
  return (binding: KubeObject) =>
    listOf<Subject>(binding.subjects)
      .filter((s) => s.kind === kind)
      .map(format)
      .join(', ');
}

const clusterRoleBindingColumns: Column[] = [
  nameColumn,
  { name: 'Role', type: 'string', description: 'RoleRef can only reference a ClusterRole in the global namespace.', cell: (b) => `${text(b.roleRef?.kind)}/${text(b.roleRef?.name)}` },
  ageColumn,
  { name: 'Users', type: 'string', priority: 1, description: 'Users in the clusterRoleBinding', cell: subjects('User', (s) => text(s.name)) },
  { name: 'Groups', type: 'string', priority: 1, description: 'Groups in the clusterRoleBinding', cell: subjects('Group', (s) => text(s.name)) },
  { name: 'ServiceAccounts', type: 'string', priority: 1, description: 'ServiceAccounts in the clusterRoleBinding', cell: subjects('ServiceAccount', (s) => `${text(s.namespace)}/${text(s.name)}`) },
];

export const clusterRoleBindingPrinter: Printer = { columns: clusterRoleBindingColumns };

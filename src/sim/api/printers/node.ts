// `kubectl get nodes`: NAME STATUS ROLES AGE VERSION, and with -o wide
// INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME.
import type { KubeObject } from '../../objects.js';
import { type Column, type Printer, ageColumn, listOf, nameColumn, text } from './columns.js';

const ROLE_PREFIX = 'node-role.kubernetes.io/';
const ROLE_LABEL = 'kubernetes.io/role';

/** `Ready` / `NotReady` from the Ready condition (`Unknown` without one), then `SchedulingDisabled` when cordoned */
export function nodeStatus(node: KubeObject): string {
  const ready = listOf<{ type?: string; status?: string }>(node.status?.conditions).find((c) => c.type === 'Ready');
  const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

/** roles from `node-role.kubernetes.io/<role>` labels and a `kubernetes.io/role` label, sorted */
export function nodeRoles(node: KubeObject): string {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata.labels ?? {})) {
    if (key.startsWith(ROLE_PREFIX) && key.length > ROLE_PREFIX.length) roles.add(key.slice(ROLE_PREFIX.length));
    else if (key === ROLE_LABEL && value) roles.add(value);
  }
  return [...roles].sort().join(',') || '<none>';
}

function address(node: KubeObject, type: string): string {
  return text(listOf<{ type?: string; address?: string }>(node.status?.addresses).find((a) => a.type === type)?.address) || '<none>';
}

function nodeInfo(field: string): (node: KubeObject) => string {
  return (node) => text(node.status?.nodeInfo?.[field]) || '<unknown>';
}

const columns: Column[] = [
  nameColumn,
  { name: 'Status', type: 'string', description: 'The status of the node', cell: nodeStatus },
  { name: 'Roles', type: 'string', description: 'The roles of the node', cell: nodeRoles },
  ageColumn,
  { name: 'Version', type: 'string', description: 'Kubelet Version reported by the node.', cell: (n) => text(n.status?.nodeInfo?.kubeletVersion) },
  { name: 'Internal-IP', type: 'string', priority: 1, description: 'List of addresses reachable to the node.', cell: (n) => address(n, 'InternalIP') },
  { name: 'External-IP', type: 'string', priority: 1, description: 'List of addresses reachable to the node.', cell: (n) => address(n, 'ExternalIP') },
  { name: 'OS-Image', type: 'string', priority: 1, description: 'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).', cell: nodeInfo('osImage') },
  { name: 'Kernel-Version', type: 'string', priority: 1, description: "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).", cell: nodeInfo('kernelVersion') },
  {
    name: 'Container-Runtime',
    type: 'string',
    priority: 1,
    description: 'ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).',
    cell: nodeInfo('containerRuntimeVersion'),
  },
];

export const nodePrinter: Printer = { columns };

// The core/v1 kinds around a workload: services, config maps and service accounts.
// Long API descriptions are cut to their first sentence; kubectl never prints them.
import type { KubeObject } from '../../objects.js';
import { type Column, type Printer, ageColumn, listOf, nameColumn, text } from './columns.js';
import { formatLabels } from './format.js';

interface ServicePort {
  port?: number;
  nodePort?: number;
  protocol?: string;
}

/** getServiceExternalIP of the API server's printers: what each service type is reached at */
function externalIp(svc: KubeObject): string {
  const external = listOf<string>(svc.spec?.externalIPs);
  switch (svc.spec?.type) {
    case 'ClusterIP':
    case 'NodePort':
      return external.length ? external.join(',') : '<none>';
    case 'LoadBalancer': {
      const ingress = listOf<{ ip?: string; hostname?: string }>(svc.status?.loadBalancer?.ingress).map((i) => i.ip || i.hostname || '');
      const all = [...ingress.filter(Boolean), ...external];
      return all.length ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return text(svc.spec?.externalName);
    default:
      return '<unknown>';
  }
}

/** makePortString: `80/TCP`, or `80:30080/TCP` with a node port */
function ports(svc: KubeObject): string {
  const out = listOf<ServicePort>(svc.spec?.ports).map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`));
  return out.length ? out.join(',') : '<none>';
}

const serviceColumns: Column[] = [
  nameColumn,
  { name: 'Type', type: 'string', description: 'type determines how the Service is exposed.', cell: (s) => text(s.spec?.type) },
  { name: 'Cluster-IP', type: 'string', description: 'clusterIP is the IP address of the service and is usually assigned randomly.', cell: (s) => listOf<string>(s.spec?.clusterIPs)[0] ?? '<none>' },
  { name: 'External-IP', type: 'string', description: 'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.', cell: externalIp },
  { name: 'Port(s)', type: 'string', description: 'The list of ports that are exposed by this service. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies', cell: ports },
  ageColumn,
  { name: 'Selector', type: 'string', priority: 1, description: 'Route service traffic to pods with label keys and values matching this selector.', cell: (s) => formatLabels(s.spec?.selector) },
];

const configMapColumns: Column[] = [
  nameColumn,
  {
    name: 'Data',
    type: 'string',
    description: "Data contains the configuration data. Each key must consist of alphanumeric characters, '-', '_' or '.'.",
    cell: (c) => Object.keys(c.data ?? {}).length + Object.keys(c.binaryData ?? {}).length,
  },
  ageColumn,
];

const serviceAccountColumns: Column[] = [
  nameColumn,
  { name: 'Secrets', type: 'string', description: 'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use.', cell: (sa) => listOf(sa.secrets).length },
  ageColumn,
];

export const servicePrinter: Printer = { columns: serviceColumns };
export const configMapPrinter: Printer = { columns: configMapColumns };
export const serviceAccountPrinter: Printer = { columns: serviceAccountColumns };

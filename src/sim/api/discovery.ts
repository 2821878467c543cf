// Discovery documents: what kubectl reads to map `deploy` to apps/v1 deployments,
// and what `kubectl drain` reads to learn that pods/eviction exists.
import { type ResourceType, groupVersions, resourcesOf } from '../resources.js';

export const KUBE_VERSION = { major: '1', minor: '32', gitVersion: 'v1.32.4' };

export function versionInfo(): Record<string, string> {
  return {
    ...KUBE_VERSION,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2025-04-22T00:00:00Z',
    goVersion: 'go1.23.6',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

export function legacyVersions(serverAddress: string): object {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

export function groupList(): object {
  const groups = groupVersions()
    .filter((gv) => gv.group !== '')
    .map(({ group, version }) => {
      const gv = { groupVersion: `${group}/${version}`, version };
      return { name: group, versions: [gv], preferredVersion: gv };
    });
  return { kind: 'APIGroupList', apiVersion: 'v1', groups };
}

export function resourceList(group: string, version: string): object {
  const resources = resourcesOf(group, version).flatMap(describe);
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources };
}

// Subresources that speak another group's kind say so, as the real API server does.
const subresourceKinds: Record<string, { group: string; version: string; kind: string; verbs: string[] }> = {
  eviction: { group: 'policy', version: 'v1', kind: 'Eviction', verbs: ['create'] },
  scale: { group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] },
};

function describe(rt: ResourceType): object[] {
  const main = {
    name: rt.plural,
    singularName: rt.singular,
    namespaced: rt.namespaced,
    kind: rt.kind,
    verbs: rt.verbs,
    ...(rt.shortNames.length ? { shortNames: rt.shortNames } : {}),
    ...(rt.categories.length ? { categories: rt.categories } : {}),
  };
  const subs = rt.subresources.map((sub) => {
    const other = subresourceKinds[sub];
    return {
      name: `${rt.plural}/${sub}`,
      singularName: '',
      namespaced: rt.namespaced,
      ...(other ? { group: other.group, version: other.version, kind: other.kind, verbs: other.verbs } : { kind: rt.kind, verbs: ['get', 'patch', 'update'] }),
    };
  });
  return [main, ...subs];
}

// Global object ids (the contract's Node.id): opaque to clients, stable for an object as
// long as it keeps its cluster, namespace and name, and decodable by `node(id:)`.

export const NODE_TYPES = ['Cluster', 'Host', 'Namespace', 'Pod', 'Workload', 'Environment', 'Operation'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export function toGlobalId(type: NodeType, ...parts: string[]): string {
  return Buffer.from(`${type}:${parts.map(encodeURIComponent).join('/')}`).toString('base64url');
}

/** The type and parts an id was made of, or undefined for anything that is not one of ours. */
export function fromGlobalId(id: string): { type: NodeType; parts: string[] } | undefined {
  const text = Buffer.from(id, 'base64url').toString('utf8');
  const colon = text.indexOf(':');
  const type = text.slice(0, colon) as NodeType;
  if (colon < 0 || !NODE_TYPES.includes(type)) return undefined;
  try {
    return { type, parts: text.slice(colon + 1).split('/').map(decodeURIComponent) };
  } catch {
    return undefined;
  }
}

/** One string for an object's identity in a fleet; every cache and index keys on it. */
export function refKey(ref: { cluster: string; namespace?: string | null; name: string }): string {
  return `${ref.cluster}/${ref.namespace ?? ''}/${ref.name}`;
}

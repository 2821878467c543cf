// The gateway's own writes, remembered until the read cache has seen them, so that the next
// query after a mutation (from any caller) shows what the mutation did.
import type { ClusterClient, KubeKind, KubeObjects } from '../kube/index.js';

/** One object the gateway wrote: its resourceVersion after the write, or that it was deleted. */
export interface Write {
  cluster: string;
  kind: KubeKind;
  /** `namespace/name`, as the cache keys objects */
  key: string;
  /** undefined for a delete */
  resourceVersion: string | undefined;
  /** when it was written, ms since the epoch */
  at: number;
}

export interface WriteLog {
  record(write: Write): void;
  /** The writes to a (cluster, kind) written within the last `withinMs`, oldest first; older ones are forgotten. */
  recent(cluster: string, kind: KubeKind, withinMs: number): readonly Write[];
  /** The cache has seen this write. */
  forget(write: Write): void;
}

/**
 * `keepMs`: how long a write is remembered at most, read or not (writes to kinds no read waits
 * for, Secrets say, are never asked about). Default 60 000, well past any read's wait.
 */
export function createWriteLog(now: () => number = Date.now, keepMs = 60_000): WriteLog {
  const byStream = new Map<string, Write[]>();
  const idOf = (cluster: string, kind: KubeKind) => `${cluster}|${kind}`;
  return {
    record(write) {
      const id = idOf(write.cluster, write.kind);
      const since = now() - keepMs;
      byStream.set(id, [...(byStream.get(id) ?? []).filter((w) => w.at >= since), write]);
    },
    recent(cluster, kind, withinMs) {
      const id = idOf(cluster, kind);
      const writes = byStream.get(id);
      if (!writes) return [];
      const since = now() - withinMs;
      const kept = writes.filter((w) => w.at >= since);
      if (kept.length === 0) byStream.delete(id);
      else if (kept.length !== writes.length) byStream.set(id, kept);
      return kept;
    },
    forget(write) {
      const id = idOf(write.cluster, write.kind);
      const kept = (byStream.get(id) ?? []).filter((w) => w !== write);
      if (kept.length === 0) byStream.delete(id);
      else byStream.set(id, kept);
    },
  };
}

type Metadata = { metadata?: { name?: string; namespace?: string; resourceVersion?: string } };

/**
 * The client with every successful write recorded in `log`: creates, patches, updates and
 * deletes. Evictions are not: an evicted pod lives on while it terminates, as the cache shows.
 */
export function recordingWrites(client: ClusterClient, log: WriteLog, now: () => number = Date.now): ClusterClient {
  const wrote = <K extends KubeKind>(kind: K, written: KubeObjects[K], namespace: string | undefined): KubeObjects[K] => {
    const { metadata } = written as Metadata;
    log.record({ cluster: client.name, kind, key: `${metadata?.namespace ?? namespace ?? ''}/${metadata?.name ?? ''}`, resourceVersion: metadata?.resourceVersion, at: now() });
    return written;
  };
  return {
    ...client,
    create: async (kind, body, opts) => wrote(kind, await client.create(kind, body, opts), opts?.namespace),
    patch: async (kind, name, body, opts) => wrote(kind, await client.patch(kind, name, body, opts), opts?.namespace),
    update: async (kind, name, change, opts) => wrote(kind, await client.update(kind, name, change, opts), opts?.namespace),
    async delete(kind, name, opts) {
      const deleted = await client.delete(kind, name, opts);
      if (deleted) log.record({ cluster: client.name, kind, key: `${opts?.namespace ?? ''}/${name}`, resourceVersion: undefined, at: now() });
      return deleted;
    },
  };
}

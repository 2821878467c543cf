// One operation per target at a time: a claim is a document whose id is the target's key, so
// the database's own uniqueness on ids decides between two operations claiming at once.
import type { DocumentCollection } from './collection.js';
import type { LockDoc } from './documents.js';
import { DuplicateKeyError } from './types.js';

/** A claim whose operation was never written is a gateway that died in between, once this old. */
const ORPHAN_AFTER_MS = 60_000;

export interface TargetLocks {
  claim(operationId: string, keys: readonly string[], at: Date): Promise<string | undefined>;
  release(operationId: string): Promise<void>;
}

/** @param holderState whether an operation is still unfinished ('live'), finished, or not written */
export function createTargetLocks({ locks, holderState }: { locks: DocumentCollection<LockDoc>; holderState: (id: string) => Promise<'live' | 'finished' | 'missing'> }): TargetLocks {
  /** undefined once `operationId` holds `key`, else the holder's id */
  async function claimOne(operationId: string, key: string, at: Date): Promise<string | undefined> {
    for (;;) {
      try {
        await locks.insert({ _id: key, operationId, at });
        return undefined;
      } catch (err) {
        if (!(err instanceof DuplicateKeyError)) throw err;
      }
      const held = await locks.findOne({ _id: key });
      if (!held) continue; // given back meanwhile
      if (held.operationId === operationId) return undefined;
      const state = await holderState(held.operationId);
      const stale = state === 'finished' || (state === 'missing' && at.getTime() - held.at.getTime() > ORPHAN_AFTER_MS);
      if (!stale) return held.operationId;
      // Only that holder's claim is removed: a claim taken since by someone else stands.
      await locks.remove({ _id: key, operationId: held.operationId });
    }
  }

  async function release(operationId: string): Promise<void> {
    while (await locks.remove({ operationId }));
  }

  return {
    async claim(operationId, keys, at) {
      // Sorted, so two operations wanting overlapping targets meet at the first shared one.
      for (const key of [...new Set(keys)].sort()) {
        const holder = await claimOne(operationId, key, at);
        if (holder === undefined) continue;
        await release(operationId);
        return holder;
      }
      return undefined;
    },
    release,
  };
}

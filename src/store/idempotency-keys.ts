// Idempotency keys, one document per (principal, key): the database's uniqueness on ids lets
// one request in; an expired key is removed (only if still expired) and the insert tried again.
import type { DocumentCollection } from './collection.js';
import type { KeyDoc } from './documents.js';
import type { IdempotencyKey } from '../operations/ports.js';
import { DuplicateKeyError } from './types.js';

export interface IdempotencyKeys {
  reserve(reservation: IdempotencyKey): Promise<IdempotencyKey | undefined>;
  release(principal: string, key: string, operationId: string): Promise<void>;
}

const idOf = (principal: string, key: string) => `${principal}\u0000${key}`;

export function createIdempotencyKeys({ keys }: { keys: DocumentCollection<KeyDoc> }): IdempotencyKeys {
  return {
    async reserve(reservation) {
      const _id = idOf(reservation.principal, reservation.key);
      for (;;) {
        try {
          await keys.insert({ _id, ...reservation });
          return undefined;
        } catch (err) {
          if (!(err instanceof DuplicateKeyError)) throw err;
        }
        const held = await keys.findOne({ _id });
        if (!held) continue;
        if (held.expiresAt.getTime() > reservation.createdAt.getTime()) {
          const { _id: _, ...key } = held;
          return key;
        }
        await keys.remove({ _id, expiresAt: held.expiresAt, operationId: held.operationId });
      }
    },
    async release(principal, key, operationId) {
      await keys.remove({ _id: idOf(principal, key), operationId });
    },
  };
}

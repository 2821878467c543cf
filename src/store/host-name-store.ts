import type { DocumentCollection } from './collection.js';
import { type HostNameDoc, fromHostNameDoc, toHostNameDoc } from './documents.js';
import type { HostNameStore } from './types.js';

/**
 * Host-name claims, one document per name under `_id`: the database's own unique index on
 * `_id` decides between two inserts of one name. Changes are compare-and-set on the claim's
 * token, so a claim that changed hands since it was read is never changed or removed.
 */
export function createHostNameStore({ docs }: { docs: DocumentCollection<HostNameDoc> }): HostNameStore {
  return {
    insert: (claim) => docs.insert(toHostNameDoc(claim)),
    async get(host) {
      const doc = await docs.findOne({ _id: host });
      return doc && fromHostNameDoc(doc);
    },
    async listFor(environment) {
      return (await docs.find({ environment }, { sort: { _id: 1 } })).map(fromHostNameDoc);
    },
    async update(host, token, fields) {
      return (await docs.update({ _id: host, token }, fields)) !== undefined;
    },
    remove: (host, token) => docs.remove({ _id: host, token }),
  };
}

import type { DocumentCollection } from './collection.js';
import { type ClusterDoc, fromClusterDoc, toClusterDoc } from './documents.js';
import type { ClusterStore } from './types.js';

/** Registered clusters, by name (unique in the collection's index). */
export function createClusterStore({ docs, newId }: { docs: DocumentCollection<ClusterDoc>; newId: () => string }): ClusterStore {
  return {
    async list() {
      return (await docs.find({}, { sort: { name: 1 } })).map(fromClusterDoc);
    },
    async get(name) {
      const doc = await docs.findOne({ name });
      return doc && fromClusterDoc(doc);
    },
    async insert(cluster) {
      await docs.insert(toClusterDoc(cluster, newId()));
    },
    remove: (name) => docs.remove({ name }),
  };
}

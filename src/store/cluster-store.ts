import type { DocumentCollection } from './collection.js';
import type { CredentialKeeper } from './credentials.js';
import { type ClusterDoc, fromClusterDoc, toClusterDoc } from './documents.js';
import type { ClusterStore } from './types.js';

/** Registered clusters, by name (unique in the collection's index); tokens kept as `credentials` says. */
export function createClusterStore({ docs, newId, credentials }: { docs: DocumentCollection<ClusterDoc>; newId: () => string; credentials: CredentialKeeper }): ClusterStore {
  const read = (doc: ClusterDoc) => fromClusterDoc(doc, (kept) => credentials.read(kept, doc.name));
  return {
    async list() {
      return (await docs.find({}, { sort: { name: 1 } })).map(read);
    },
    async get(name) {
      const doc = await docs.findOne({ name });
      return doc && read(doc);
    },
    async insert(cluster) {
      await docs.insert(toClusterDoc(cluster, newId(), credentials.keep(cluster.token, cluster.name)));
    },
    remove: (name) => docs.remove({ name }),
  };
}

/**
 * Seals tokens kept in plain before FLEETGRAPH_SECRET_KEY was set (nothing happens without a
 * key). Run at open; resolves to the number of clusters changed.
 */
export async function sealPlainTokens(docs: DocumentCollection<ClusterDoc>, credentials: CredentialKeeper): Promise<number> {
  let sealed = 0;
  for (const doc of await docs.find({})) {
    const token = credentials.upgrade(doc.token, doc.name);
    if (token === undefined) continue;
    await docs.update({ _id: doc._id }, { token });
    sealed++;
  }
  return sealed;
}

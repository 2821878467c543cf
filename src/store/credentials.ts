// How a store keeps cluster credentials (tokens): sealed under FLEETGRAPH_SECRET_KEY when it is
// set; otherwise in plain only where nobody else can read them (the embedded store's private
// files, or memory), and refused elsewhere (MongoDB).
import { CredentialsRefusedError, SecretKeyError } from './errors.js';
import { isSealedSecret, type SealedSecret, type SecretBox } from './secrets.js';

/** A credential as it sits in a document. */
export type KeptCredential = string | SealedSecret | null;

export interface CredentialKeeper {
  /** @throws CredentialsRefusedError when the value may not be kept here */
  keep(plain: string | null, cluster: string): KeptCredential;
  /** @throws SecretKeyError naming the cluster and FLEETGRAPH_SECRET_KEY when it does not open */
  read(kept: KeptCredential, cluster: string): string | null;
  /** A plain credential sealed, now that there is a key; undefined when there is nothing to change. */
  upgrade(kept: KeptCredential, cluster: string): SealedSecret | undefined;
}

export interface CredentialKeeperOptions {
  /** from FLEETGRAPH_SECRET_KEY; absent: no encryption */
  box?: SecretBox;
  /** Whether plain credentials may be kept: only when nobody but the gateway's user can read them. */
  plainIsPrivate: boolean;
  /** where the store keeps things, for the refusal's message */
  where: string;
}

export function createCredentialKeeper({ box, plainIsPrivate, where }: CredentialKeeperOptions): CredentialKeeper {
  const context = (cluster: string) => `fleetgraph cluster ${cluster} token`;
  return {
    keep(plain, cluster) {
      if (plain === null) return null;
      if (box) return box.seal(plain, context(cluster));
      if (plainIsPrivate) return plain;
      throw new CredentialsRefusedError(
        `token: this gateway keeps registered clusters in ${where} and will not store credentials there unencrypted; ` +
          'set FLEETGRAPH_SECRET_KEY (32 bytes, base64 or hex) to encrypt them',
      );
    },
    upgrade(kept, cluster) {
      return box && typeof kept === 'string' ? box.seal(kept, context(cluster)) : undefined;
    },
    read(kept, cluster) {
      if (!isSealedSecret(kept)) return kept;
      if (!box) throw new SecretKeyError(`The token of registered cluster "${cluster}" is encrypted, and FLEETGRAPH_SECRET_KEY is not set: set it to the key it was encrypted with`);
      if (kept.keyId !== box.keyId) {
        throw new SecretKeyError(
          `FLEETGRAPH_SECRET_KEY (key id ${box.keyId}) is not the key the token of registered cluster "${cluster}" was encrypted with (key id ${kept.keyId})`,
        );
      }
      try {
        return box.open(kept, context(cluster));
      } catch {
        throw new SecretKeyError(`The token of registered cluster "${cluster}" cannot be decrypted with FLEETGRAPH_SECRET_KEY: the stored value is damaged`);
      }
    },
  };
}

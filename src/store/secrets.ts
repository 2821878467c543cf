// Cluster credentials at rest: AES-256-GCM under FLEETGRAPH_SECRET_KEY. Each value gets a
// fresh 96-bit IV, and is bound to its record (the cluster's name as associated data), so a
// sealed token copied onto another cluster does not open. The key's id (a hash prefix, not
// the key) is kept beside it, so a wrong key is told apart from a damaged value.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export interface SealedSecret {
  sealed: 'aes-256-gcm';
  /** first 16 hex digits of SHA-256 of the key */
  keyId: string;
  iv: string;
  data: string;
  tag: string;
}

export interface SecretBox {
  readonly keyId: string;
  seal(plain: string, context: string): SealedSecret;
  /** @throws Error when the value does not open with this key and context */
  open(sealed: SealedSecret, context: string): string;
}

/** @param key 32 bytes */
export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new RangeError('an AES-256 key is 32 bytes');
  const keyId = secretKeyId(key);
  return {
    keyId,
    seal(plain, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(context));
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return { sealed: 'aes-256-gcm', keyId, iv: iv.toString('base64'), data: data.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
    },
    open(sealed, context) {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
      decipher.setAAD(Buffer.from(context)).setAuthTag(Buffer.from(sealed.tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
    },
  };
}

export function secretKeyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

export function isSealedSecret(value: unknown): value is SealedSecret {
  return typeof value === 'object' && value !== null && (value as { sealed?: unknown }).sealed === 'aes-256-gcm';
}

// Principals for end-to-end access tests: a random token each, and the access-file entry
// that holds only its SHA-256, as an operator would write it.
import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../src/auth/index.js';
import type { TokenSettings } from '../../src/config/index.js';

export interface TestCaller {
  readonly token: string;
  readonly entry: TokenSettings;
}

export function caller(name: string, roles: Role[], scope: { clusters?: string[]; namespaces?: string[] } = {}): TestCaller {
  const token = randomBytes(24).toString('base64url');
  return { token, entry: { name, sha256: sha256(token), roles, ...scope } };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

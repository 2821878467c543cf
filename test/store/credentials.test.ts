// How cluster tokens are kept, whatever the adapter: the keeper each one is built with.
import { randomBytes } from 'node:crypto';
import { createCredentialKeeper } from '../../src/store/credentials.js';
import { CredentialsRefusedError, SecretKeyError } from '../../src/store/index.js';
import { createSecretBox, isSealedSecret } from '../../src/store/secrets.js';

const key = randomBytes(32);

describe('cluster credentials at rest', () => {
  it('seals a token under the key with a fresh IV each time, and opens it for its own cluster only', () => {
    const keeper = createCredentialKeeper({ box: createSecretBox(key), plainIsPrivate: false, where: 'MongoDB' });
    const first = keeper.keep('tok-1', 'prod');
    const second = keeper.keep('tok-1', 'prod');
    expect(isSealedSecret(first) && isSealedSecret(second) && first.iv !== second.iv && first.data !== second.data).toBe(true);
    expect(JSON.stringify(first)).not.toContain('tok-1');
    expect(keeper.read(first, 'prod')).toBe('tok-1');
    // copied onto another cluster's record, it does not open
    expect(() => keeper.read(first, 'staging')).toThrow(/token of registered cluster "staging" cannot be decrypted with FLEETGRAPH_SECRET_KEY/);
  });

  it('tells a damaged value from a wrong key', () => {
    const keeper = createCredentialKeeper({ box: createSecretBox(key), plainIsPrivate: true, where: 'DATA_DIR x' });
    const sealed = keeper.keep('tok-1', 'prod');
    if (!isSealedSecret(sealed)) throw new Error('not sealed');
    const flipped = Buffer.from(sealed.data, 'base64');
    flipped[0]! ^= 1;
    expect(() => keeper.read({ ...sealed, data: flipped.toString('base64') }, 'prod')).toThrow(/damaged/);
    const other = createCredentialKeeper({ box: createSecretBox(randomBytes(32)), plainIsPrivate: true, where: 'DATA_DIR x' });
    expect(() => other.read(sealed, 'prod')).toThrow(SecretKeyError);
    expect(() => other.read(sealed, 'prod')).toThrow(/is not the key/);
  });

  it.each([
    ['where others may read (MongoDB)', 'refused', false],
    ['where only the gateway user may read (private files)', 'kept', true],
  ])('without a key, a token kept %s is %s', (_, outcome, plainIsPrivate) => {
    const keeper = createCredentialKeeper({ plainIsPrivate, where: 'MongoDB' });
    expect(keeper.keep(null, 'prod')).toBeNull();
    if (outcome === 'kept') expect(keeper.keep('tok-1', 'prod')).toBe('tok-1');
    else {
      expect(() => keeper.keep('tok-1', 'prod')).toThrow(CredentialsRefusedError);
      expect(() => keeper.keep('tok-1', 'prod')).toThrow(/^token: .*MongoDB.*set FLEETGRAPH_SECRET_KEY/);
    }
  });
});

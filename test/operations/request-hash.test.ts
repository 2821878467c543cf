import { requestHash } from '../../src/operations/request-hash.js';

describe('requestHash', () => {
  const input = { image: 'acme/web:2.5.0', clusters: ['a', 'b'], strategy: { maxParallelClusters: 2, stopOnFailure: true }, dryRun: false, idempotencyKey: 'k' };

  it.each([
    ['members in another order', { dryRun: false, strategy: { stopOnFailure: true, maxParallelClusters: 2 }, clusters: ['a', 'b'], image: 'acme/web:2.5.0' }],
    ['absent and null members', { ...input, namespaces: null, filter: undefined }],
    ['another key', { ...input, idempotencyKey: 'other' }],
  ])('is the same for %s', (_, same) => {
    expect(requestHash('rolloutImage', same)).toBe(requestHash('rolloutImage', input));
  });

  it.each([
    ['another image', 'rolloutImage', { ...input, image: 'acme/web:2.5.1' }],
    ['clusters in another order', 'rolloutImage', { ...input, clusters: ['b', 'a'] }],
    ['a nested change', 'rolloutImage', { ...input, strategy: { maxParallelClusters: 3, stopOnFailure: true } }],
    ['another mutation', 'restartWorkloads', input],
  ])('differs for %s', (_, mutation, other) => {
    expect(requestHash(mutation, other)).not.toBe(requestHash('rolloutImage', input));
  });
});

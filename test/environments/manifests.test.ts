import { environmentNamespaceManifest, routingSecretManifest } from '../../src/environments/manifests.js';
import { environmentTarget } from '../../src/validation/environment-names.js';
import { toNamespaceRecord } from '../../src/model/namespace.js';
import { environmentNamespace as seedNamespace } from '../../src/sim/seed/builders.js';

describe('environment manifests', () => {
  it('label and annotate the namespace exactly as the seed does', () => {
    const made = environmentNamespaceManifest(environmentTarget('acme:qa'), ['qa.acme.example', '10.0.0.1']);
    const seeded = seedNamespace('acme', 'qa', ['qa.acme.example', '10.0.0.1']);
    expect(made.metadata).toEqual({ name: seeded.metadata.name, labels: seeded.metadata.labels, annotations: seeded.metadata.annotations });
    expect(toNamespaceRecord('c', made).environment).toBe('acme:qa');
  });

  it('make each routing key 256 random bits, base64 text encoded once more for data', () => {
    const sizes: number[] = [];
    let next = 0;
    const random = (size: number) => {
      sizes.push(size);
      return Buffer.alloc(size, ++next);
    };
    const secret = routingSecretManifest('acme-qa', random);
    expect(sizes).toEqual([32, 32]);
    expect(secret.metadata).toEqual({ name: 'routing', namespace: 'acme-qa' });
    const keys = Object.entries(secret.data!).map(([name, data]) => [name, Buffer.from(data, 'base64').toString()]);
    expect(keys).toEqual([
      ['public-api-key', Buffer.alloc(32, 1).toString('base64')],
      ['private-api-key', Buffer.alloc(32, 2).toString('base64')],
    ]);
    for (const [, key] of keys) expect(key).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });
});

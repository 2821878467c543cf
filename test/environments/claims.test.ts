// claimHostNames over a real (in-memory embedded) store: all or nothing, one winner per race.
import { ConflictError } from '../../src/errors/index.js';
import { claimHostNames } from '../../src/environments/claims.js';
import { createEmbeddedStore, type GatewayStore } from '../../src/store/index.js';

let store: GatewayStore;
beforeEach(() => {
  store = createEmbeddedStore({ inMemoryOnly: true });
});
afterEach(() => store.close());

const claim = (environment: string, hosts: string[]) => claimHostNames({ claims: store.hostNames, environment, hosts, holderLacks: async () => false });

describe('claimHostNames', () => {
  it('lets one of two calls wanting the same names in opposite orders win, the other holding none', async () => {
    for (let round = 0; round < 30; round++) {
      const [x, y] = [`x${round}.example`, `y${round}.example`];
      const settled = await Promise.allSettled([claim('acme:a', [x, y]), claim('acme:b', [y, x])]);
      const won = settled.filter((s) => s.status === 'fulfilled');
      expect(won).toHaveLength(1);
      const lost = settled.find((s) => s.status === 'rejected') as PromiseRejectedResult;
      expect(lost.reason).toBeInstanceOf(ConflictError);
      const winner = settled[0]!.status === 'fulfilled' ? 'acme:a' : 'acme:b';
      expect((await store.hostNames.get(x))?.environment).toBe(winner);
      expect((await store.hostNames.get(y))?.environment).toBe(winner);
    }
  });

  it('keeps names the environment holds already, and gives back only what it took', async () => {
    await (await claim('acme:a', ['kept.example'])).confirm();
    const grant = await claim('acme:a', ['kept.example', 'new.example']);
    expect(grant.taken.map((c) => c.host)).toEqual(['new.example']);
    await grant.giveBack();
    expect((await store.hostNames.listFor('acme:a')).map((c) => [c.host, c.state])).toEqual([['kept.example', 'held']]);
  });

  it('takes nothing when one name is held by another environment', async () => {
    await claim('acme:a', ['b.example']);
    await expect(claim('acme:b', ['a.example', 'b.example', 'c.example'])).rejects.toThrow('hostNames: "b.example" belongs to environment acme:a');
    expect(await store.hostNames.listFor('acme:b')).toEqual([]);
  });
});

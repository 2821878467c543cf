// Cursor pagination: pages without gaps or repeats, stable while the list changes.
import { GraphQLError } from 'graphql';
import { paginate, sortBy, type Page, type SortKey } from '../../src/query/paginate.js';

interface Item {
  name: string;
  rank: number | null;
}

const byRankDescThenName: SortKey<Item> = { name: 'rank-desc,name', values: (i) => [i.rank, i.name], directions: ['DESC', 'ASC'] };
const items = (n: number): Item[] => Array.from({ length: n }, (_, i) => ({ name: `item-${String(i).padStart(3, '0')}`, rank: i % 7 === 0 ? null : i % 5 }));

function walk(all: Item[], size: number, between?: (page: number, list: Item[]) => Item[]): string[] {
  const seen: string[] = [];
  let list = sortBy(all, byRankDescThenName);
  let after: string | null = null;
  for (let page = 0; ; page++) {
    const result: Page<Item> = paginate(list, byRankDescThenName, { first: size, after });
    seen.push(...result.nodes.map((n) => n.name));
    if (!result.pageInfo.hasNextPage) return seen;
    after = result.pageInfo.endCursor;
    if (between) list = sortBy(between(page, list), byRankDescThenName);
  }
}

describe('paginate', () => {
  it('walks every item once, in order', () => {
    const all = items(250);
    const expected = sortBy(all, byRankDescThenName).map((i) => i.name);
    expect(walk(all, 30)).toEqual(expected);
  });

  it('reports the total and the end', () => {
    const page = paginate(sortBy(items(10), byRankDescThenName), byRankDescThenName, { first: 4 });
    expect(page.totalCount).toBe(10);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(page.edges.at(-1)?.cursor).toBe(page.pageInfo.endCursor);
  });

  it('neither repeats nor skips surviving items when earlier items vanish between pages', () => {
    const all = items(100);
    const removed = new Set<string>();
    const seen = walk(all, 10, (_page, list) => {
      const victim = list[0]!;
      removed.add(victim.name);
      return list.slice(1);
    });
    expect(new Set(seen).size).toBe(seen.length);
    const survivors = all.map((i) => i.name).filter((n) => !removed.has(n) || seen.includes(n));
    expect([...seen].sort()).toEqual([...survivors].sort());
  });

  it.each([
    [{ first: -1 }, 'first must be a whole number from 0 to 1000, got -1'],
    [{ first: 1001 }, 'first must be a whole number from 0 to 1000, got 1001'],
    [{ after: 'garbage!' }, 'after: "garbage!" is not a cursor this API gave out'],
    [{ after: Buffer.from(JSON.stringify(['other', ['x']])).toString('base64url') }, 'after: the cursor comes from a different sort order; start again without it'],
  ])('refuses %p as bad user input', (args, message) => {
    const run = () => paginate(items(3), byRankDescThenName, args);
    expect(run).toThrow(message);
    expect(() => run()).toThrow(GraphQLError);
  });
});

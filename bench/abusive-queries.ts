// Abusive queries, one per shape, each built to cross one limit; shared by the abuse benchmark
// and the HTTP and graphql-ws tests (test/limits).
import type { LimitName } from '../src/limits/index.js';

/** `hosts → pods → host` `levels` times: a 221-byte query of this shape once took the gateway to 4.3 GB. */
export function nestedFleet(levels: number): string {
  let inner = 'name';
  for (let i = 0; i < levels; i++) inner = `pods { host { ${inner} } }`;
  return `{ hosts { nodes { ${inner} } } }`;
}

/** The same blow-up hidden in fragments spread into fragments. */
export function fragmentChain(levels: number): string {
  const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on Host { pods { host { ${i + 1 < levels ? `...F${i + 1}` : 'name'} } } }`);
  return `{ hosts { nodes { ...F0 } } } ${fragments.join(' ')}`;
}

export const ABUSIVE: readonly { shape: string; query: string; limit: LimitName }[] = [
  { shape: 'nested fleet lists (hosts → pods → host, 12 levels)', query: nestedFleet(6), limit: 'cost' },
  { shape: 'nested fleet lists within the depth limit', query: nestedFleet(2), limit: 'cost' },
  { shape: 'fragment-multiplied', query: fragmentChain(4), limit: 'cost' },
  { shape: 'deep', query: `{ workloads(first: 1) { nodes { ${'cluster { workloads(first: 1) { nodes { '.repeat(3)}name${' } } }'.repeat(3)} } } }`, limit: 'depth' },
  { shape: 'many tokens (a field repeated 3000 times)', query: `{ clusters { ${'name '.repeat(3000)}} }`, limit: 'tokens' },
  { shape: 'wide (a field repeated 1000 times, within the token limit)', query: `{ clusters { ${'name '.repeat(1000)}} }`, limit: 'repeats' },
  { shape: 'wide through fragments (150 fragments naming one field)', query: `{ clusters { ${Array.from({ length: 150 }, (_, i) => `...F${i}`).join(' ')} } } ${Array.from({ length: 150 }, (_, i) => `fragment F${i} on Cluster { name }`).join(' ')}`, limit: 'repeats' },
  { shape: 'aliased (40 aliases)', query: `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: clusters { name }`).join(' ')} }`, limit: 'aliases' },
  { shape: 'many directives (60)', query: `{ clusters { ${'... @skip(if: false) { name } '.repeat(60)}} }`, limit: 'directives' },
];

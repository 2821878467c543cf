import { randomBytes } from 'node:crypto';

const RAND_BITS = 74n;
const RAND_MASK = (1n << RAND_BITS) - 1n;

/**
 * UUIDv7 ids (RFC 9562): 48 bits of time in ms, then 74 bits that start random. Ids sort by
 * creation; within one millisecond (or if the clock steps back) the next id of a generator is
 * the previous one's random part plus one, so one generator's ids strictly increase: audit
 * entries keep their order though their `at` ties.
 */
export function createTimeOrderedIds({ now = Date.now }: { now?: () => number } = {}): () => string {
  let lastTime = -1n;
  let lastRand = 0n;
  return () => {
    const time = BigInt(now());
    if (time > lastTime) {
      lastTime = time;
      // The top bit starts clear, leaving 2^73 increments before the part would overflow.
      lastRand = BigInt(`0x${randomBytes(10).toString('hex')}`) & (RAND_MASK >> 1n);
    } else {
      lastRand += 1n;
    }
    return format(lastTime, lastRand);
  };
}

function format(time: bigint, rand: bigint): string {
  const randA = rand >> 62n; // 12 bits
  const randB = rand & ((1n << 62n) - 1n); // 62 bits
  const value = (time << 80n) | (0x7n << 76n) | (randA << 64n) | (0x2n << 62n) | randB;
  const hex = value.toString(16).padStart(32, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

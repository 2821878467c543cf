import { createBoundedQueue } from '../../src/events/queue.js';

function queue(limit: number) {
  const ended: string[] = [];
  const q = createBoundedQueue<string>({ limit, overflowItem: () => 'overflow', onEnd: () => ended.push('ended') });
  return { q, ended };
}

async function drain(q: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const item of q) out.push(item);
  return out;
}

describe('createBoundedQueue', () => {
  it('hands items over in order, to a consumer waiting or not', async () => {
    const { q } = queue(10);
    const first = q.next();
    q.push('a');
    q.push('b');
    expect(await first).toEqual({ done: false, value: 'a' });
    expect(await q.next()).toEqual({ done: false, value: 'b' });
  });

  it('on one item more than its limit, drops what it held, ends with the overflow item, and refuses more', async () => {
    const { q, ended } = queue(2);
    expect([q.push('a'), q.push('b'), q.push('c'), q.push('d')]).toEqual([true, true, false, false]);
    expect(ended).toEqual(['ended']);
    expect(await drain(q)).toEqual(['overflow']);
  });

  it('keeps items held at close for the consumer, then ends', async () => {
    const { q, ended } = queue(5);
    q.push('a');
    q.close();
    expect(q.push('b')).toBe(false);
    expect(await drain(q)).toEqual(['a']);
    expect(ended).toEqual(['ended']);
  });

  it("ends once when the consumer returns, releasing a pending next", async () => {
    const { q, ended } = queue(5);
    const pending = q.next();
    await q.return!();
    await q.return!();
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(ended).toEqual(['ended']);
  });
});

describe('room(): a producer at the consumer\'s pace', () => {
  it('answers at once below the limit, and once the consumer takes one at the limit', async () => {
    const { q } = queue(2);
    await q.room();
    q.push('a');
    q.push('b');
    let roomy = false;
    const room = q.room().then(() => (roomy = true));
    await Promise.resolve();
    expect(roomy).toBe(false);
    expect(await q.next()).toEqual({ done: false, value: 'a' });
    await room;
    expect(q.push('c')).toBe(true);
  });

  it('answers once the queue ends, so a producer never waits on a consumer gone', async () => {
    const { q } = queue(1);
    q.push('a');
    const room = q.room();
    await q.return!();
    await expect(room).resolves.toBeUndefined();
    expect(q.push('b')).toBe(false);
  });
});

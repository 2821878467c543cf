import { BoundedQueue } from '../../src/sinks/queue.js';

describe('BoundedQueue', () => {
  it('takes in order, up to what it holds', () => {
    const queue = new BoundedQueue<number>(10);
    [1, 2, 3, 4].forEach((n) => queue.push(n));
    expect(queue.take(3)).toEqual([1, 2, 3]);
    expect(queue.take(3)).toEqual([4]);
    expect(queue.size).toBe(0);
    expect(queue.peek()).toBeUndefined();
  });

  it('drops the oldest when full and says which', () => {
    const queue = new BoundedQueue<number>(3);
    const dropped = [1, 2, 3, 4, 5].map((n) => queue.push(n));
    expect(dropped).toEqual([undefined, undefined, undefined, 1, 2]);
    expect(queue.drain()).toEqual([3, 4, 5]);
  });

  it('stays in order across many pushes and takes', () => {
    const queue = new BoundedQueue<number>(10_000);
    const out: number[] = [];
    for (let n = 0; n < 20_000; n++) {
      queue.push(n);
      if (n % 3 === 0) out.push(...queue.take(2));
    }
    out.push(...queue.drain());
    expect(out).toEqual([...Array(20_000).keys()]);
  });
});

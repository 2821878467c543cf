import { createLimiter } from '../../src/fleet/index.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('createLimiter', () => {
  it('runs at most `concurrency` tasks, and the rest in arrival order', async () => {
    const limit = createLimiter(2);
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    const done = gates.map((gate, i) =>
      limit(async () => {
        started.push(i);
        await gate.promise;
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    gates[1]!.resolve();
    await done[1];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    gates.forEach((gate) => gate.resolve());
    expect(await Promise.all(done)).toEqual([0, 1, 2, 3]);
  });

  it('frees the slot of a task that fails', async () => {
    const limit = createLimiter(1);
    await expect(limit(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limit(async () => 'next')).resolves.toBe('next');
  });

  it('drops a waiting task whose signal aborts: it never runs, and the slot goes to the next', async () => {
    const limit = createLimiter(1);
    const gate = deferred();
    const started: string[] = [];
    const first = limit(async () => {
      started.push('first');
      await gate.promise;
    });
    const stop = new AbortController();
    const dropped = limit(async () => void started.push('dropped'), stop.signal);
    const next = limit(async () => void started.push('next'));
    stop.abort();
    await expect(dropped).rejects.toMatchObject({ name: 'AbortError' });
    gate.resolve();
    await Promise.all([first, next]);
    expect(started).toEqual(['first', 'next']);
  });

  it('refuses a task whose signal has already aborted, and leaves a running task to its own devices', async () => {
    const limit = createLimiter(1);
    await expect(limit(async () => 'never', AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
    const gate = deferred();
    const first = limit(() => gate.promise);
    const stop = new AbortController();
    const running = limit(async () => {
      stop.abort();
      return 'ran';
    }, stop.signal);
    gate.resolve();
    await first;
    await expect(running).resolves.toBe('ran');
  });

  it.each([0, 1.5, -1])('rejects a concurrency of %s', (concurrency) => {
    expect(() => createLimiter(concurrency)).toThrow(RangeError);
  });
});

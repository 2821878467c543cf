import { sleep, untilAborted } from '../../src/timing/index.js';

describe('sleep', () => {
  it('resolves true when the time has passed', async () => {
    await expect(sleep(1, new AbortController().signal)).resolves.toBe(true);
  });

  it('resolves false at once for a signal already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(sleep(3_600_000, controller.signal)).resolves.toBe(false);
  });

  it('resolves false as soon as the signal aborts, rather than rejecting', async () => {
    const controller = new AbortController();
    const slept = sleep(3_600_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(slept).resolves.toBe(false);
  });
});

describe('untilAborted', () => {
  it('resolves when the signal aborts, and at once when it has', async () => {
    const controller = new AbortController();
    let done = false;
    const waiting = untilAborted(controller.signal).then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    controller.abort();
    await waiting;
    await expect(untilAborted(controller.signal)).resolves.toBeUndefined();
  });
});

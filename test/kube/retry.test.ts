// The retry loop with time injected: which failures it retries, how long it waits, when it stops.
import { withRetry, type Retryable } from '../../src/kube/retry.js';

function failing(times: number, verdict: Retryable) {
  let calls = 0;
  const attempt = async () => {
    calls++;
    if (calls <= times) throw Object.assign(new Error(`attempt ${calls}`), verdict);
    return 'ok';
  };
  return { attempt, calls: () => calls };
}

function recorder(remainingMs = 10_000) {
  const waits: number[] = [];
  const sleep = async (ms: number) => void waits.push(ms);
  const deadline = { signal: new AbortController().signal, remainingMs: () => remainingMs };
  return { waits, sleep, deadline };
}

const judge = (err: unknown) => err as Retryable;

describe('withRetry', () => {
  it('backs off exponentially between retryable failures', async () => {
    const { attempt, calls } = failing(3, { retryable: true });
    const { waits, sleep, deadline } = recorder();
    await expect(withRetry(attempt, judge, deadline, { sleep, random: () => 1, baseDelayMs: 100 })).resolves.toBe('ok');
    expect(calls()).toBe(4);
    expect(waits).toEqual([100, 200, 400]);
  });

  it('waits at least what Retry-After asks', async () => {
    const { attempt } = failing(1, { retryable: true, retryAfterMs: 1500 });
    const { waits, sleep, deadline } = recorder();
    await withRetry(attempt, judge, deadline, { sleep, random: () => 0 });
    expect(waits).toEqual([1500]);
  });

  it('does not retry what will not change', async () => {
    const { attempt, calls } = failing(1, { retryable: false });
    const { sleep, deadline } = recorder();
    await expect(withRetry(attempt, judge, deadline, { sleep })).rejects.toThrow('attempt 1');
    expect(calls()).toBe(1);
  });

  it('fails with the server answer when the wait would outlast the deadline', async () => {
    const { attempt, calls } = failing(5, { retryable: true, retryAfterMs: 5000 });
    const { waits, sleep, deadline } = recorder(1000);
    await expect(withRetry(attempt, judge, deadline, { sleep })).rejects.toThrow('attempt 1');
    expect([calls(), waits]).toEqual([1, []]);
  });

  it('reports the server answer, not the deadline, when the deadline cuts a retry short', async () => {
    const controller = new AbortController();
    let calls = 0;
    const attempt = async () => {
      calls++;
      if (calls === 1) throw Object.assign(new Error('503 from the server'), { retryable: true });
      controller.abort();
      throw new Error('aborted');
    };
    const deadline = { signal: controller.signal, remainingMs: () => 10_000 };
    await expect(withRetry(attempt, judge, deadline, { sleep: async () => {} })).rejects.toThrow('503 from the server');
  });

  it('stops after its attempts', async () => {
    const { attempt, calls } = failing(10, { retryable: true });
    const { sleep, deadline } = recorder();
    await expect(withRetry(attempt, judge, deadline, { sleep, maxAttempts: 3 })).rejects.toThrow('attempt 3');
    expect(calls()).toBe(3);
  });
});

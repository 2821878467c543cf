import { batchDecision, type BatchDecision, type BatchState } from '../../src/sinks/batching.js';

const base: BatchState = { queued: 0, oldestAt: 0, now: 0, batchSize: 10, intervalMs: 1000 };

describe('batchDecision', () => {
  it.each<[string, Partial<BatchState>, BatchDecision]>([
    ['idles with nothing queued', {}, { action: 'idle' }],
    ['waits out the interval for a lone event', { queued: 1, oldestAt: 0, now: 200 }, { action: 'wait', ms: 800 }],
    ['sends a full batch at once', { queued: 10, now: 1 }, { action: 'send', count: 10 }],
    ['sends no more than a batch', { queued: 25, now: 1 }, { action: 'send', count: 10 }],
    ['sends what waits once the oldest has waited the interval', { queued: 3, oldestAt: 0, now: 1000 }, { action: 'send', count: 3 }],
    ['sends at once with interval 0', { queued: 1, intervalMs: 0 }, { action: 'send', count: 1 }],
    ['batch size 1 sends each event alone', { queued: 4, batchSize: 1 }, { action: 'send', count: 1 }],
  ])('%s', (_name, state, expected) => {
    expect(batchDecision({ ...base, ...state })).toEqual(expected);
  });
});

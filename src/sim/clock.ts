// The simulator's sense of time. Controllers schedule everything through a Clock so
// tests can run the fleet faster than real time (`speed`) or step it by hand.

export type Cancel = () => void;

export interface Clock {
  /** simulated epoch milliseconds */
  now(): number;
  /** runs fn after `ms` of simulated time */
  setTimeout(fn: () => void, ms: number): Cancel;
  /** runs fn every `ms` of simulated time until cancelled */
  setInterval(fn: () => void, ms: number): Cancel;
}

export interface RealClockOptions {
  /** simulated milliseconds per real millisecond; default 1 */
  speed?: number;
  realNow?: () => number;
}

/** Simulated time runs `speed` times faster than the wall clock, from now. */
export function createClock({ speed = 1, realNow = Date.now }: RealClockOptions = {}): Clock {
  if (!(speed > 0)) throw new Error(`clock speed must be positive, got ${speed}`);
  const origin = realNow();
  return {
    now: () => origin + (realNow() - origin) * speed,
    setTimeout(fn, ms) {
      const t = setTimeout(fn, Math.max(0, ms / speed));
      t.unref?.();
      return () => clearTimeout(t);
    },
    setInterval(fn, ms) {
      const t = setInterval(fn, Math.max(1, ms / speed));
      t.unref?.();
      return () => clearInterval(t);
    },
  };
}

/** A clock that moves only when told to: for tests of timed behaviour without sleeping. */
export class ManualClock implements Clock {
  private current: number;
  private timers: { at: number; fn: () => void; every?: number; id: number }[] = [];
  private nextId = 0;

  constructor(start = Date.UTC(2026, 0, 1)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimeout(fn: () => void, ms: number): Cancel {
    return this.add({ at: this.current + ms, fn });
  }

  setInterval(fn: () => void, ms: number): Cancel {
    return this.add({ at: this.current + ms, fn, every: Math.max(1, ms) });
  }

  /** moves time forward, running every timer that falls due, in order */
  advance(ms: number): void {
    const until = this.current + ms;
    // Timers are kept in firing order (time, then creation), so the next due is always first.
    while (this.timers.length > 0 && this.timers[0]!.at <= until) {
      const due = this.timers.shift()!;
      this.current = due.at;
      if (due.every) this.insert({ ...due, at: due.at + due.every });
      due.fn();
    }
    this.current = until;
  }

  private add(t: { at: number; fn: () => void; every?: number }): Cancel {
    const timer = { ...t, id: this.nextId++ };
    this.insert(timer);
    return () => {
      const i = this.timers.findIndex((x) => x.id === timer.id);
      if (i >= 0) this.timers.splice(i, 1);
    };
  }

  private insert(timer: { at: number; fn: () => void; every?: number; id: number }): void {
    let lo = 0;
    let hi = this.timers.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const t = this.timers[mid]!;
      if (t.at < timer.at || (t.at === timer.at && t.id < timer.id)) lo = mid + 1;
      else hi = mid;
    }
    this.timers.splice(lo, 0, timer);
  }
}

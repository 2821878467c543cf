// The dedupe window: an object whose content has not changed is not sent again for a while.
// Relists after a cut watch, and writes that touch only pruned fields, would otherwise repeat
// every object to the receiver.
import type { ChangeType } from '../events/types.js';

export interface DedupeWindowOptions {
  /** How long a sent state is remembered; 0 remembers nothing (every change is sent). */
  windowMs: number;
  now: () => number;
}

export interface DedupeWindow {
  /**
   * true when the change should be sent; false for an object (by `key`) whose `hash` equals
   * the one admitted for it less than `windowMs` ago. DELETED is always admitted and forgets
   * the object, so one re-created with the same content is sent again.
   */
  admit(key: string, hash: string, type: ChangeType): boolean;
  /** Forgets the object, so its next state is admitted whatever it is. */
  forget(key: string): void;
  /** Objects remembered now, for tests and stats. */
  size(): number;
}

/**
 * The window is measured from the last time the object's state was admitted; a suppressed
 * duplicate does not extend it. Memory stays bounded by the objects changed within one window:
 * entries sit in admission order and expired ones are dropped from the front on every call.
 */
export function createDedupeWindow({ windowMs, now }: DedupeWindowOptions): DedupeWindow {
  const seen = new Map<string, { hash: string; at: number }>();
  const expire = (t: number) => {
    for (const [key, entry] of seen) {
      if (t - entry.at < windowMs) break;
      seen.delete(key);
    }
  };
  return {
    admit(key, hash, type) {
      if (windowMs <= 0) return true;
      const t = now();
      expire(t);
      if (type === 'DELETED') {
        seen.delete(key);
        return true;
      }
      if (seen.get(key)?.hash === hash) return false;
      seen.delete(key); // re-insert at the back: admission order
      seen.set(key, { hash, at: t });
      return true;
    },
    forget: (key) => void seen.delete(key),
    size: () => seen.size,
  };
}

// A sink's waiting events: bounded, dropping the oldest when full.

/**
 * FIFO with a capacity. When full, `push` drops from the front — the oldest changes — and
 * returns what it dropped: a receiver that catches up then holds each object's latest state, and
 * what it does get for one object is still in order.
 */
export class BoundedQueue<T> {
  private items: T[] = [];
  private head = 0;

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.items.length - this.head;
  }

  /** Appends; returns the oldest item when it had to go to make room. */
  push(item: T): T | undefined {
    this.items.push(item);
    if (this.size <= this.capacity) return undefined;
    const dropped = this.items[this.head];
    this.head++;
    this.compact();
    return dropped;
  }

  peek(): T | undefined {
    return this.items[this.head];
  }

  /** Removes and returns up to `count` from the front. */
  take(count: number): T[] {
    const taken = this.items.slice(this.head, this.head + count);
    this.head += taken.length;
    this.compact();
    return taken;
  }

  /** Removes and returns everything. */
  drain(): T[] {
    return this.take(this.size);
  }

  // Shift lazily: slicing once half the array is spent keeps push and take O(1) amortised.
  private compact(): void {
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
}

// Requests a cluster answered, by verb and resource (`list pods`, `create pods/eviction`),
// so tests and benchmarks can count what the gateway cost a cluster.

export class RequestCounters {
  private readonly counts = new Map<string, number>();

  count(verb: string, resource: string): void {
    const key = `${verb} ${resource}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** every counter, keyed `verb resource` */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** the sum over counters whose verb (and resource, when given) match */
  total(verb?: string, resource?: string): number {
    let sum = 0;
    for (const [key, n] of this.counts) {
      const [v, r] = key.split(' ');
      if ((!verb || v === verb) && (!resource || r === resource)) sum += n;
    }
    return sum;
  }

  reset(): void {
    this.counts.clear();
  }
}

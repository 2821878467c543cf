// Pod IPs, unique within a cluster while the pod lives: handed out in order from the
// cluster's pod network and reused only after every other address has been tried.

/** 10.244.0.0/16, the pod network kubeadm clusters default to, minus network and broadcast ends */
const FIRST = (10 << 24) | (244 << 16);
const SIZE = 1 << 16;

export class PodAddresses {
  private readonly inUse = new Set<number>();
  private next = 1;

  allocate(): string {
    for (let tries = 0; tries < SIZE; tries++) {
      const offset = this.next;
      this.next = (this.next % (SIZE - 2)) + 1;
      if (this.inUse.has(offset) || (offset & 0xff) === 0 || (offset & 0xff) === 0xff) continue;
      this.inUse.add(offset);
      return format(FIRST + offset);
    }
    throw new Error('sim: the pod network 10.244.0.0/16 is exhausted');
  }

  /** marks an address taken (pods that existed before the controllers started) */
  claim(ip: string | undefined): void {
    const offset = parse(ip);
    if (offset !== undefined) this.inUse.add(offset);
  }

  release(ip: string | undefined): void {
    const offset = parse(ip);
    if (offset !== undefined) this.inUse.delete(offset);
  }
}

function format(n: number): string {
  return [n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff].join('.');
}

function parse(ip: string | undefined): number | undefined {
  const parts = ip?.split('.').map(Number);
  if (!parts || parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return undefined;
  const n = ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
  const offset = n - (FIRST >>> 0);
  return offset > 0 && offset < SIZE ? offset : undefined;
}

// Host-name claims: which environment a host name belongs to, decided atomically in the store
// before the clusters are written (reference 001: a host name is held by one environment only).
//
// The order of things for createEnvironment and updateEnvironment:
//  1. the clusters are read and any name another environment carries there is refused (names
//     written before claims existed, or by other tools, live only there);
//  2. the names are claimed in the store, one insert per name in sorted order: of two calls
//     claiming a name at once exactly one insert succeeds, the other gives back what it took
//     and is refused naming the holder (sorted, so two calls wanting several names cannot each
//     take one and both lose);
//  3. the clusters are written; on failure the names this call claimed are given back;
//  4. the claims are marked held, and names the environment no longer has are released.
// A claim whose holder is not in the clusters (its environment was deleted or changed by
// another tool, or a gateway died between 2 and 3) would block the name for ever: a claim still
// pending after `pendingTtlMs`, or held while the clusters show its environment without the
// name, is stale and is taken over.
import { randomUUID } from 'node:crypto';
import { DuplicateKeyError, type HostNameClaim, type HostNameStore } from '../store/index.js';
import { heldHostsConflict } from './conflicts.js';

/** How long a claim may stay pending (its call writing the clusters) before it counts as abandoned. */
export const DEFAULT_PENDING_TTL_MS = 120_000;

export interface ClaimOptions {
  claims: HostNameStore;
  environment: string;
  /** lower-cased and de-duplicated */
  hosts: readonly string[];
  /**
   * Whether a held claim of another environment is stale: true when the clusters, read now,
   * show that environment without the name. Called only when a name is held by another.
   */
  holderLacks(claim: HostNameClaim): Promise<boolean>;
  /** default 120 s */
  pendingTtlMs?: number;
  /** default () => new Date() */
  now?: () => Date;
}

export interface HostNameGrant {
  /** the claims this call took (not those the environment held already) */
  readonly taken: readonly HostNameClaim[];
  /** the clusters carry the names now: mark what this call took as held */
  confirm(): Promise<void>;
  /** the cluster writes failed: give back what this call took */
  giveBack(): Promise<void>;
}

/**
 * Claims every host for the environment, or none.
 * @throws ConflictError naming a host and the environment holding it
 */
export async function claimHostNames(opts: ClaimOptions): Promise<HostNameGrant> {
  const taken: HostNameClaim[] = [];
  const grant = grantOf(opts.claims, taken);
  try {
    for (const host of [...opts.hosts].sort()) {
      const claim = await claimOne(opts, host);
      if (claim) taken.push(claim);
    }
  } catch (err) {
    await grant.giveBack();
    throw err;
  }
  return grant;
}

/** The claim taken, or undefined when the environment held the name already. */
async function claimOne(opts: ClaimOptions, host: string): Promise<HostNameClaim | undefined> {
  const { claims, environment, now = () => new Date() } = opts;
  // A claim released between the failed insert and the read is tried again; a few rounds suffice.
  for (let attempt = 0; attempt < 5; attempt++) {
    const mine: HostNameClaim = { host, environment, state: 'pending', token: randomUUID(), at: now() };
    try {
      await claims.insert(mine);
      return mine;
    } catch (err) {
      if (!(err instanceof DuplicateKeyError)) throw err;
    }
    const held = await claims.get(host);
    if (!held) continue;
    if (held.environment === environment) return undefined;
    if (!(await isStale(opts, held))) throw heldHostsConflict('hostNames', [{ host, environment: held.environment }]);
    if (await claims.update(host, held.token, { environment, state: 'pending', token: mine.token, at: mine.at })) return mine;
  }
  throw new Error(`host name ${host}: its claim kept changing hands`);
}

async function isStale(opts: ClaimOptions, claim: HostNameClaim): Promise<boolean> {
  const { pendingTtlMs = DEFAULT_PENDING_TTL_MS, now = () => new Date() } = opts;
  if (claim.state === 'pending') return now().getTime() - claim.at.getTime() > pendingTtlMs;
  return opts.holderLacks(claim);
}

function grantOf(claims: HostNameStore, taken: readonly HostNameClaim[]): HostNameGrant {
  return {
    taken,
    async confirm() {
      await Promise.all(taken.map((c) => claims.update(c.host, c.token, { state: 'held' })));
    },
    async giveBack() {
      await Promise.all(taken.map((c) => claims.remove(c.host, c.token)));
    },
  };
}

/** Runs the cluster writes for claimed host names: a failure gives the claims back, success confirms them. */
export async function writeClaimed<T>(grant: HostNameGrant, write: () => Promise<T>): Promise<T> {
  let written: T;
  try {
    written = await write();
  } catch (err) {
    await grant.giveBack();
    throw err;
  }
  await grant.confirm();
  return written;
}

/** Releases the environment's claims on names it no longer has (all of them when `keep` is empty). */
export async function releaseHostNames(claims: HostNameStore, environment: string, keep: readonly string[] = []): Promise<void> {
  const kept = new Set(keep);
  const held = await claims.listFor(environment);
  await Promise.all(held.filter((c) => !kept.has(c.host)).map((c) => claims.remove(c.host, c.token)));
}

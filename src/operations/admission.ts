// What happens to a mutation before its operation runs: its idempotency key is reserved (or
// names the operation it already stands for), it is planned, its targets are claimed (or it
// queues behind their holder), and it is written. Each claim is the store's, atomic.
import { ConflictError } from '../errors/index.js';
import { toGlobalId } from '../model/ids.js';
import { backoffDelay, NO_JITTER } from '../timing/index.js';
import { heldByMessage, targetKeys } from './claims.js';
import type { Operation, OperationRequest } from './model.js';
import type { OperationStore } from './ports.js';
import type { RunnerContext } from './runner-context.js';

/** A mutation asking for an operation, before it is planned. */
export interface SubmitArgs {
  /** the mutation's name (rolloutImage...): with the input, what an idempotency key stands for */
  mutation: string;
  /** the mutation's input as received; hashed for idempotency (requestHash) */
  input: object;
  requestedBy: string;
  idempotencyKey?: string | null;
  /** wait for targets another operation holds instead of failing with CONFLICT; default false */
  queue?: boolean | null;
  /** plans the operation; called at most once, after the key is reserved */
  plan(): Promise<OperationRequest>;
}

export interface AdmitArgs {
  run: RunnerContext;
  store: OperationStore;
  id: string;
  submit: SubmitArgs;
  hash: string;
  /** how long an idempotency key names its operation */
  keyTtlMs: number;
  /** the operation as it will be written, from the plan */
  build(request: OperationRequest, holder: string | undefined): Operation;
}

/** A reservation whose operation never appeared this long is a gateway that died in between. */
const ORPHAN_KEY_MS = 60_000;

/**
 * @returns the operation written, and whether it is new (false: an earlier request with the same key)
 * @throws ConflictError for a key used with another request, or a target another operation holds (unless queued)
 */
export async function admit(args: AdmitArgs): Promise<{ operation: Operation; created: boolean }> {
  const { run, store, id, submit } = args;
  const key = submit.idempotencyKey ?? null;
  if (key !== null) {
    const existing = await reserveKey(args, key);
    if (existing) return { operation: existing, created: false };
  }
  try {
    const request = await submit.plan();
    const holder = request.dryRun ? undefined : await store.claimTargets(id, targetKeys(request.targets), run.now());
    if (holder !== undefined && !submit.queue) throw new ConflictError(`${heldByMessage(holder)} until it finishes; retry then, or pass queue: true to wait for it`);
    const operation = args.build(request, holder);
    await store.create(operation);
    return { operation, created: true };
  } catch (err) {
    await store.releaseTargets(id);
    if (key !== null) await store.releaseKey(submit.requestedBy, key, id);
    throw err;
  }
}

/** undefined once this request holds the key; else the operation an identical earlier request made */
async function reserveKey({ run, store, id, submit, hash, keyTtlMs }: AdmitArgs, key: string): Promise<Operation | undefined> {
  // Waiting for another call's operation: polls from 10 ms, doubling up to pollMs (no jitter: the wait is local).
  for (let attempt = 1; ; attempt++) {
    const createdAt = run.now();
    const held = await store.reserveKey({ principal: submit.requestedBy, key, operationId: id, requestHash: hash, createdAt, expiresAt: new Date(createdAt.getTime() + keyTtlMs) });
    if (!held) return undefined;
    if (held.requestHash !== hash) {
      throw new ConflictError(`idempotencyKey "${key}" was used for a different request (operation ${toGlobalId('Operation', held.operationId)}); use a new key for a new request`);
    }
    // The same request, made by another call that may still be planning: wait for its operation.
    const operation = await store.get(held.operationId);
    if (operation) return operation;
    if (createdAt.getTime() - held.createdAt.getTime() > ORPHAN_KEY_MS) await store.releaseKey(submit.requestedBy, key, held.operationId);
    else await run.sleep(backoffDelay({ attempt, baseMs: 10, maxMs: Math.max(run.pollMs, 10), random: NO_JITTER }), run.signal);
  }
}

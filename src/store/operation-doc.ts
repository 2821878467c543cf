// An operation as either database keeps it, and the check every read makes: a document edited by
// hand or written by another program is refused naming what is wrong, never handed to the
// engine as an operation it is not.
import { z } from 'zod';
import {
  OPERATION_KINDS,
  OPERATION_STATUSES,
  TARGET_STATUSES,
  TARGET_STEPS,
  WORKLOAD_TARGET_KINDS,
  type Operation,
  type OperationTarget,
} from '../operations/model.js';
import { MalformedOperationError } from '../operations/ports.js';
import { escapeKeys, unescapeKeys } from './keys.js';

/** An operation as written. */
export type OperationDoc = Omit<Operation, 'id'> & { _id: string };
/** A document of the operations collection as read: nothing but its id is known until fromOperationDoc has checked it. */
export type StoredOperationDoc = { _id: string; [field: string]: unknown };

const text = z.string();
const maybeText = z.string().nullable();
const maybeDate = z.date().nullable();

const progress = {
  cluster: text,
  name: text,
  status: z.enum(TARGET_STATUSES),
  fromImage: maybeText,
  toImage: maybeText,
  message: maybeText,
  startedAt: maybeDate,
  finishedAt: maybeDate,
  step: z.enum(TARGET_STEPS),
  changes: z.array(z.object({ container: text, from: text, to: text })),
  previousRevision: z.number().int().nullable(),
};

const target = z.discriminatedUnion('kind', [
  z.object({ ...progress, kind: z.enum(WORKLOAD_TARGET_KINDS), namespace: text }),
  z.object({ ...progress, kind: z.literal('Node'), namespace: z.null(), bootId: maybeText.optional() }),
  z.object({ ...progress, kind: z.literal('Cluster'), namespace: z.null() }),
]) satisfies z.ZodType<OperationTarget>;

// Limits the scheduler relies on (at least one cluster or host at a time) are checked; timeouts
// come from the configuration and are taken as written.
const strategy = z.object({
  maxParallelClusters: z.number().int().min(1),
  stopOnFailure: z.boolean(),
  rollbackOnFailure: z.boolean(),
  timeoutSeconds: z.number(),
});

const params = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ROLLOUT'), image: text, strategy, clusterOrder: z.array(text) }),
  z.object({ kind: z.literal('RESTART'), restartedAt: text, strategy, clusterOrder: z.array(text) }),
  z.object({ kind: z.literal('ROLLBACK'), revision: z.number().int(), strategy, clusterOrder: z.array(text) }),
  z.object({ kind: z.literal('HOST_RESTART'), maxUnavailable: z.number().int().min(1), timeoutSeconds: z.number() }),
]);

const operation = z
  .object({
    _id: text,
    kind: z.enum(OPERATION_KINDS),
    status: z.enum(OPERATION_STATUSES),
    dryRun: z.boolean(),
    requestedBy: text,
    idempotencyKey: maybeText,
    createdAt: z.date(),
    startedAt: maybeDate,
    finishedAt: maybeDate,
    message: maybeText,
    params,
    cancelRequested: z.boolean(),
    targets: z.array(target),
    lease: z.object({ owner: text, expiresAt: z.date() }).nullable().optional(),
  })
  .refine((doc) => doc.params.kind === doc.kind, { message: 'params are for another kind of operation', path: ['params', 'kind'] });

export function toOperationDoc({ id, ...rest }: Operation): OperationDoc {
  return escapeKeys({ _id: id, ...rest });
}

/**
 * The operation a document holds. Fields it does not know are dropped (an earlier version's
 * embedded adapter wrote an `idempotency` index into each).
 * @throws MalformedOperationError naming the document and its first wrong field
 */
export function fromOperationDoc(doc: unknown): Operation {
  const parsed = operation.safeParse(unescapeKeys(doc));
  if (!parsed.success) throw new MalformedOperationError(idOf(doc), describe(parsed.error));
  const { _id, lease, ...rest } = parsed.data;
  return { id: _id, ...rest, ...(lease === undefined ? {} : { lease }) };
}

function idOf(doc: unknown): string {
  return doc !== null && typeof doc === 'object' && '_id' in doc && typeof doc._id === 'string' ? doc._id : '(without an id)';
}

function describe(error: z.ZodError): string {
  const [first] = error.issues;
  if (!first) return 'unreadable';
  const where = first.path.length > 0 ? first.path.join('.') : 'the document';
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
  return `${where}: ${first.message}${more}`;
}

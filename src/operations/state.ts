// The target and operation state machine, pure. A target moves
//
//   planned ──start──▶ changing ──changed──▶ changed ──succeeded──▶ done (SUCCEEDED)
//                          │                    ├──failed──────────▶ done (FAILED)
//                          └──failed──▶ done    └──rolling-back──▶ rolling-back ──rolled-back──▶ done (FAILED)
//   planned ──skipped / cancelled──▶ done (SKIPPED / CANCELLED)
//   planned / rolling-back ──failed──▶ done (FAILED): it could not start / there was nothing to go back to
//
// Each step is written to the store BEFORE the work it names, so a gateway that stops
// anywhere resumes knowing what may have landed (see TargetStep in model.ts).
import type { Operation, OperationFields, OperationStatus, OperationTarget, TargetFields, TargetStatus } from './model.js';
import { assertNever } from '../lang/assert-never.js';

export type TargetEvent =
  /** work begins: the change is about to be made; `previousRevision` is what to return to */
  | { type: 'start'; at: Date; previousRevision: number | null }
  /** the change landed (a host: its reboot is about to be asked, from the boot `bootId`); what is left is waiting */
  | { type: 'changed'; bootId?: string | null }
  | { type: 'succeeded'; at: Date }
  | { type: 'failed'; at: Date; reason: string }
  /** the target failed and is being returned to its previous revision */
  | { type: 'rolling-back'; reason: string }
  /** the rollback was written; the target stays FAILED, its message says where it went back to */
  | { type: 'rolled-back'; at: Date; revision: number | null }
  /** never started: the operation stopped on a failure, or this was a dry run */
  | { type: 'skipped'; at: Date; reason: string }
  | { type: 'cancelled'; at: Date };

export class InvalidTransitionError extends Error {
  override readonly name = 'InvalidTransitionError';
}

const FINISHED_TARGET: ReadonlySet<TargetStatus> = new Set(['SUCCEEDED', 'FAILED', 'SKIPPED', 'CANCELLED']);

export function isTargetFinished(target: Pick<OperationTarget, 'status'>): boolean {
  return FINISHED_TARGET.has(target.status);
}

export function isOperationFinished(op: Pick<Operation, 'status'>): boolean {
  return op.status !== 'PENDING' && op.status !== 'RUNNING';
}

/**
 * The fields an event changes on a target.
 * @throws InvalidTransitionError for an event the target's step does not allow (a bug of the caller).
 */
export function transition(target: Pick<OperationTarget, 'step' | 'message'>, event: TargetEvent): TargetFields {
  const allowed = (...steps: OperationTarget['step'][]) => {
    if (!steps.includes(target.step)) throw new InvalidTransitionError(`a target at step ${target.step} cannot take ${event.type}`);
  };
  switch (event.type) {
    case 'start':
      allowed('planned');
      return { step: 'changing', status: 'RUNNING', startedAt: event.at, previousRevision: event.previousRevision };
    case 'changed':
      allowed('changing');
      return event.bootId === undefined ? { step: 'changed' } : { step: 'changed', bootId: event.bootId };
    case 'succeeded':
      allowed('changed');
      return { step: 'done', status: 'SUCCEEDED', finishedAt: event.at, message: null };
    case 'failed':
      // From planned: the target could not even start (its cluster is gone).
      if (target.step === 'planned') return { step: 'done', status: 'FAILED', startedAt: event.at, finishedAt: event.at, message: event.reason };
      allowed('changing', 'changed', 'rolling-back');
      return { step: 'done', status: 'FAILED', finishedAt: event.at, message: event.reason };
    case 'rolling-back':
      allowed('changing', 'changed');
      return { step: 'rolling-back', message: event.reason };
    case 'rolled-back': {
      allowed('rolling-back');
      const where = event.revision === null ? 'rolled back to the images it had' : `rolled back to revision ${event.revision}`;
      return { step: 'done', status: 'FAILED', finishedAt: event.at, message: `${where}: ${target.message ?? 'failed'}` };
    }
    case 'skipped':
      allowed('planned');
      return { step: 'done', status: 'SKIPPED', finishedAt: event.at, message: event.reason };
    case 'cancelled':
      allowed('planned');
      return { step: 'done', status: 'CANCELLED', finishedAt: event.at, message: 'cancelled before it started' };
    default:
      return assertNever(event);
  }
}

/**
 * How an operation ends once every target has: CANCELLED when a cancel was asked, FAILED
 * when any target failed, SUCCEEDED otherwise (skipped targets of a dry run included).
 * Undefined while a target is still to finish.
 */
export function operationOutcome(op: Pick<Operation, 'targets' | 'cancelRequested'>, at: Date): OperationFields | undefined {
  if (!op.targets.every(isTargetFinished)) return undefined;
  const failed = op.targets.filter((t) => t.status === 'FAILED').length;
  const status: OperationStatus = op.cancelRequested ? 'CANCELLED' : failed > 0 ? 'FAILED' : 'SUCCEEDED';
  return { status, finishedAt: at, message: outcomeMessage(status, failed, op.targets.length) };
}

function outcomeMessage(status: OperationStatus, failed: number, total: number): string | null {
  switch (status) {
    case 'CANCELLED':
      return failed > 0 ? `cancelled; ${failed} of ${total} targets failed` : 'cancelled';
    case 'FAILED':
      return `${failed} of ${total} targets failed`;
    case 'SUCCEEDED':
      return total === 0 ? 'nothing to change' : null;
    case 'PENDING':
    case 'RUNNING':
      return null;
    default:
      return assertNever(status);
  }
}

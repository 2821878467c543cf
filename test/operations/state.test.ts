import { InvalidTransitionError, operationOutcome, transition } from '../../src/operations/state.js';
import type { OperationTarget } from '../../src/operations/model.js';

const at = new Date('2026-09-01T00:00:00Z');

describe('target transitions', () => {
  it.each([
    ['planned', { type: 'start', at, previousRevision: 3 }, { step: 'changing', status: 'RUNNING', startedAt: at, previousRevision: 3 }],
    ['changing', { type: 'changed' }, { step: 'changed' }],
    ['changing', { type: 'changed', bootId: 'boot-1' }, { step: 'changed', bootId: 'boot-1' }],
    ['changed', { type: 'succeeded', at }, { step: 'done', status: 'SUCCEEDED', finishedAt: at, message: null }],
    ['changed', { type: 'failed', at, reason: 'boom' }, { step: 'done', status: 'FAILED', finishedAt: at, message: 'boom' }],
    ['planned', { type: 'failed', at, reason: 'gone' }, { step: 'done', status: 'FAILED', startedAt: at, finishedAt: at, message: 'gone' }],
    ['changed', { type: 'rolling-back', reason: 'deadline' }, { step: 'rolling-back', message: 'deadline' }],
    ['planned', { type: 'skipped', at, reason: 'stopped' }, { step: 'done', status: 'SKIPPED', finishedAt: at, message: 'stopped' }],
    ['planned', { type: 'cancelled', at }, { step: 'done', status: 'CANCELLED', finishedAt: at, message: 'cancelled before it started' }],
  ] as const)('%s + %j', (step, event, fields) => {
    expect(transition({ step, message: null }, event)).toEqual(fields);
  });

  it('says where a rollback went, and why', () => {
    expect(transition({ step: 'rolling-back', message: 'progress deadline exceeded' }, { type: 'rolled-back', at, revision: 3 })).toMatchObject({
      status: 'FAILED',
      message: 'rolled back to revision 3: progress deadline exceeded',
    });
  });

  it.each([
    ['planned', { type: 'succeeded', at }],
    ['changed', { type: 'start', at, previousRevision: null }],
    ['done', { type: 'cancelled', at }],
    ['changing', { type: 'rolled-back', at, revision: 1 }],
  ] as const)('refuses %s + %j', (step, event) => {
    expect(() => transition({ step, message: null }, event)).toThrow(InvalidTransitionError);
  });
});

describe('operation outcome', () => {
  const target = (status: OperationTarget['status']) => ({ status }) as OperationTarget;

  it.each([
    [['SUCCEEDED', 'SUCCEEDED'], false, 'SUCCEEDED'],
    [['SKIPPED', 'SKIPPED'], false, 'SUCCEEDED'],
    [['SUCCEEDED', 'FAILED', 'SKIPPED'], false, 'FAILED'],
    [['SUCCEEDED', 'CANCELLED'], true, 'CANCELLED'],
  ] as const)('%j (cancelled: %s) ends %s', (statuses, cancelRequested, status) => {
    expect(operationOutcome({ targets: statuses.map(target), cancelRequested }, at)).toMatchObject({ status, finishedAt: at });
  });

  it('is undefined while a target is left', () => {
    expect(operationOutcome({ targets: [target('SUCCEEDED'), target('RUNNING')], cancelRequested: false }, at)).toBeUndefined();
  });

  it('says how many failed', () => {
    expect(operationOutcome({ targets: [target('FAILED'), target('SKIPPED')], cancelRequested: false }, at)?.message).toBe('1 of 2 targets failed');
  });
});

// Operation mutations and reads through the gateway, for end-to-end tests of the operations engine,
// through the typed client and the typed documents of schema/operations/.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { FleetgraphError } from '../../src/client/index.js';
import {
  CancelOperationDocument,
  OperationDocument,
  type OperationFieldsFragment,
  type OperationTargetFieldsFragment,
  RestartHostsDocument,
  RestartWorkloadsDocument,
  RollbackWorkloadDocument,
  RolloutImageDocument,
} from '../../schema/generated/graphql.js';
import type { OperationRecord } from '../../src/operations/index.js';
import { resourceByKind } from '../../src/sim/resources.js';
import type { TestGateway } from './gateway.js';
import { eventually } from './wait.js';

const DEPLOYMENT = resourceByKind('Deployment');

/** An operation's fields as a query asks for them inline (same as the OperationFields fragment). */
export const OPERATION_FIELDS = `id kind status dryRun message requestedBy createdAt startedAt finishedAt progress
  targets { cluster kind namespace name status fromImage toImage message startedAt finishedAt }`;

export type Target = OperationTargetFieldsFragment;
export type Operation = OperationFieldsFragment;

// The mutations that answer an Operation, by field name; `inputType` of the callers below is the
// document's own and kept only so call sites read as the mutation they send.
const MUTATIONS = {
  rolloutImage: RolloutImageDocument,
  restartWorkloads: RestartWorkloadsDocument,
  restartHosts: RestartHostsDocument,
  rollbackWorkload: RollbackWorkloadDocument,
} as const satisfies Record<string, TypedDocumentNode<Record<string, Operation>, { input: never }>>;
type OperationMutation = keyof typeof MUTATIONS;

async function send(gw: TestGateway, name: string, input: unknown): Promise<Operation> {
  const document = MUTATIONS[name as OperationMutation] as TypedDocumentNode<Record<string, Operation>, { input: unknown }> | undefined;
  if (!document) throw new Error(`${name} is not a mutation answering an Operation`);
  const data = await gw.client().request(document, { input });
  return data[name]!;
}

export async function mutate(gw: TestGateway, name: string, _inputType: string, input: unknown): Promise<Operation> {
  return send(gw, name, input);
}

/** The operation, or the one error the mutation answered. */
export async function attempt(gw: TestGateway, name: string, _inputType: string, input: unknown): Promise<{ operation: Operation } | { code: unknown; message: string }> {
  try {
    return { operation: await send(gw, name, input) };
  } catch (err) {
    if (!(err instanceof FleetgraphError)) throw err;
    expect(err.errors).toHaveLength(1);
    return { code: err.code, message: err.message };
  }
}

export async function errorOf(gw: TestGateway, name: string, inputType: string, input: unknown): Promise<{ code: unknown; message: string }> {
  const answer = await attempt(gw, name, inputType, input);
  if ('operation' in answer) throw new Error(`${name} answered operation ${answer.operation.id}, not an error`);
  return answer;
}

export async function operation(gw: TestGateway, id: string): Promise<Operation> {
  const { operation } = await gw.client().request(OperationDocument, { id });
  if (!operation) throw new Error(`no operation ${id}`);
  return operation;
}

export async function cancel(gw: TestGateway, id: string): Promise<Operation> {
  return (await gw.client().request(CancelOperationDocument, { id })).cancelOperation;
}

/** Polls the operation (bounded) until it has finished. */
export function finished(gw: TestGateway, id: string, timeoutMs = 10_000): Promise<Operation> {
  return eventually(() => operation(gw, id), (op) => !['PENDING', 'RUNNING'].includes(op.status), timeoutMs);
}

/** Resolves with the first published operation record that passes `test`. */
export function published(gw: TestGateway, test: (op: OperationRecord) => boolean): Promise<OperationRecord> {
  return new Promise((resolve) => {
    const off = gw.operationEvents.subscribe((op) => {
      if (!test(op)) return;
      off();
      resolve(op);
    });
  });
}

export function imageOf(gw: TestGateway, cluster: string, namespace: string, name: string): string | undefined {
  const d = gw.fleet.cluster(cluster).store.get(DEPLOYMENT, namespace, name);
  return d?.spec?.template?.spec?.containers?.[0]?.image;
}

export const patches = (gw: TestGateway, cluster: string) => gw.fleet.cluster(cluster).counters.total('patch', 'deployments');

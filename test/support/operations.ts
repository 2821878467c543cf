// Operation mutations and reads through the gateway, for end-to-end tests of the operations engine.
import type { OperationRecord } from '../../src/operations/index.js';
import { resourceByKind } from '../../src/sim/resources.js';
import type { TestGateway } from './gateway.js';
import { eventually } from './wait.js';

const DEPLOYMENT = resourceByKind('Deployment');

export const OPERATION_FIELDS = `id kind status dryRun message startedAt finishedAt progress
  targets { cluster kind namespace name status fromImage toImage message startedAt finishedAt }`;

export interface Target {
  cluster: string;
  kind: string;
  namespace: string | null;
  name: string;
  status: string;
  fromImage: string | null;
  toImage: string | null;
  message: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}
export interface Operation {
  id: string;
  kind: string;
  status: string;
  dryRun: boolean;
  message: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  progress: number;
  targets: Target[];
}

export async function mutate(gw: TestGateway, name: string, inputType: string, input: unknown): Promise<Operation> {
  const { data, errors } = await gw.query<Record<string, Operation>>(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${OPERATION_FIELDS} } }`, { input });
  if (errors) throw new Error(JSON.stringify(errors));
  return data![name]!;
}

/** The operation, or the one error the mutation answered. */
export async function attempt(gw: TestGateway, name: string, inputType: string, input: unknown): Promise<{ operation: Operation } | { code: unknown; message: string }> {
  const { data, errors } = await gw.query<Record<string, Operation>>(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${OPERATION_FIELDS} } }`, { input });
  if (!errors) return { operation: data![name]! };
  expect(errors).toHaveLength(1);
  return { code: errors[0]!.extensions?.code, message: errors[0]!.message };
}

export async function errorOf(gw: TestGateway, name: string, inputType: string, input: unknown): Promise<{ code: unknown; message: string }> {
  const { errors } = await gw.query(`mutation($input: ${inputType}!) { ${name}(input: $input) { id } }`, { input });
  expect(errors).toHaveLength(1);
  return { code: errors![0]!.extensions?.code, message: errors![0]!.message };
}

export async function operation(gw: TestGateway, id: string): Promise<Operation> {
  const { data, errors } = await gw.query<{ operation: Operation }>(`query($id: ID!) { operation(id: $id) { ${OPERATION_FIELDS} } }`, { id });
  if (errors) throw new Error(JSON.stringify(errors));
  return data!.operation;
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

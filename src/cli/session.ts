// What every command works with: the typed client for the global --url and --token, the chosen
// output format, and the run's streams.
import type { FleetgraphClient, OperationFieldsFragment } from '../client/index.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import { follow } from './follow.js';
import type { CliIo } from './io.js';
import { type Format, print } from './output.js';
import { operationTable } from './views.js';

export interface Session {
  readonly client: FleetgraphClient;
  readonly format: Format;
  readonly io: CliIo;
}

/** Prints `value` in the session's format (`table()` for the table). */
export function show(session: Session, value: unknown, table: () => string): void {
  print(session.io.stdout, session.format, value, table);
}

/**
 * Shows an operation (followed to its end first with `wait`): exit 1 when it FAILED or was
 * CANCELLED, 0 otherwise.
 */
export async function showOperation(session: Session, op: OperationFieldsFragment, { wait = false }: { wait?: boolean } = {}): Promise<ExitCode> {
  const shown = wait ? await follow(session.client, op, session.io.stderr) : op;
  show(session, shown, () => operationTable(shown));
  return shown.status === 'FAILED' || shown.status === 'CANCELLED' ? EXIT.FAILED : EXIT.OK;
}

interface Page<N> {
  nodes: N[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Every node of a connection, page by page. */
export async function allPages<N>(page: (after: string | undefined) => Promise<Page<N>>): Promise<N[]> {
  const nodes: N[] = [];
  let after: string | undefined;
  for (;;) {
    const { nodes: more, pageInfo } = await page(after);
    nodes.push(...more);
    if (!pageInfo.hasNextPage || !pageInfo.endCursor) return nodes;
    after = pageInfo.endCursor;
  }
}

/** Nodes asked for per page when a command lists everything. */
export const PAGE_SIZE = 500;

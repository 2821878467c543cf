// Operations as one principal may see and change them. An operation is visible to a principal
// who may see every one of its targets (one without targets: to its requester, or to a
// principal limited to nothing). Submitting or cancelling one that reaches further is FORBIDDEN.
import { ForbiddenError } from '../errors/index.js';
import { toGlobalId } from '../model/ids.js';
import type { OperationEvents } from '../operations/events.js';
import type { OperationReader, OperationRecord, OperationRequest, OperationRunner } from '../operations/index.js';
import type { Principal } from '../auth/principal.js';
import { seesObject } from '../auth/scope.js';

type Targets = Pick<OperationRecord, 'requestedBy'> & { readonly targets: readonly { cluster: string; namespace: string | null }[] };

export function seesOperation(principal: Principal, operation: Targets): boolean {
  const { scope } = principal;
  if (operation.targets.length === 0) return operation.requestedBy === principal.name || (scope.clusters === null && scope.namespaces === null);
  return operation.targets.every((t) => seesObject(scope, t.cluster, t.namespace));
}

/** Lists and gets only the operations `principal` sees. */
export function scopedOperations(operations: OperationReader, principal: Principal): OperationReader {
  return {
    list: async (filter) => (await operations.list(filter)).filter((op) => seesOperation(principal, op)),
    get: async (id) => {
      const found = await operations.get(id);
      return found && seesOperation(principal, found) ? found : undefined;
    },
  };
}

/** Publishes as given; listeners hear only the operations `principal` sees. */
export function scopedOperationEvents(events: OperationEvents, principal: Principal): OperationEvents {
  return {
    publish: (operation) => events.publish(operation),
    subscribe: (listener) => events.subscribe((operation) => seesOperation(principal, operation) && listener(operation)),
  };
}

/**
 * The runner as `principal` may use it: a plan is submitted only when every planned target lies
 * in its scope, and an operation is cancelled only when it sees all of it. `operations` is the
 * unscoped reader, so that an unknown id still reads NOT_FOUND from the runner.
 */
export function scopedRunner(runner: OperationRunner, principal: Principal, operations: OperationReader): OperationRunner {
  return {
    // Checked when planned, before the runner writes anything.
    submit: (args) =>
      runner.submit({
        ...args,
        plan: async () => {
          const request: OperationRequest = await args.plan();
          if (!request.targets.every((t) => seesObject(principal.scope, t.cluster, t.namespace))) {
            throw new ForbiddenError(`this ${request.kind.toLowerCase()} would change objects outside the scope of ${principal.name}`);
          }
          return request;
        },
      }),
    async cancel(id) {
      const operation = await operations.get(toGlobalId('Operation', id));
      if (operation && !seesOperation(principal, operation)) throw new ForbiddenError(`operation ${toGlobalId('Operation', id)} reaches outside what ${principal.name} may change`);
      return runner.cancel(id);
    },
    stop: (opts) => runner.stop(opts),
    get hostTimeoutSeconds() {
      return runner.hostTimeoutSeconds;
    },
  };
}

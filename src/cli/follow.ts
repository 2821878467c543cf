// --wait: follows an operation through operationUpdated until it has finished, showing progress
// on stderr: a bar on a TTY (targets done of total, the current target), plain lines otherwise.
import type * as CliProgress from 'cli-progress';
import { createRequire } from 'node:module';
import { type FleetgraphClient, OperationDocument, type OperationFieldsFragment, OperationUpdatedDocument } from '../client/index.js';
import type { OutStream } from './io.js';
import { finishedTargets, isFinished, targetName } from './views.js';

type Operation = OperationFieldsFragment;

/** How progress shows: updated with each new state of the operation, stopped once at the end. */
interface Progress {
  update(op: Operation): void;
  stop(): void;
}

// The subscription starts asynchronously: an update published before the server registered it is
// not delivered, so the operation is also read now and then until it has finished.
const POLL_MS = 500;

// cli-progress loads only when a bar is shown.
const require = createRequire(import.meta.url);

/** Resolves with the operation's final state. */
export async function follow(client: FleetgraphClient, started: Operation, stderr: OutStream & NodeJS.WritableStream): Promise<Operation> {
  const progress = stderr.isTTY ? barProgress(stderr) : lineProgress(stderr);
  let latest = started;
  progress.update(latest);
  const events = client.subscribe(OperationUpdatedDocument, { id: started.id });
  let next = events.next();
  try {
    while (!isFinished(latest.status)) {
      let timer: NodeJS.Timeout | undefined;
      const tick = new Promise<'tick'>((resolve) => (timer = setTimeout(resolve, POLL_MS, 'tick')));
      const step = await Promise.race([next, tick]).finally(() => clearTimeout(timer));
      if (step === 'tick') {
        latest = (await client.request(OperationDocument, { id: started.id })).operation ?? latest;
      } else if (step.done) {
        latest = (await client.request(OperationDocument, { id: started.id })).operation ?? latest;
        break;
      } else {
        latest = step.value.operationUpdated;
        next = events.next();
      }
      progress.update(latest);
    }
  } finally {
    progress.stop();
    // A next() still waits on the socket; closing it (client.dispose, by the caller) ends it.
    next.catch(() => {});
  }
  return latest;
}

function barProgress(stream: NodeJS.WritableStream): Progress {
  const { SingleBar } = require('cli-progress') as typeof CliProgress;
  const bar = new SingleBar({ stream, format: '{id} {status} [{bar}] {value}/{total} targets | {current}', hideCursor: true, clearOnComplete: false });
  let started = false;
  return {
    update(op) {
      const payload = { id: op.id, status: op.status, current: current(op) };
      if (!started) bar.start(op.targets.length, finishedTargets(op), payload);
      else bar.update(finishedTargets(op), payload);
      started = true;
    },
    stop: () => bar.stop(),
  };
}

function current(op: Operation): string {
  const running = op.targets.find((t) => t.status === 'RUNNING');
  return running ? targetName(running) : '-';
}

/** A line when the operation's status changes, and one when a target's does. */
function lineProgress(out: OutStream): Progress {
  let status: string | undefined;
  const targets = new Map<string, string>();
  return {
    update(op) {
      for (const t of op.targets) {
        const key = `${t.kind}/${targetName(t)}`;
        if (targets.get(key) === t.status) continue;
        targets.set(key, t.status);
        if (t.status !== 'PENDING') out.write(`${t.status} ${t.kind} ${targetName(t)}${t.message ? `: ${t.message}` : ''}\n`);
      }
      if (op.status === status) return;
      status = op.status;
      out.write(`operation ${op.id} ${op.status} ${finishedTargets(op)}/${op.targets.length} targets\n`);
    },
    stop: () => {},
  };
}

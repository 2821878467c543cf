// watch: resource changes across the fleet over graphql-ws, until interrupted (SIGINT ends it with 0).
import type { Command } from 'commander';
import { ResourceChangedDocument, type ResourceChangedSubscription, type ResourceKind } from '../client/index.js';
import { EXIT } from './exit-codes.js';
import { printStreamed } from './output.js';
import type { Act } from './program.js';
import type { Session } from './session.js';
import { RESOURCE_KINDS, collect, enumList } from './values.js';

type Event = ResourceChangedSubscription['resourceChanged'];

export function addWatchCommand(program: Command, act: Act): void {
  program
    .command('watch')
    .description('stream changes to hosts, namespaces, pods and workloads until interrupted')
    .option('--kind <kind>', `only this kind: ${RESOURCE_KINDS.join(', ')} (repeatable, comma-separated)`, enumList(RESOURCE_KINDS))
    .option('--cluster <name>', 'only this cluster (repeatable)', collect)
    .option('--namespace <name>', 'only this namespace (repeatable)', collect)
    .action(act(async (session, options: { kind?: ResourceKind[]; cluster?: string[]; namespace?: string[] }) => {
      const filter = { kinds: options.kind, clusters: options.cluster, namespaces: options.namespace };
      return watch(session, filter);
    }));
}

async function watch(session: Session, filter: { kinds?: ResourceKind[]; clusters?: string[]; namespaces?: string[] }) {
  const { signal } = session.io;
  if (signal?.aborted) return EXIT.OK;
  // Closing the socket ends the pending wait for the next event.
  const stop = () => void session.client.dispose();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    for await (const { resourceChanged } of session.client.subscribe(ResourceChangedDocument, { filter })) {
      printStreamed(session.io.stdout, session.format, resourceChanged, () => row(resourceChanged));
    }
  } catch (err) {
    if (!signal?.aborted) throw err;
  } finally {
    signal?.removeEventListener('abort', stop);
  }
  return EXIT.OK;
}

const row = (e: Event): string => [e.at, e.type.padEnd(8), e.kind.padEnd(11), [e.cluster, e.namespace, e.name].filter(Boolean).join('/')].join('  ');

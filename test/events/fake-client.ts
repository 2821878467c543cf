// A scripted ClusterClient for the engine's unit tests: lists answer from a script, watches
// are handles the test feeds events to and ends.
import type { ClusterClient, KubeKind, KubeList, WatchEnd, WatchEvent, WatchOptions } from '../../src/kube/index.js';
import { KubeCallError } from '../../src/kube/index.js';

export type Obj = { metadata: { name: string; namespace?: string; resourceVersion: string; labels?: Record<string, string> } };

export interface FakeWatch {
  readonly resourceVersion: string;
  connect(): void;
  send(event: WatchEvent): void;
  end(end: WatchEnd): void;
}

export function obj(name: string, resourceVersion: string, labels?: Record<string, string>): Obj {
  return { metadata: { name, namespace: 'ns', resourceVersion, ...(labels ? { labels } : {}) } };
}

export const unreachable = (): WatchEnd => ({ reason: 'failed', error: new KubeCallError('c1', { kind: 'unreachable', code: 'ECONNREFUSED' }) });

export function fakeClient() {
  const lists: (KubeList<Obj> | Error)[] = [];
  const watches: FakeWatch[] = [];
  let listCalls = 0;
  const client: Pick<ClusterClient, 'list' | 'watch'> = {
    async list() {
      listCalls += 1;
      // Answers on a later turn, so a test scripts the answer right after starting the stream.
      await Promise.resolve();
      const next = lists.shift();
      if (!next) throw new Error('no list scripted');
      if (next instanceof Error) throw next;
      return next as never;
    },
    watch<K extends KubeKind>(_kind: K, opts: WatchOptions, onEvent: (event: WatchEvent<K>) => void, onConnected?: () => void) {
      return new Promise<WatchEnd>((resolve) => {
        let open = true;
        const end = (e: WatchEnd) => {
          if (open) resolve(e);
          open = false;
        };
        opts.signal?.addEventListener('abort', () => end({ reason: 'aborted' }));
        watches.push({
          resourceVersion: opts.resourceVersion,
          connect: () => onConnected?.(),
          // The fake streams whatever the test sends, of whichever kind was asked.
          send: (e) => open && onEvent(e as WatchEvent<K>),
          end,
        });
      });
    },
  };
  return {
    client,
    watches,
    /** scripts the next list's answer */
    listReturns: (items: Obj[], resourceVersion: string) => lists.push({ items, resourceVersion }),
    listFails: () => lists.push(new KubeCallError('c1', { kind: 'unreachable', code: 'ECONNREFUSED' })),
    listCalls: () => listCalls,
  };
}

/** Lets the stream's loop run until `check` holds (it only awaits promises the test settles). */
export async function settle(check: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !check(); i++) await new Promise((resolve) => setImmediate(resolve));
  if (!check()) throw new Error('the stream never got there');
}

// The subscriptions benchmark's load generator, in its own process as a real client of the
// cluster would be: merge-patches a label on one deployment `rate` times a second through the
// simulator's Kubernetes API, and prints one JSON line per write, `{ "rv": ..., "at": ... }`,
// `at` being the wall-clock time (performance.timeOrigin + now, comparable across processes)
// just before the request left. Ends after `count` writes.
// Usage: node dist/bench/load-generator.js '<json LoadOptions>'

export interface LoadOptions {
  /** the cluster's API server, e.g. https://127.0.0.1:PORT */
  server: string;
  token: string;
  namespace: string;
  name: string;
  /** writes per second */
  rate: number;
  count: number;
}

const opts = JSON.parse(process.argv[2] ?? '{}') as LoadOptions;
const url = `${opts.server}/apis/apps/v1/namespaces/${opts.namespace}/deployments/${opts.name}`;
const now = () => performance.timeOrigin + performance.now();
const start = performance.now();
for (let i = 0; i < opts.count; i++) {
  // On a fixed schedule, so a slow write does not slow the ones after it.
  const wait = start + (i * 1000) / opts.rate - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  const at = now();
  const response = await fetch(url, {
    method: 'PATCH',
    headers: { 'content-type': 'application/merge-patch+json', authorization: `Bearer ${opts.token}` },
    body: JSON.stringify({ metadata: { labels: { 'bench-load': String(i) } } }),
  });
  const written = (await response.json()) as { metadata?: { resourceVersion?: string } };
  if (!response.ok) throw new Error(`write ${i} failed: ${response.status} ${JSON.stringify(written).slice(0, 200)}`);
  process.stdout.write(`${JSON.stringify({ rv: written.metadata?.resourceVersion, at })}\n`);
}

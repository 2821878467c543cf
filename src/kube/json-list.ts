// One page of a list, read as plain JSON. client-node's typed APIs turn every object into
// class instances through its ObjectSerializer, which cost most of a large list's time; the
// gateway reads objects as the JSON they are, as watch events already arrive.
import http from 'node:http';
import https from 'node:https';
import { ApiException, type KubeConfig } from '@kubernetes/client-node';

export interface JsonPage<T> {
  items: T[];
  metadata?: { resourceVersion?: string; continue?: string };
}

/**
 * GETs `path` with `query` from the kubeconfig's current cluster, with its credentials.
 * A non-2xx answer rejects with client-node's ApiException, as its typed calls do, so
 * retries and error classification treat both alike. `onAnswer` is told the status.
 */
export async function getJson<T>(
  kubeConfig: KubeConfig,
  path: string,
  query: Record<string, string | number | undefined>,
  signal: AbortSignal,
  onAnswer: (status: number) => void = () => {},
): Promise<T> {
  const server = kubeConfig.getCurrentCluster()?.server ?? '';
  const url = new URL(server.replace(/\/$/, '') + path);
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
  const options: https.RequestOptions = {};
  await kubeConfig.applyToHTTPSOptions(options);
  if (signal.aborted) throw abortError();
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise<T>((resolveWith, rejectWith) => {
    const resolve = (value: T) => resolveWith(value);
    // However Node words a cancelled request, the client's classifier knows it by this name.
    const reject = (err: unknown) => rejectWith(signal.aborted ? abortError() : err);
    const request = transport.request(url, { ...options, method: 'GET', headers: { ...options.headers, accept: 'application/json' }, signal }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const status = response.statusCode ?? 0;
        onAnswer(status);
        const body = Buffer.concat(chunks).toString('utf8');
        if (status < 200 || status > 299) {
          reject(new ApiException(status, `HTTP ${status}`, body, headersOf(response.headers)));
          return;
        }
        try {
          resolve(JSON.parse(body) as T);
        } catch (err) {
          reject(err);
        }
      });
    });
    request.on('error', reject);
    request.end();
  });
}

function abortError(): Error {
  const err = new Error('the request was aborted');
  err.name = 'AbortError';
  return err;
}

function headersOf(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) if (value !== undefined) flat[key] = Array.isArray(value) ? value.join(', ') : value;
  return flat;
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * Drops what no field of the schema reads and what weighs most in a kept object: the
 * server's field-ownership records and kubectl's copy of the last applied manifest.
 * Changes the object in place and returns it.
 */
export function trimmed<T>(object: T): T {
  const metadata = (object as { metadata?: { managedFields?: unknown; annotations?: Record<string, string> } } | undefined)?.metadata;
  if (metadata) {
    delete metadata.managedFields;
    if (metadata.annotations && LAST_APPLIED in metadata.annotations) delete metadata.annotations[LAST_APPLIED];
  }
  return object;
}

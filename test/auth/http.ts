// Raw HTTP to the gateway, for what fetch cannot show or send: status codes of refusals, CORS
// headers, preflights, and a Host header of the caller's choosing (DNS rebinding).
import { request } from 'node:http';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function raw(url: string, { method = 'POST', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: unknown } = {}): Promise<RawResponse> {
  const text = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: { ...(text ? { 'content-type': 'application/json' } : {}), ...headers } }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (data += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
    });
    req.on('error', reject);
    req.end(text);
  });
}

/** The error codes of a GraphQL response body. */
export function codesIn(body: string): string[] {
  const parsed = JSON.parse(body) as { errors?: { extensions?: { code?: string } }[] };
  return (parsed.errors ?? []).map((e) => e.extensions?.code ?? '');
}

// Loopback names: what a HOST must be for the gateway to run without an access file, and
// the only Host headers such a gateway accepts (a DNS-rebinding page sends its own name).
import { isIP } from 'node:net';

/** localhost, *.localhost, 127.0.0.0/8 and ::1 (with or without brackets). */
export function isLoopbackName(name: string): boolean {
  const host = name.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return isIP(host) === 6 && (host === '::1' || host === '0:0:0:0:0:0:0:1' || host === '::ffff:127.0.0.1');
}

/** The name part of a Host header (`127.0.0.1:4000` → `127.0.0.1`, `[::1]:4000` → `[::1]`). */
export function hostHeaderName(header: string): string {
  const bracketed = /^(\[[^\]]*\])(?::\d+)?$/.exec(header);
  if (bracketed) return bracketed[1]!;
  return header.replace(/:\d+$/, '');
}

// Host names an environment accepts traffic for, and a workload's public and private hosts
// (reference 001: "either a valid IP address or valid host name"). Pure checks.
//
// Decisions:
//  - Host names are case-insensitive (RFC 4343), so they are kept lower-cased: `WWW.Acme.Example`
//    and `www.acme.example` are one host, for de-duplication and for conflicts alike.
//  - No wildcards (`*.acme.example`): a wildcard is neither an address nor a host name, and
//    ownership by exact match could not tell which environment serves `a.acme.example`.
//  - No trailing dot (`acme.example.`): a Host header never carries it, so the router would
//    never match it; the message says to drop it.
//  - IPv4 in dotted-quad form, IPv6 in any form `net.isIPv6` accepts except with a zone
//    (`fe80::1%eth0`: a zone means nothing outside the machine that wrote it).
//  - Only printable ASCII: an internationalized name is given in its xn-- form, as DNS holds it.
//  - A name whose last label is all digits (`10.0.0`) is refused: it is neither a valid IPv4
//    address nor, by RFC 1123 §2.1, a host name.
import { isIPv4, isIPv6 } from 'node:net';
import { BadUserInputError } from '../errors/index.js';

const MAX_HOST_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;
const HOST_LABEL = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$/;
const NON_ASCII = 'holds characters beyond printable ASCII: give an internationalized name in its xn-- (punycode) form';

/** What is wrong with a host name (already lower-cased), or undefined when it is valid. */
export function hostNameProblem(host: string): string | undefined {
  if (host === '') return 'is empty';
  if (isIPv4(host)) return undefined;
  if (host.includes(':')) {
    if (isIPv6(host) && !host.includes('%')) return undefined;
    return 'is neither an IP address nor a host name (":" belongs only in an IPv6 address, without a zone; give no scheme or port)';
  }
  if (host.startsWith('*')) return 'is a wildcard; give each host name in full';
  if (host.endsWith('.')) return 'ends with a dot; give it without the trailing dot';
  if (host.length > MAX_HOST_LENGTH) return `is longer than ${MAX_HOST_LENGTH} characters`;
  const labels = host.split('.');
  const long = labels.find((label) => label.length > MAX_LABEL_LENGTH);
  if (long !== undefined) return `has a label longer than ${MAX_LABEL_LENGTH} characters`;
  const bad = labels.find((label) => !HOST_LABEL.test(label));
  if (bad !== undefined) return `is neither an IP address nor a host name: label "${bad}" must be letters, digits and '-', starting and ending with a letter or digit`;
  if (/^\d+$/.test(labels[labels.length - 1]!)) return 'is neither an IP address nor a host name (its last label is all digits)';
  return undefined;
}

/**
 * The host names, lower-cased and de-duplicated in the order first given.
 * @throws BadUserInputError naming the field and every invalid entry.
 */
export function normalizeHostNames(hosts: readonly string[], field: string): string[] {
  const lowered = hosts.map((host) => host.toLowerCase());
  const problems = lowered.flatMap((host, i) => {
    // Checked before lower-casing could hide it: the Kelvin sign K lower-cases to an ASCII k.
    const problem = /[^\x20-\x7e]/.test(hosts[i]!) ? NON_ASCII : hostNameProblem(host);
    return problem === undefined ? [] : [`"${hosts[i]}" ${problem}`];
  });
  if (problems.length > 0) throw new BadUserInputError(`${field}: ${problems.join('; ')}`);
  return [...new Set(lowered)];
}

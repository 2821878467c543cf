/**
 * Orders two strings of ASCII digits by value, at any length: build numbers and version
 * parts can outgrow Number's exact range (timestamps, CI counters), so no conversion.
 */
export function compareNumeric(a: string, b: string): number {
  const x = a.replace(/^0+(?=\d)/, '');
  const y = b.replace(/^0+(?=\d)/, '');
  if (x.length !== y.length) return Math.sign(x.length - y.length);
  return x < y ? -1 : x > y ? 1 : 0;
}

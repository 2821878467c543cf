// Kubernetes resource quantities (`4`, `4000m`, `16Gi`, `1.5e9`), as the API server writes
// them in node capacity and pod resources: a signed decimal number and at most one suffix.

const BINARY_SUFFIXES: Readonly<Record<string, number>> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** decimal SI suffixes as powers of ten */
const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

// A number, then a binary suffix, an exponent (`e3`, `E-2`) or a decimal suffix, never two.
const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([KMGTPE]i)|[eE]([+-]?\d+)|([numkMGTPE]?))$/;

/**
 * The value of a quantity in its base unit (bytes, cores), or null for text that is not one.
 * Decimal scales are applied by the number parser (`4000e-3`), so `4000m` is exactly 4.
 * Values beyond 2^53 lose precision, as any JavaScript number does; capacities never get there.
 */
export function parseQuantity(text: string | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  const match = QUANTITY.exec(text.trim());
  if (!match) return null;
  const [, number, binary, exponent, decimal] = match;
  if (binary) return Number(number) * BINARY_SUFFIXES[binary]!;
  const power = exponent !== undefined ? Number(exponent) : DECIMAL_SUFFIXES[decimal ?? '']!;
  return Number(`${number}e${power}`);
}

/** A quantity as a whole number, rounded up as Kubernetes' `Quantity.Value()` rounds: `3500m` is 4. */
export function parseWholeQuantity(text: string | null | undefined): number | null {
  const value = parseQuantity(text);
  return value === null ? null : Math.ceil(value);
}

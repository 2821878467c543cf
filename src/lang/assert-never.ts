// The end of an exhaustive switch: the compiler proves it unreachable, and should a value
// the types ruled out arrive anyway (a stored document, a newer peer) it fails loudly.

/** @throws Error naming what was unexpected (`what`, default "value") and the value itself */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what} ${JSON.stringify(value)}`);
}

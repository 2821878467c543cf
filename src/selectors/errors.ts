/**
 * A label or field selector that cannot be parsed or names something it may not.
 * The simulator answers it with a 400 Bad Request; the gateway with a client input error.
 */
export class SelectorError extends Error {
  override readonly name = 'SelectorError';
  /** the selector text as given, when the error came from parsing text */
  readonly selector: string | undefined;
  /** 0-based offset into `selector` of the token at fault, when one is to blame */
  readonly position: number | undefined;

  constructor(message: string, where: { selector?: string; position?: number } = {}) {
    super(message);
    this.selector = where.selector;
    this.position = where.position;
  }
}

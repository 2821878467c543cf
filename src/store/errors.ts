/** An update named an operation (or a target of one) the store does not hold. */
export class RecordNotFoundError extends Error {
  override readonly name = 'RecordNotFoundError';
}

/** The store was used after close(). */
export class StoreClosedError extends Error {
  override readonly name = 'StoreClosedError';

  constructor() {
    super('the store is closed');
  }
}

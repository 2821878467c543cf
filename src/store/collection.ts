// The little both databases are asked to do. The stores (clusters, operations, audit) are
// written once over this interface; each adapter is a thin translation of it. Queries and
// sorts use the MongoDB syntax nedb also understands: equality, $in, $exists,
// $gte/$lt, $and/$or, dot paths.

export type Query = Readonly<Record<string, unknown>>;
/** field → 1 ascending, -1 descending; earlier fields weigh more */
export type Sort = Readonly<Record<string, 1 | -1>>;

export interface DocumentCollection<D extends { _id: string }> {
  /** @throws DuplicateKeyError when a unique index refuses the document */
  insert(doc: D): Promise<void>;
  findOne(query: Query): Promise<D | undefined>;
  find(query: Query, opts?: { sort?: Sort; limit?: number }): Promise<D[]>;
  /** how many documents match */
  count(query: Query): Promise<number>;
  /** Sets fields (dot paths allowed) on the first match; the document after, or undefined when none matched. */
  update(query: Query, set: Readonly<Record<string, unknown>>): Promise<D | undefined>;
  /** false when none matched */
  remove(query: Query): Promise<boolean>;
}

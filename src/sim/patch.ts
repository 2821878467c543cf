// Applies the four patch bodies a Kubernetes API server accepts on PATCH. Pure: the
// target and the patch are cloned first, so the result shares nothing with either and
// callers may mutate it (the store stamps resourceVersions in place).
//
// Strategic merge patch follows k8s.io/apimachinery/pkg/util/strategicpatch (the apply
// half), with one simplification: Kubernetes reads each list's merge strategy from the
// Go struct tags / OpenAPI patch metadata of the object's type, while the simulator
// decides it from the field name alone, using STRATEGIC_MERGE_LISTS below.
import jsonpatch, { type Operation } from 'fast-json-patch';

export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

/**
 * What Kubernetes would answer: BadRequest (400) for a malformed patch, Invalid (422) for
 * one that cannot apply to this object, such as a failed JSON patch `test`. applyPatch
 * raises only those two; Conflict (409) is for callers that check preconditions such as a
 * stale resourceVersion carried by the patch.
 */
export type PatchErrorReason = 'Invalid' | 'BadRequest' | 'Conflict';

export class PatchError extends Error {
  override readonly name = 'PatchError';
  constructor(
    readonly reason: PatchErrorReason,
    message: string,
  ) {
    super(message);
  }
}

/** How a list merges in a strategic merge patch: by a key of its elements, or as a set of primitives. */
export type ListMerge = { readonly by: string } | 'set';

/**
 * List fields that merge rather than replace, by field name. A `parent.field` entry wins
 * over a bare `field` one where one name means different lists: `parent` is the field
 * holding the map the list sits in (for list elements, the list's own field).
 */
export type ListMergeTable = Readonly<Record<string, ListMerge>>;

/** The merge strategies of core/v1 and apps/v1 that kubectl relies on; tolerations and everything else replace. */
export const STRATEGIC_MERGE_LISTS: ListMergeTable = {
  containers: { by: 'name' },
  initContainers: { by: 'name' },
  ephemeralContainers: { by: 'name' },
  env: { by: 'name' },
  'containers.ports': { by: 'containerPort' },
  'initContainers.ports': { by: 'containerPort' },
  'spec.ports': { by: 'port' }, // Service
  volumes: { by: 'name' },
  volumeMounts: { by: 'mountPath' },
  imagePullSecrets: { by: 'name' },
  ownerReferences: { by: 'uid' },
  conditions: { by: 'type' },
  taints: { by: 'key' },
  finalizers: 'set',
};

export interface PatchOptions {
  /** list merge strategies for strategic merge patches; default STRATEGIC_MERGE_LISTS */
  lists?: ListMergeTable;
}

const CONTENT_TYPES: ReadonlyMap<string, PatchType> = new Map([
  ['application/json-patch+json', 'json'],
  ['application/merge-patch+json', 'merge'],
  ['application/strategic-merge-patch+json', 'strategic'],
  ['application/apply-patch+yaml', 'apply'],
]);

/** The patch type a PATCH request's Content-Type names (parameters such as charset ignored), if any. */
export function patchTypeFromContentType(contentType: string): PatchType | undefined {
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  return CONTENT_TYPES.get(mediaType);
}

/**
 * Applies `patch` (the parsed request body) to `target` and returns the patched copy;
 * neither input is modified. Throws PatchError when the patch is malformed or cannot apply.
 */
export function applyPatch(target: object, patchType: PatchType, patch: unknown, opts: PatchOptions = {}): object {
  switch (patchType) {
    case 'json':
      return applyJsonPatch(target, patch);
    case 'merge':
      return mergePatch(cloneJson(target), patchObject(patch, 'a merge patch'));
    case 'apply':
      // Server-side apply is treated as a JSON merge patch of the applied configuration:
      // the simulator keeps no managedFields, so there is no field ownership to track,
      // no apply conflicts, and fields dropped from the configuration are not removed.
      return mergePatch(cloneJson(target), patchObject(patch, 'an apply patch'));
    case 'strategic':
      return mergeMap(cloneJson(toJsonObject(target)), patchObject(patch, 'a strategic merge patch'), {
        lists: opts.lists ?? STRATEGIC_MERGE_LISTS,
        field: '',
      });
    default:
      return unreachable(patchType);
  }
}

// ---- JSON patch (RFC 6902) -------------------------------------------------------------

const JSON_PATCH_OPS = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test']);

/** fast-json-patch failures that say the patch itself is malformed, not that it does not fit the object. */
const MALFORMED = new Set([
  'OPERATION_NOT_AN_OBJECT',
  'OPERATION_OP_INVALID',
  'OPERATION_PATH_INVALID',
  'OPERATION_FROM_REQUIRED',
  'OPERATION_VALUE_REQUIRED',
  'OPERATION_VALUE_CANNOT_CONTAIN_UNDEFINED',
]);

function applyJsonPatch(target: object, patch: unknown): object {
  if (!Array.isArray(patch)) throw new PatchError('BadRequest', 'json patch must be an array of operations');
  let document: unknown = cloneJson(target);
  cloneJson(patch).forEach((operation: unknown, index: number) => {
    document = applyJsonOperation(document, operation, index);
  });
  if (!isObject(document)) throw new PatchError('Invalid', 'json patch must leave a JSON object, not replace or remove it');
  return document;
}

function applyJsonOperation(document: unknown, operation: unknown, index: number): unknown {
  const where = `json patch operation ${index}`;
  // fast-json-patch also runs its own `_get` op; only RFC 6902 ones may come from a client.
  if (!isObject(operation) || !JSON_PATCH_OPS.has(String(operation.op))) {
    throw new PatchError('BadRequest', `${where}: op must be one of add, remove, replace, move, copy, test`);
  }
  try {
    // The cast is checked: with validation on, fast-json-patch rejects a malformed operation.
    return jsonpatch.applyOperation(document, operation as unknown as Operation, true, true, true, index).newDocument;
  } catch (err) {
    if (err instanceof jsonpatch.JsonPatchError) {
      const reason = MALFORMED.has(err.name) ? 'BadRequest' : 'Invalid';
      // Its message goes on to dump the operation and the whole document; keep the first line.
      const problem = err.message.split('\n')[0];
      throw new PatchError(reason, `${where} (${String(operation.op)} ${String(operation.path)}): ${problem}`);
    }
    // fast-json-patch throws a TypeError for paths through __proto__ or constructor/prototype.
    if (err instanceof TypeError) throw new PatchError('BadRequest', `${where}: ${err.message}`);
    throw err;
  }
}

// ---- JSON merge patch (RFC 7386) -------------------------------------------------------

/** Null deletes, objects merge recursively, anything else (arrays included) replaces. */
function mergePatch(target: unknown, patch: JsonObject): JsonObject {
  const result = isObject(target) ? target : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else put(result, key, isObject(value) ? mergePatch(own(result, key), value) : value);
  }
  return result;
}

// ---- Strategic merge patch -------------------------------------------------------------

const DIRECTIVE = '$patch';
const RETAIN_KEYS = '$retainKeys';
const SET_ELEMENT_ORDER = '$setElementOrder/';
const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList/';

interface Strategy {
  readonly lists: ListMergeTable;
  /** the field holding the map being merged ('' for the object itself) */
  readonly field: string;
}

/** Merges `patch` into `original`, which it may modify (both are private copies). */
function mergeMap(original: JsonObject, patch: JsonObject, strategy: Strategy): JsonObject {
  const { [DIRECTIVE]: directive, ...fields } = patch;
  switch (directive) {
    case undefined:
    case 'merge': // the default, spelled out; Kubernetes itself rejects it on a map
      break;
    case 'replace':
      return mergeMap({}, fields, strategy);
    case 'delete':
      return {}; // as in Kubernetes: the map is emptied, not removed
    default:
      throw new PatchError('BadRequest', `unknown patch type ${JSON.stringify(directive)} in map ${strategy.field || '(object)'}`);
  }
  const rest = applyRetainKeys(original, fields);
  for (const [key, value] of Object.entries(applySetElementOrders(original, rest, strategy))) {
    mergeField(original, key, value, strategy);
  }
  return original;
}

function mergeField(original: JsonObject, key: string, value: unknown, strategy: Strategy): void {
  if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
    deleteFromPrimitiveList(original, key.slice(DELETE_FROM_PRIMITIVE_LIST.length), value);
    return;
  }
  const current = own(original, key);
  if (value === null) delete original[key];
  else if (isObject(value)) put(original, key, mergeMap(isObject(current) ? current : {}, value, { ...strategy, field: key }));
  else if (Array.isArray(value)) put(original, key, mergeList(Array.isArray(current) ? current : [], value, key, strategy));
  else put(original, key, value);
}

/** `$retainKeys: [..]` drops every key of the original not listed; the patch may only set listed keys. */
function applyRetainKeys(original: JsonObject, patch: JsonObject): JsonObject {
  const { [RETAIN_KEYS]: retain, ...rest } = patch;
  if (retain === undefined) return rest;
  if (!Array.isArray(retain) || !retain.every((key) => typeof key === 'string')) {
    throw new PatchError('BadRequest', `${RETAIN_KEYS} must be a list of field names`);
  }
  const stray = Object.keys(rest).find((key) => rest[key] !== null && !key.startsWith('$') && !retain.includes(key));
  if (stray !== undefined) throw new PatchError('BadRequest', `${RETAIN_KEYS} does not list ${stray}, which the patch sets`);
  for (const key of Object.keys(original)) if (!retain.includes(key)) delete original[key];
  return rest;
}

function deleteFromPrimitiveList(original: JsonObject, field: string, values: unknown): void {
  if (!Array.isArray(values)) throw new PatchError('BadRequest', `${DELETE_FROM_PRIMITIVE_LIST}${field} must be a list`);
  const current = own(original, field);
  if (Array.isArray(current)) put(original, field, current.filter((item) => !values.includes(item)));
}

/**
 * `$setElementOrder/<field>: [..]` merges the patch's list for <field> and orders the
 * result: listed elements in the listed order, others (present only on the server)
 * interleaved where they stood. Returns the patch without the directives and lists used.
 */
function applySetElementOrders(original: JsonObject, patch: JsonObject, strategy: Strategy): JsonObject {
  const rest = { ...patch };
  for (const [key, order] of Object.entries(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER)) continue;
    const field = key.slice(SET_ELEMENT_ORDER.length);
    if (!Array.isArray(order)) throw new PatchError('BadRequest', `${key} must be a list`);
    const current = listAt(original, field, 'object');
    const patched = listAt(patch, field, 'patch');
    delete rest[key];
    delete rest[field];
    if (current !== undefined || patched !== undefined) {
      put(original, field, orderedMerge(current ?? [], patched, order, field, strategy));
    }
  }
  return rest;
}

function orderedMerge(current: unknown[], patched: unknown[] | undefined, order: unknown[], field: string, strategy: Strategy): unknown[] {
  const merged = patched === undefined ? current : mergeList(current, patched, field, strategy);
  const rule = listRule(strategy, field);
  if (rule === undefined) return merged; // a list that replaces has no order to keep
  const id = identity(rule, field);
  const named = new Set(order.map(id));
  const stray = (patched ?? []).find((item) => !hasDirective(item) && !named.has(id(item)));
  if (stray !== undefined) {
    throw new PatchError('BadRequest', `${SET_ELEMENT_ORDER}${field} does not list ${JSON.stringify(stray)}, which the patch holds`);
  }
  return orderBy(merged, order, current, id);
}

function listAt(object: JsonObject, field: string, side: string): unknown[] | undefined {
  const value = own(object, field);
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new PatchError('BadRequest', `${field} in the ${side} must be a list to be ordered`);
  return value;
}

function listRule(strategy: Strategy, field: string): ListMerge | undefined {
  const qualified = `${strategy.field}.${field}`;
  if (Object.hasOwn(strategy.lists, qualified)) return strategy.lists[qualified];
  return Object.hasOwn(strategy.lists, field) ? strategy.lists[field] : undefined;
}

function mergeList(original: unknown[], patch: unknown[], field: string, strategy: Strategy): unknown[] {
  const rule = listRule(strategy, field);
  if (rule === undefined) return patch;
  if (rule === 'set') return mergeSet(original, patch, field);
  return mergeKeyedList(original, patch, rule.by, { ...strategy, field });
}

/** Lists of primitives with the merge strategy (finalizers): a union, without duplicates. */
function mergeSet(original: unknown[], patch: unknown[], field: string): unknown[] {
  if (![...original, ...patch].every(isPrimitive)) throw new PatchError('BadRequest', `${field} must be a list of primitives to merge as a set`);
  const merged = [...new Set([...original, ...patch])];
  return orderBy(merged, patch, original, (item) => item);
}

/**
 * Elements meet by their key: a patch element merges into the original element with the
 * same key or is added. Special elements: `{$patch: delete, <key>: v}` removes the element
 * keyed v; `{$patch: replace}` makes the rest of the patch list the whole list;
 * `{$patch: merge}` states the default and is dropped (Kubernetes rejects it).
 */
function mergeKeyedList(original: unknown[], patch: unknown[], key: string, strategy: Strategy): unknown[] {
  const { base, elements, replace } = splitSpecialElements(original, patch, key, strategy.field);
  if (replace) return elements.map((element) => mergeMap({}, element, strategy));
  const merged = [...base];
  for (const element of elements) {
    const at = merged.findIndex((item) => isObject(item) && item[key] === element[key]);
    const existing = merged[at];
    if (isObject(existing)) merged[at] = mergeMap(existing, element, strategy);
    else merged.push(mergeMap({}, element, strategy));
  }
  return orderBy(merged, elements, base, identity({ by: key }, strategy.field));
}

/** Takes the `$patch` elements out of a keyed patch list and applies their deletions to the original. */
function splitSpecialElements(original: unknown[], patch: unknown[], key: string, field: string) {
  let base = original;
  const elements: JsonObject[] = [];
  let replace = false;
  for (const element of patch) {
    if (!isObject(element)) throw new PatchError('BadRequest', `${field}: elements must be objects to merge by ${key}`);
    const { [DIRECTIVE]: directive, ...rest } = element;
    const value = directive === 'delete' || directive === undefined ? keyOf(element, key, field) : undefined;
    if (directive === 'replace') replace = true;
    else if (directive === 'delete') base = base.filter((item) => !isObject(item) || item[key] !== value);
    else if (directive === undefined) elements.push(rest);
    else if (directive !== 'merge') throw new PatchError('BadRequest', `unknown patch type ${JSON.stringify(directive)} in list ${field}`);
  }
  return { base, elements, replace };
}

function keyOf(element: JsonObject, key: string, field: string): unknown {
  if (!Object.hasOwn(element, key)) {
    throw new PatchError('BadRequest', `${field}: element ${JSON.stringify(element)} does not contain merge key ${key}`);
  }
  return element[key];
}

/** How an element is recognised in ordering lists: by its merge key, or as itself. */
function identity(rule: ListMerge, field: string): (item: unknown) => unknown {
  if (rule === 'set') return (item) => item;
  return (item) => (isObject(item) ? keyOf(item, rule.by, field) : item);
}

/**
 * Kubernetes' order for a merged list (strategicpatch normalizeElementOrder): elements
 * named in `order` come in that order; the others keep the relative order they had in
 * `server` and are slotted in before the first named element that followed them there.
 * So without $setElementOrder an element new to the list lands at the front.
 */
function orderBy(merged: unknown[], order: unknown[], server: unknown[], id: (item: unknown) => unknown): unknown[] {
  const orderIndex = firstIndexes(order, id);
  const serverIndex = firstIndexes(server, id);
  // Every named element has an order index and every other one a server index; 0 never applies.
  const by = (indexes: Map<unknown, number>) => (a: unknown, b: unknown) => (indexes.get(id(a)) ?? 0) - (indexes.get(id(b)) ?? 0);
  const fromPatch = merged.filter((item) => orderIndex.has(id(item))).sort(by(orderIndex));
  const serverOnly = merged.filter((item) => !orderIndex.has(id(item))).sort(by(serverIndex));
  return interleave(serverOnly, fromPatch, (item) => serverIndex.get(id(item)));
}

function firstIndexes(list: unknown[], id: (item: unknown) => unknown): Map<unknown, number> {
  const indexes = new Map<unknown, number>();
  list.forEach((item, index) => {
    if (!indexes.has(id(item))) indexes.set(id(item), index);
  });
  return indexes;
}

/** strategicpatch mergeSortedSlice: a server-only element goes first only if the server had it before the next patch element. */
function interleave(serverOnly: unknown[], fromPatch: unknown[], serverIndex: (item: unknown) => number | undefined): unknown[] {
  const result: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < serverOnly.length && j < fromPatch.length) {
    const left = serverIndex(serverOnly[i]);
    const right = serverIndex(fromPatch[j]);
    result.push(left !== undefined && right !== undefined && left < right ? serverOnly[i++] : fromPatch[j++]);
  }
  return [...result, ...serverOnly.slice(i), ...fromPatch.slice(j)];
}

// ---- helpers ---------------------------------------------------------------------------

type JsonObject = { [key: string]: unknown };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasDirective(item: unknown): boolean {
  return isObject(item) && Object.hasOwn(item, DIRECTIVE);
}

function isPrimitive(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function patchObject(patch: unknown, kind: string): JsonObject {
  if (!isObject(patch)) throw new PatchError('BadRequest', `${kind} must be a JSON object`);
  return cloneJson(patch);
}

function toJsonObject(target: object): JsonObject {
  if (!isObject(target)) throw new PatchError('BadRequest', 'only a JSON object can be patched');
  return target;
}

/**
 * A deep copy of JSON data. Not structuredClone: under jest's vm sandbox that builds
 * objects from another realm, whose prototypes differ from the test's own.
 */
function cloneJson<T>(value: T): T;
function cloneJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cloneJson);
  if (!isObject(value)) return value;
  const copy: JsonObject = {};
  for (const [key, item] of Object.entries(value)) put(copy, key, cloneJson(item));
  return copy;
}

/** An own property only: `__proto__` or `constructor` in a patch must never reach the prototype chain. */
function own(object: JsonObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** Sets an own property, even one named `__proto__`, which plain assignment would treat as the prototype. */
function put(object: JsonObject, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

function unreachable(value: never): never {
  throw new Error(`unexpected patch type ${String(value)}`);
}

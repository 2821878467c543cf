// Bounds on JSON inputs (deployWorkload's podTemplate): how deep and how large, checked
// without recursion, so a template nested 20,000 levels deep is refused rather than
// overflowing a stack somewhere between here and the cluster.
import { jsonTextProblem } from './text.js';
import { quote, refuse } from './problem.js';

export interface JsonLimits {
  /** deepest nesting of objects and arrays; default 32 (a real pod template needs about 12) */
  maxDepth?: number;
  /** largest size as JSON text, in bytes of UTF-8; default 64 KiB (real templates take a few KiB) */
  maxBytes?: number;
}

export const DEFAULT_JSON_LIMITS: Required<JsonLimits> = { maxDepth: 32, maxBytes: 65_536 };

/**
 * @throws BadUserInputError naming the path where the value nests too deep, the field when
 * it is too large, or the path of a string or key holding a lone surrogate, NUL or noncharacter.
 */
export function checkJson(value: unknown, field: string, limits: JsonLimits = {}): void {
  const { maxDepth, maxBytes } = { ...DEFAULT_JSON_LIMITS, ...limits };
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: field, depth: 0 }];
  while (stack.length > 0) {
    const { value: node, path, depth } = stack.pop()!;
    if (typeof node === 'string') checkJsonText(node, path);
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= maxDepth) refuse(path, `nests deeper than ${maxDepth} levels of objects and arrays`);
    const entries = Array.isArray(node) ? node.map((item, i) => [`${path}[${i}]`, item] as const) : Object.entries(node).map(([key, item]) => [keyPath(path, key), item] as const);
    if (!Array.isArray(node)) Object.keys(node).forEach((key) => checkJsonText(key, path, 'key '));
    for (const [childPath, child] of entries) stack.push({ value: child, path: childPath, depth: depth + 1 });
  }
  // Safe to serialize now that the depth is bounded.
  const bytes = Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
  if (bytes > maxBytes) refuse(field, `is ${bytes} bytes as JSON, more than the ${maxBytes} accepted`);
}

function checkJsonText(text: string, path: string, what = ''): void {
  const problem = jsonTextProblem(text);
  if (problem) refuse(path, `${what}${quote(text)} ${problem}`);
}

function keyPath(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${quote(key)}]`;
}

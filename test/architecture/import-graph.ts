// Reads the project's imports as a graph: which file imports which (relative specifiers and
// packages), which src/ folder depends on which, and the circles in that folder graph.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** every .ts file under `dir` (absolute paths) */
export function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Every specifier a file imports or re-exports, type-only ones included: `import … from`,
 * `import type … from`, `export … from`, bare `import '…'` and `import('…')`.
 */
export function specifiersOf(text: string): string[] {
  return [...text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

/** relative imports of a file, resolved to paths under the project root */
export function importsOf(file: string): string[] {
  return specifiersOf(readFileSync(file, 'utf8'))
    .filter((s) => s.startsWith('./') || s.startsWith('../'))
    .map((s) => relative(root, resolve(dirname(file), s)));
}

/** the src/ folder a project path lies in (`src/query/workloads.js` → `query`), or undefined */
export function folderOf(path: string): string | undefined {
  const [top, folder, rest] = path.split('/');
  return top === 'src' && rest !== undefined ? folder : undefined;
}

export type Graph = ReadonlyMap<string, ReadonlySet<string>>;

/** src/ folder → the other src/ folders its files import */
export function folderGraph(): Graph {
  const graph = new Map<string, Set<string>>();
  for (const file of sources(join(root, 'src'))) {
    const from = folderOf(relative(root, file));
    if (from === undefined) continue;
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const target of importsOf(file)) {
      const to = folderOf(target);
      if (to !== undefined && to !== from) edges.add(to);
    }
  }
  return graph;
}

/**
 * The circles of a directed graph: its strongly connected components of more than one node,
 * and single nodes with an edge to themselves (Tarjan's algorithm). Each circle is sorted, and
 * circles are sorted by their first node, so the answer does not depend on iteration order.
 */
export function findCircles(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || graph.get(node)?.has(node)) circles.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return circles.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

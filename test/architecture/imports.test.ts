// Dependencies point inward: resolvers → src; nothing in src imports resolvers or src/server;
// the simulator imports nothing of the gateway (only the pure selector grammar both share);
// only src/kube talks to @kubernetes/client-node; src/ folders import each other without circles.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findCircles, folderGraph, importsOf, root, sources, specifiersOf } from './import-graph.js';

/** Folder circles still allowed, each sorted, with the issue that removes it: none left. */
const KNOWN_CIRCLES: readonly (readonly string[])[] = [];

/** Where @kubernetes/client-node may be imported: the gateway's kube layer, and the simulator's own tests and benchmark. */
const KUBE_CLIENT_ALLOWED = ['src/kube/', 'test/sim/', 'bench/sim-scale.ts'];

function offendingImports(dir: string, bad: (target: string, file: string) => boolean): string[] {
  return sources(join(root, dir)).flatMap((file) =>
    importsOf(file)
      .filter((target) => bad(target, relative(root, file)))
      .map((target) => `${relative(root, file)} → ${target}`),
  );
}

describe('import direction', () => {
  it('keeps the simulator free of gateway code', () => {
    expect(offendingImports('src/sim', (target) => !target.startsWith('src/sim/') && !target.startsWith('src/selectors/'))).toEqual([]);
  });

  it('keeps src/ from importing resolvers/', () => {
    expect(offendingImports('src', (target) => target.startsWith('resolvers/'))).toEqual([]);
  });

  it('keeps src/ outside src/server from importing src/server', () => {
    expect(offendingImports('src', (target, file) => target.startsWith('src/server/') && !file.startsWith('src/server/'))).toEqual([]);
  });

  it('keeps the selector grammar a leaf', () => {
    expect(offendingImports('src/selectors', (target) => !target.startsWith('src/selectors/'))).toEqual([]);
  });

  it('has no import circles between src/ folders, type imports included, beyond the known ones', () => {
    const known = new Set(KNOWN_CIRCLES.map((circle) => circle.join(' ↔ ')));
    const circles = findCircles(folderGraph()).map((circle) => circle.join(' ↔ '));
    expect(circles.filter((circle) => !known.has(circle))).toEqual([]);
  });

  it('lists no known circle that is gone, so the list only shrinks', () => {
    const circles = new Set(findCircles(folderGraph()).map((circle) => circle.join(' ↔ ')));
    expect(KNOWN_CIRCLES.map((circle) => circle.join(' ↔ ')).filter((circle) => !circles.has(circle))).toEqual([]);
  });

  it('imports @kubernetes/client-node only in src/kube (and the simulator’s own tests)', () => {
    const files = ['src', 'test', 'bench', 'resolvers', 'schema', 'scripts'].filter((dir) => existsSync(join(root, dir))).flatMap((dir) => sources(join(root, dir)));
    const offending = files
      .map((file) => relative(root, file))
      .filter((file) => !KUBE_CLIENT_ALLOWED.some((allowed) => file.startsWith(allowed)))
      .filter((file) => specifiersOf(readFileSync(join(root, file), 'utf8')).some((s) => s === '@kubernetes/client-node' || s.startsWith('@kubernetes/client-node/')));
    expect(offending).toEqual([]);
  });
});

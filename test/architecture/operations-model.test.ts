// The operations model is a leaf and the store reaches operations only through it and its
// port: the store depends on operations one way, and reads documents through a check instead
// of casting them into operations.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** every module a file names: relative ones resolved to paths under the project root, packages as written */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  return specs.map((s) => (s.startsWith('.') ? relative(root, resolve(dirname(file), s)) : s));
}

const rel = (file: string) => relative(root, file);

describe('the operations model', () => {
  it('imports nothing', () => {
    expect(importsOf(join(root, 'src/operations/model.ts'))).toEqual([]);
  });

  it('has a port that imports only the model', () => {
    expect(importsOf(join(root, 'src/operations/ports.ts'))).toEqual(['src/operations/model.js']);
  });

  it('is reached from src/store only through the model and the port', () => {
    const allowed = new Set(['src/operations/model.js', 'src/operations/ports.js']);
    const offending = sources(join(root, 'src/store')).flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith('src/operations/') && !allowed.has(target))
        .map((target) => `${rel(file)} → ${target}`),
    );
    expect(offending).toEqual([]);
  });

  it('does not depend on src/store, nor src/events on src/operations', () => {
    const offending = [
      ...sources(join(root, 'src/operations')).flatMap((file) => importsOf(file).filter((t) => t.startsWith('src/store/')).map((t) => `${rel(file)} → ${t}`)),
      ...sources(join(root, 'src/events')).flatMap((file) => importsOf(file).filter((t) => t.startsWith('src/operations/')).map((t) => `${rel(file)} → ${t}`)),
    ];
    expect(offending).toEqual([]);
  });

  it('leaves no `as unknown as` cast in src/operations or src/store', () => {
    const offending = [...sources(join(root, 'src/operations')), ...sources(join(root, 'src/store'))].flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (/\bas\s+unknown\s+as\b/.test(line) ? [`${rel(file)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(offending).toEqual([]);
  });

  it('names no file plan.ts: each planning file says what it plans', () => {
    expect(sources(join(root, 'src')).filter((file) => file.endsWith('/plan.ts')).map(rel)).toEqual([]);
  });
});

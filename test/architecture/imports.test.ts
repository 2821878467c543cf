// Dependencies point inward: resolvers → src; nothing in src imports resolvers; the
// simulator imports nothing of the gateway (only the pure selector grammar both share).
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

/** relative imports of a file, resolved to paths under the project root */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
  return specs.map((s) => relative(root, resolve(dirname(file), s)));
}

describe('import direction', () => {
  it('keeps the simulator free of gateway code', () => {
    const offending = sources(join(root, 'src/sim')).flatMap((file) =>
      importsOf(file)
        .filter((target) => !target.startsWith('src/sim/') && !target.startsWith('src/selectors/'))
        .map((target) => `${relative(root, file)} → ${target}`),
    );
    expect(offending).toEqual([]);
  });

  it('keeps src/ from importing resolvers/', () => {
    const offending = sources(join(root, 'src')).flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith('resolvers/'))
        .map((target) => `${relative(root, file)} → ${target}`),
    );
    expect(offending).toEqual([]);
  });

  it('keeps the selector grammar a leaf', () => {
    const offending = sources(join(root, 'src/selectors')).flatMap((file) =>
      importsOf(file).filter((target) => !target.startsWith('src/selectors/')),
    );
    expect(offending).toEqual([]);
  });
});

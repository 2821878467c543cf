// Every source file is named in kebab-case (`label-selector.ts`, `cluster.resolver.ts`,
// `fan-out.test.ts`): lower-case words joined by hyphens, with dotted role suffixes.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const FOLDERS = ['src', 'resolvers', 'schema', 'test', 'bench', 'scripts'];
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)*$/;

function entries(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? [path, ...entries(path)] : [path];
  });
}

function named(folder: string): string[] {
  const dir = join(root, folder);
  try {
    return entries(dir).filter((path) => /\.(ts|mts|js|mjs|graphql)$/.test(path) || statSync(path).isDirectory());
  } catch {
    return [];
  }
}

describe('file names', () => {
  it.each([
    ['label-selector.ts', true],
    ['cluster.resolver.ts', true],
    ['fan-out.test.ts', true],
    ['labelSelector.ts', false],
    ['label_selector.ts', false],
    ['-x.ts', false],
  ])('reads %s as kebab-case: %s', (name, kebab) => {
    expect(KEBAB.test(name)).toBe(kebab);
  });

  it.each(FOLDERS)('are kebab-case in %s/', (folder) => {
    const offending = named(folder)
      .map((path) => relative(root, path))
      .filter((path) => !KEBAB.test(path.split('/').pop()!));
    expect(offending).toEqual([]);
  });
});

// Whether dist/ is older than what it is built from: `npm start` builds only then. Plain JS,
// since it runs before anything is compiled.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What tsconfig.build.json compiles, and the configs that change how. */
export const SOURCE_FOLDERS = ['src', 'schema', 'resolvers', 'scripts', 'bench'];
export const SOURCE_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package.json'];
/** Written after each successful build; its mtime is when dist/ was last complete. */
export const STAMP = 'dist/.build-stamp';

/**
 * `{ build: false }` when every source is older than the last complete build; otherwise
 * `{ build: true, reason }` naming the first newer source (or the missing build).
 */
export function buildDecision(root) {
  const built = mtime(join(root, STAMP));
  if (built === undefined) return { build: true, reason: `${STAMP} is missing` };
  for (const file of [...SOURCE_FILES.map((f) => join(root, f)), ...SOURCE_FOLDERS.flatMap((folder) => sources(join(root, folder)))]) {
    const changed = mtime(file);
    if (changed !== undefined && changed > built) return { build: true, reason: `${file.slice(root.length + 1)} changed since the last build` };
  }
  return { build: false };
}

export function markBuilt(root) {
  writeFileSync(join(root, STAMP), `${new Date().toISOString()}\n`);
}

function sources(folder) {
  let names;
  try {
    names = readdirSync(folder, { recursive: true });
  } catch {
    return [];
  }
  return names.filter((name) => /\.(ts|mts|json)$/.test(name) && !name.endsWith('.d.ts')).map((name) => join(folder, name));
}

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

// src/images is pure: no I/O, nothing imported from elsewhere in the project or from packages.
import { readFileSync, readdirSync } from 'node:fs';

const dir = new URL('../../src/images/', import.meta.url);

describe('src/images', () => {
  it.each(readdirSync(dir).filter((name) => name.endsWith('.ts')))('%s imports only its siblings', (name) => {
    const text = readFileSync(new URL(name, dir), 'utf8');
    const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
    expect(specs.filter((spec) => !/^\.\/[\w.-]+\.js$/.test(spec))).toEqual([]);
  });
});

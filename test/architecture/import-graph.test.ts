// The circle finder the architecture test relies on, on graphs small enough to check by eye.
import { findCircles, specifiersOf, type Graph } from './import-graph.js';

function graph(edges: Record<string, string[]>): Graph {
  return new Map(Object.entries(edges).map(([from, to]) => [from, new Set(to)]));
}

describe('findCircles', () => {
  it.each([
    ['a chain', { a: ['b'], b: ['c'], c: [] }, []],
    ['a diamond', { a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }, []],
    ['two folders importing each other', { a: ['b'], b: ['a'] }, [['a', 'b']]],
    ['a long circle entered from outside', { x: ['a'], a: ['b'], b: ['c'], c: ['a', 'd'], d: [] }, [['a', 'b', 'c']]],
    ['two separate circles', { a: ['b'], b: ['a'], c: ['d'], d: ['e'], e: ['c'] }, [['a', 'b'], ['c', 'd', 'e']]],
    ['two circles sharing a node, as one', { a: ['b'], b: ['a', 'c'], c: ['b'] }, [['a', 'b', 'c']]],
    ['a node importing itself', { a: ['a', 'b'], b: [] }, [['a']]],
    ['an edge to a node with no entry of its own', { a: ['b'] }, []],
  ])('%s', (_name, edges, circles) => {
    expect(findCircles(graph(edges))).toEqual(circles);
  });
});

describe('specifiersOf', () => {
  it('reads value, type, re-export, side-effect and dynamic imports, across lines', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from '../b/index.js';",
      'import {',
      '  c,',
      "  type C,",
      "} from './c.js';",
      "export { d } from './d.js';",
      "export type { E } from './e.js';",
      "import './f.js';",
      "const g = await import('./g.js');",
      "import { parse } from 'graphql';",
      "// a comment that says from the store is no import",
    ].join('\n');
    expect(specifiersOf(text)).toEqual(['./a.js', '../b/index.js', './c.js', './d.js', './e.js', './f.js', './g.js', 'graphql']);
  });
});

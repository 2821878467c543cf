import { assertNever } from '../../src/lang/assert-never.js';

describe('assertNever', () => {
  it('fails naming what arrived that the types ruled out', () => {
    expect(() => assertNever('SCALE' as never, 'operation kind')).toThrow('unexpected operation kind "SCALE"');
    expect(() => assertNever({ kind: 'x' } as never)).toThrow('unexpected value {"kind":"x"}');
  });
});

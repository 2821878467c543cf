import { classify, parseImage, type ImageDiff } from '../../src/images/index.js';

function diffOf(current: string, posted: string) {
  return classify(parseImage(current), parseImage(posted));
}

describe('classify: the required examples', () => {
  // container's image, posted image, diff, reason
  describe.each<[string, string, ImageDiff, string | null]>([
    ['acme/api:1.0.0', 'acme/api:1.0.1', 'UPGRADE', null],
    ['acme/api:1.0.2', 'acme/api:1.0.1', 'OBSOLETE', null],
    ['acme/api:1.2.3_4_a1b2c3d4', 'acme/api:9.9.9_9_a1b2c3d4', 'EQUAL', null],
    ['nginx:1.13-alpine', 'nginx:1.14-alpine', 'UPGRADE', null],
    ['acme/api:nonono', 'acme/api:1.0.0', 'ERROR', 'invalid version - nonono'],
  ])('%s against %s', (current, posted, diff, reason) => {
    it(`is ${diff}`, () => expect(diffOf(current, posted)).toEqual({ diff, reason }));
  });
});

describe('classify: rules in order', () => {
  describe.each<[string, string, ImageDiff, string | null]>([
    // 1. names
    ['acme/api:1.0.0', 'acme/web:1.0.1', 'ERROR', 'mismatched image names'],
    ['acme/api:1.0.0_1_abc', 'acme/web:1.0.0_1_abc', 'ERROR', 'mismatched image names'], // before the commit
    ['acme/api:latest', 'acme/web:latest', 'ERROR', 'mismatched image names'], // before latest
    // 2. same commit or digest, whatever the versions
    ['acme/api:2.0.0_a1b2c3d4', 'acme/api:1.0.0_a1b2c3d4', 'EQUAL', null],
    ['acme/api:latest_a1b2c3d4', 'acme/api:1.0.0_a1b2c3d4', 'EQUAL', null],
    ['acme/api:nonono_a1b2c3d4', 'acme/api:1.0.0_a1b2c3d4', 'EQUAL', null],
    ['acme/api:1.0.0_a1b2c3d4', 'acme/api:1.0.0_e5f6a7b8', 'EQUAL', null], // different commits fall through
    ['acme/api:1.0.0_1_a1b2c3d4', 'acme/api:1.0.0_2_e5f6a7b8', 'UPGRADE', null],
    [`acme/api@sha256:${'a'.repeat(64)}`, `acme/api@sha256:${'a'.repeat(64)}`, 'EQUAL', null],
    [`acme/api:2@sha256:${'a'.repeat(64)}`, `acme/api:1@sha256:${'a'.repeat(64)}`, 'EQUAL', null],
    [`acme/api@sha256:${'a'.repeat(64)}`, `acme/api@sha256:${'b'.repeat(64)}`, 'UPGRADE', null], // both latest
    [`acme/api:1@sha256:${'a'.repeat(64)}`, `acme/api:2@sha256:${'b'.repeat(64)}`, 'UPGRADE', null],
    // 3. latest on either side
    ['acme/api:latest', 'acme/api:1.0.0', 'UPGRADE', null],
    ['acme/api:1.0.0', 'acme/api:latest', 'UPGRADE', null],
    ['acme/api', 'acme/api', 'UPGRADE', null],
    ['acme/api:nonono', 'acme/api:latest', 'UPGRADE', null],
    ['acme/api:latest', 'acme/api:nonono', 'UPGRADE', null],
    ['acme/api:latest_5', 'acme/api:1.0.0_4', 'UPGRADE', null],
    // 4. versions, then builds
    ['acme/api:1.0.0', 'acme/api:1.0.0', 'EQUAL', null],
    ['acme/api:1.0.0', 'acme/api:v1.0.0', 'EQUAL', null],
    ['acme/api:1.13', 'acme/api:1.13.0', 'EQUAL', null], // padded to three parts
    ['acme/api:1', 'acme/api:1.0.1', 'UPGRADE', null],
    ['acme/api:1.9.0', 'acme/api:1.10.0', 'UPGRADE', null], // numerically, not as text
    ['acme/api:2.0.0', 'acme/api:10.0.0', 'UPGRADE', null],
    ['acme/api:10.0.0', 'acme/api:9.99.99', 'OBSOLETE', null],
    ['acme/api:2024.01.05', 'acme/api:2024.1.6', 'UPGRADE', null], // leading zeros tolerated
    ['acme/api:1.0.0', 'acme/api:1.0.0-rc.1', 'OBSOLETE', null],
    ['acme/api:1.0.0-rc.1', 'acme/api:1.0.0', 'UPGRADE', null],
    ['nginx:1.13-alpine', 'nginx:1.13', 'UPGRADE', null], // a variant suffix orders as a prerelease
    ['nginx:1.13-alpine', 'nginx:1.13-alpine', 'EQUAL', null],
    ['acme/api:1.0.0_1', 'acme/api:1.0.0_2', 'UPGRADE', null],
    ['acme/api:1.0.0_2', 'acme/api:1.0.0_1', 'OBSOLETE', null],
    ['acme/api:1.0.0_9', 'acme/api:1.0.0_10', 'UPGRADE', null], // numerically
    ['acme/api:1.0.0_007', 'acme/api:1.0.0_7', 'EQUAL', null],
    ['acme/api:1.0.0_99999999999999999998', 'acme/api:1.0.0_99999999999999999999', 'UPGRADE', null], // past 2^53
    ['acme/api:1.0.0', 'acme/api:1.0.0_1', 'UPGRADE', null], // no build is older than any
    ['acme/api:1.0.0_1', 'acme/api:1.0.0', 'OBSOLETE', null],
    ['acme/api:1.0.0_a1b2', 'acme/api:1.0.0_c3d4', 'EQUAL', null], // neither has a build
    ['acme/api:1.0.1', 'acme/api:1.0.0_99', 'OBSOLETE', null], // the version decides first
    ['acme/api:1.0.0_x_abc', 'acme/api:1.0.0_2_def', 'ERROR', 'invalid build - x'],
    ['acme/api:1.0.0_2_abc', 'acme/api:1.0.0_y_def', 'ERROR', 'invalid build - y'],
    ['acme/api:1.0.0_x_abc', 'acme/api:1.0.1_2_def', 'UPGRADE', null], // builds not needed
    // invalid versions, naming the one at fault
    ['acme/api:1.0.0', 'acme/api:stable', 'ERROR', 'invalid version - stable'],
    ['acme/api:nonono', 'acme/api:stable', 'ERROR', 'invalid version - nonono'], // the container's first
    ['acme/api:1.2.3.4', 'acme/api:1.2.4', 'ERROR', 'invalid version - 1.2.3.4'],
    ['acme/api:vnext', 'acme/api:1.0.0', 'ERROR', 'invalid version - vnext'],
    ['acme/api:a_b_c_d_e_f_g', 'acme/api:1.0.0', 'ERROR', 'invalid version - a_b_c_d_e_f_g'],
    ['acme/api:_42', 'acme/api:1.0.0', 'ERROR', 'invalid version - none in tag _42'],
  ])('%s against %s', (current, posted, diff, reason) => {
    it(`is ${diff}`, () => expect(diffOf(current, posted)).toEqual({ diff, reason }));
  });
});

describe('classify orders versions as semver does', () => {
  // Ascending, each later than the one before (semver.org §11, plus the padding and `v`).
  const ascending = [
    '0.9',
    '1.0.0-0',
    '1.0.0-2',
    '1.0.0-10',
    '1.0.0-alpha',
    '1.0.0-alpha.1',
    '1.0.0-alpha.beta',
    '1.0.0-beta',
    '1.0.0-beta.2',
    '1.0.0-beta.11',
    '1.0.0-rc.1',
    'v1.0.0',
    '1.0.0_1',
    '1.0.0_2',
    '1.0.1-alpine',
    '1.0.1',
    '1.1',
    '2',
  ];
  const pairs = ascending.flatMap((low, i) => ascending.slice(i + 1).map((high) => [low, high] as const));

  describe.each(pairs)('%s before %s', (low, high) => {
    it('is UPGRADE one way and OBSOLETE the other', () => {
      expect(diffOf(`acme/api:${low}`, `acme/api:${high}`).diff).toBe('UPGRADE');
      expect(diffOf(`acme/api:${high}`, `acme/api:${low}`).diff).toBe('OBSOLETE');
    });
  });
});

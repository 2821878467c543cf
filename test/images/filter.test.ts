import { DEFAULT_FILTER, IMAGE_FIELDS, matchesFilter, parseImage, type ImageField } from '../../src/images/index.js';

describe('DEFAULT_FILTER', () => {
  it('compares where an image comes from, not its version', () => {
    expect(DEFAULT_FILTER).toEqual(['IMAGE_NAME', 'IMAGE_OWNER', 'OWNER', 'REPO', 'BRANCH']);
  });

  it('cannot be changed by a caller', () => {
    expect(Object.isFrozen(DEFAULT_FILTER)).toBe(true);
  });
});

describe('matchesFilter', () => {
  // candidate, posted, filter, expected
  describe.each<[string, string, readonly ImageField[], boolean]>([
    ['acme/api:1.0.0', 'acme/api:2.0.0', DEFAULT_FILTER, true],
    ['quay.io/acme/api:1', 'gcr.io/acme/api:2', DEFAULT_FILTER, true], // registry is no field
    ['nginx:1.13', 'docker.io/library/nginx:1.14', DEFAULT_FILTER, true],
    ['nginx:1.13', 'bitnami/nginx:1.14', DEFAULT_FILTER, false], // owner library vs bitnami
    ['registry.example.com/nginx:1', 'nginx:1', DEFAULT_FILTER, false], // owner null vs library
    ['registry.example.com/nginx:1', 'registry.other.com/nginx:2', DEFAULT_FILTER, true], // null equals null
    ['acme/api:1.0.0', 'acme/web:1.0.0', DEFAULT_FILTER, false],
    ['acme/api:develop_1.0_1_abc', 'acme/api:master_1.1_2_def', DEFAULT_FILTER, false], // branch
    ['acme/api:develop_1.0_1_abc', 'acme/api:develop_1.1_2_def', DEFAULT_FILTER, true],
    ['acme/api:1.0', 'acme/api:master_1.1_2_def', DEFAULT_FILTER, true], // master by default
    ['acme/api:svc_master_1.0_1_a', 'acme/api:1.0', DEFAULT_FILTER, false], // repo svc vs api
    ['acme/api:org_api_master_1.0_1_a', 'acme/api:1.0', DEFAULT_FILTER, false], // owner org vs acme
    ['acme/api:acme_api_master_1.0_1_a', 'acme/api:1.0', DEFAULT_FILTER, true],
    ['coreos/etcd:v3.3.3', 'quay.io/coreos/etcd:v3.3.3', ['IMAGE_OWNER'], true],
    ['bitnami/etcd:3', 'quay.io/coreos/etcd:v3.3.3', ['IMAGE_NAME'], true], // any etcd, whoever builds it
    ['bitnami/etcd:3', 'quay.io/coreos/etcd:v3.3.3', ['IMAGE_OWNER'], false],
    ['acme/api:1.0', 'acme/api:v1.0', ['VERSION', 'FULL_VERSION'], true],
    ['acme/api:1.0-rc.1', 'acme/api:1.0', ['VERSION'], true],
    ['acme/api:1.0-rc.1', 'acme/api:1.0', ['FULL_VERSION'], false],
    ['acme/api:1.0_7_abc', 'acme/api:2.0_7_def', ['BUILD'], true],
    ['acme/api:1.0_7_abc', 'acme/api:2.0_8_abc', ['COMMIT'], true],
    ['acme/api:1.0', 'acme/api:2.0', ['COMMIT'], true], // no commit on either side
    ['acme/api:1.0', 'other/web:2.0', [], true], // an empty filter lets everything through
  ])('%s for %s by %j', (candidate, posted, filter, expected) => {
    it(`is ${expected}`, () => expect(matchesFilter(parseImage(candidate), parseImage(posted), filter)).toBe(expected));
  });

  it.each(IMAGE_FIELDS)('compares %s', (field) => {
    const posted = parseImage('org_repo_branch_1.0.0-rc.1_7_abc');
    const other = parseImage('other/name:o_r_b_2.0.0_8_def');
    expect(matchesFilter(posted, posted, [field])).toBe(true);
    expect(matchesFilter(other, posted, [field])).toBe(false);
  });
});

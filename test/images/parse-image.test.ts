import { ImageParseError, parseImage, type ImageRef } from '../../src/images/index.js';

const SHA = 'sha256:' + 'ab'.repeat(32);
const SHA512 = 'sha512:' + 'cd'.repeat(64);

describe('parseImage: the required example', () => {
  it('reads quay.io/coreos/etcd:v3.3.3 whole', () => {
    expect(parseImage('quay.io/coreos/etcd:v3.3.3')).toEqual<ImageRef>({
      spec: 'quay.io/coreos/etcd:v3.3.3',
      registry: 'quay.io',
      imageOwner: 'coreos',
      imageName: 'etcd',
      tag: 'v3.3.3',
      digest: null,
      owner: 'coreos',
      repo: 'etcd',
      branch: 'master',
      fullVersion: '3.3.3',
      version: '3.3.3',
      prerelease: null,
      build: null,
      commit: null,
    });
  });
});

describe('parseImage: registry, owner, name, tag and digest', () => {
  // spec, registry, imageOwner, imageName, tag, digest
  describe.each([
    ['nginx', null, 'library', 'nginx', 'latest', null],
    ['nginx:1.13-alpine', null, 'library', 'nginx', '1.13-alpine', null],
    ['arobson/hikaru:latest', null, 'arobson', 'hikaru', 'latest', null],
    ['acme/team/api:1.0.0', null, 'acme/team', 'api', '1.0.0', null],
    ['quay.io/coreos/etcd:v3.3.3', 'quay.io', 'coreos', 'etcd', 'v3.3.3', null],
    ['gcr.io/project/team/api:2', 'gcr.io', 'project/team', 'api', '2', null],
    ['registry.example.com:5000/acme/api:1.0', 'registry.example.com:5000', 'acme', 'api', '1.0', null],
    ['registry.example.com/foo:1', 'registry.example.com', null, 'foo', '1', null], // no `library` off Docker Hub
    ['registry:5000/foo', 'registry:5000', null, 'foo', 'latest', null], // a port alone makes a registry
    ['localhost/foo:1', 'localhost', null, 'foo', '1', null],
    ['localhost:5000/acme/foo', 'localhost:5000', 'acme', 'foo', 'latest', null],
    ['localhost:5000', null, 'library', 'localhost', '5000', null], // no '/': a Docker Hub name and tag
    ['127.0.0.1:5000/foo:1', '127.0.0.1:5000', null, 'foo', '1', null],
    ['[::1]:5000/acme/foo:1', '[::1]:5000', 'acme', 'foo', '1', null],
    ['Registry.Example.COM/acme/foo', 'Registry.Example.COM', 'acme', 'foo', 'latest', null], // hosts keep their case
    ['docker.io/nginx:1', null, 'library', 'nginx', '1', null], // Docker Hub written out reads as implied
    ['docker.io/library/nginx:1', null, 'library', 'nginx', '1', null],
    ['index.docker.io/acme/api', null, 'acme', 'api', 'latest', null],
    ['registry-1.docker.io/nginx', null, 'library', 'nginx', 'latest', null],
    ['DOCKER.IO/nginx', null, 'library', 'nginx', 'latest', null],
    [`nginx@${SHA}`, null, 'library', 'nginx', 'latest', SHA],
    [`nginx:1.13@${SHA}`, null, 'library', 'nginx', '1.13', SHA],
    [`quay.io:443/coreos/etcd:v3.3.3@${SHA}`, 'quay.io:443', 'coreos', 'etcd', 'v3.3.3', SHA],
    [`acme/api@${SHA512}`, null, 'acme', 'api', 'latest', SHA512],
    ['a.b-c/d__e--f/g_h.i:T_a-g.1', 'a.b-c', 'd__e--f', 'g_h.i', 'T_a-g.1', null],
    ['x'.repeat(255), null, 'library', 'x'.repeat(255), 'latest', null],
  ])('%s', (spec, registry, imageOwner, imageName, tag, digest) => {
    it('splits as distribution/reference does', () => {
      expect(parseImage(spec)).toMatchObject({ spec, registry, imageOwner, imageName, tag, digest });
    });
  });
});

describe('parseImage: the tag convention', () => {
  // tag, owner, repo, branch, version, build, commit  (image acme/api)
  describe.each([
    ['1.2.3', 'acme', 'api', 'master', '1.2.3', null, null],
    ['1.2.3_42', 'acme', 'api', 'master', '1.2.3', '42', null],
    ['1.2.3_a1b2c3d4', 'acme', 'api', 'master', '1.2.3', null, 'a1b2c3d4'],
    ['1.2.3_4a', 'acme', 'api', 'master', '1.2.3', null, '4a'], // not all digits: a commit
    ['1.2.3_42_a1b2c3d4', 'acme', 'api', 'master', '1.2.3', '42', 'a1b2c3d4'],
    ['develop_1.2.3_42_a1b2c3d4', 'acme', 'api', 'develop', '1.2.3', '42', 'a1b2c3d4'],
    ['svc_develop_1.2.3_42_a1b2c3d4', 'acme', 'svc', 'develop', '1.2.3', '42', 'a1b2c3d4'],
    ['org_svc_develop_1.2.3_42_a1b2c3d4', 'org', 'svc', 'develop', '1.2.3', '42', 'a1b2c3d4'],
    ['a_b_c_d_e_f_g', 'acme', 'api', 'master', 'a_b_c_d_e_f_g', null, null], // past six parts: a plain version
    ['1.2.3__a1b2', 'acme', 'api', 'master', '1.2.3', null, 'a1b2'], // empty parts say nothing
    ['_develop_1.0_7_', 'acme', 'api', 'develop', '1.0', '7', null],
    ['1.0_', 'acme', 'api', 'master', '1.0', null, null],
    ['_42', 'acme', 'api', 'master', null, '42', null],
    ['latest', 'acme', 'api', 'master', 'latest', null, null],
  ])('acme/api:%s', (tag, owner, repo, branch, version, build, commit) => {
    it('reads the parts by arity', () => {
      expect(parseImage(`acme/api:${tag}`)).toMatchObject({ tag, owner, repo, branch, version, build, commit });
    });
  });

  it('falls back to a null owner where the image has none', () => {
    expect(parseImage('registry.example.com/foo:1')).toMatchObject({ owner: null, repo: 'foo', branch: 'master' });
  });
});

describe('parseImage: versions', () => {
  // tag, version, prerelease, fullVersion
  describe.each([
    ['1', '1', null, '1'],
    ['1.13', '1.13', null, '1.13'],
    ['1.2.3', '1.2.3', null, '1.2.3'],
    ['v3.3.3', '3.3.3', null, '3.3.3'],
    ['v1', '1', null, '1'],
    ['1.13-alpine', '1.13', 'alpine', '1.13-alpine'],
    ['1.13-alpine3.18', '1.13', 'alpine3.18', '1.13-alpine3.18'],
    ['1.25.3-bookworm-perl', '1.25.3', 'bookworm-perl', '1.25.3-bookworm-perl'],
    ['v1.0.0-rc.1', '1.0.0', 'rc.1', '1.0.0-rc.1'],
    ['2024.01.05', '2024.01.05', null, '2024.01.05'], // as written, not padded or trimmed
    ['v2.0.0-rc.1_17_abc123', '2.0.0', 'rc.1', '2.0.0-rc.1'],
    ['latest', 'latest', null, 'latest'],
    ['stable', 'stable', null, 'stable'],
    ['nonono', 'nonono', null, 'nonono'],
    ['1.2.3.4', '1.2.3.4', null, '1.2.3.4'], // four parts: not semver-like, kept as written
    ['V1.0', 'V1.0', null, 'V1.0'], // only a lowercase v is a prefix
    ['1.0-', '1.0-', null, '1.0-'],
    ['1.0-a..b', '1.0-a..b', null, '1.0-a..b'], // empty prerelease identifier
    ['vnext', 'vnext', null, 'vnext'],
  ])('acme/api:%s', (tag, version, prerelease, fullVersion) => {
    it('reads the version', () => {
      expect(parseImage(`acme/api:${tag}`)).toMatchObject({ version, prerelease, fullVersion });
    });
  });

  it('leaves every version field null when the version part is empty', () => {
    expect(parseImage('acme/api:_42')).toMatchObject({ version: null, prerelease: null, fullVersion: null });
  });
});

describe('parseImage refuses what is not a reference', () => {
  // spec, a fragment of the message saying what is wrong
  describe.each([
    ['', 'the reference is empty'],
    ['ab'.repeat(32), 'image ID'],
    ['Acme/api:1', '"Acme" must be lowercase'],
    ['acme/API', '"API" must be lowercase'],
    ['acme//api', 'empty component'],
    ['/api', 'empty component'],
    ['acme/api/', 'empty component'],
    ['quay.io/', 'empty component'],
    ['acme/-api', '"-api" must be lowercase letters and digits'],
    ['acme/api-', '"api-" must be lowercase letters and digits'],
    ['acme/a..pi', '"a..pi" must be lowercase letters and digits'],
    ['acme/a___pi', '"a___pi" must be lowercase letters and digits'],
    ['acme/a pi', '"a pi" must be lowercase letters and digits'],
    [' nginx', '" nginx" must be lowercase letters and digits'],
    ['acme/api:', "the tag after ':' is empty"],
    ['acme/api:-1', 'must start with a letter, digit or'],
    ['acme/api:.1', 'must start with a letter, digit or'],
    ['acme/api:1+2', "may hold only letters, digits, '_', '.' and '-'"],
    ['acme/api:1:2', "may hold only letters, digits, '_', '.' and '-'"],
    [`acme/api:${'a'.repeat(129)}`, 'at most 128 characters, not 129'],
    ['acme/api@', "the digest after '@' is empty"],
    ['acme/api@sha256:abc', 'must be sha256: and 64'],
    [`acme/api@${SHA.toUpperCase()}`, 'must be sha256: and 64'],
    [`acme/api@md5:${'a'.repeat(32)}`, 'must be sha256: and 64'],
    [`acme/api@${SHA}@${SHA}`, 'must be sha256: and 64'],
    ['acme/api:1@', "the digest after '@' is empty"],
    ['registry.example.com:port/api', '"registry.example.com:port" is not a valid host[:port]'],
    ['-bad.example.com/api', '"-bad.example.com" is not a valid host[:port]'],
    ['under_score.example.com/api', '"under_score.example.com" is not a valid host[:port]'],
    ['bad..example.com/api', '"bad..example.com" is not a valid host[:port]'],
    ['foo:1.0/bar', '"foo:1.0" is not a valid host[:port]'],
    ['x'.repeat(256), 'at most 255 characters, not 256'],
    [`quay.io/${'x'.repeat(248)}`, 'at most 255 characters, not 256'],
  ])('%j', (spec, problem) => {
    it('throws ImageParseError saying what is wrong', () => {
      const thrown = catchError(() => parseImage(spec));
      if (!(thrown instanceof ImageParseError)) throw thrown;
      expect(thrown).toMatchObject({ name: 'ImageParseError', spec });
      expect(thrown.problem).toContain(problem);
      expect(thrown.message).toBe(`invalid image reference ${JSON.stringify(spec)}: ${thrown.problem}`);
    });
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}

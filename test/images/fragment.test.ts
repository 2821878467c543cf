import { imageMatchesFragment } from '../../src/images/index.js';

describe('imageMatchesFragment', () => {
  // image, fragment, expected
  describe.each([
    ['quay.io/coreos/etcd:v3.3.3', 'quay.io', true],
    ['quay.io/coreos/etcd:v3.3.3', 'coreos', true],
    ['quay.io/coreos/etcd:v3.3.3', 'etcd', true],
    ['quay.io/coreos/etcd:v3.3.3', 'v3.3', true],
    ['quay.io/coreos/etcd:v3.3.3', 'coreos/etcd', true],
    ['quay.io/coreos/etcd:v3.3.3', 'QUAY', true],
    ['registry.example.com:5000/Team/API:1', 'team/api', true], // as written, whatever its case
    ['quay.io/coreos/etcd:v3.3.3', '', true],
    ['quay.io/coreos/etcd:v3.3.3', 'gcr.io', false],
    ['nginx:1.13', 'library', false], // what parsing implies is not written
    ['nginx', 'latest', false],
    ['nginx', 'docker.io', false],
    ['not a reference!', 'reference', true], // no parsing: any text can be searched
  ])('%s for %j', (image, fragment, expected) => {
    it(`is ${expected}`, () => expect(imageMatchesFragment(image, fragment)).toBe(expected));
  });
});

import {
  ImageParseError,
  planUpgrades,
  type ContainerImage,
  type ImageField,
  type UpgradePlan,
} from '../../src/images/index.js';

const NONE = { upgrade: [], obsolete: [], equal: [], error: [] };

function containers(...images: string[]): ContainerImage[] {
  return images.map((image, i) => ({ workloadKey: `c1/default/Deployment/w${i}`, container: 'main', image }));
}

/** The images of each list, which is what most cases differ in. */
function imagesByList(found: UpgradePlan): Record<keyof UpgradePlan, string[]> {
  return {
    upgrade: found.upgrade.map((c) => c.image),
    obsolete: found.obsolete.map((c) => c.image),
    equal: found.equal.map((c) => c.image),
    error: found.error.map((c) => c.image),
  };
}

describe('planUpgrades', () => {
  it('sorts matching containers into lists, each entry whole', () => {
    const images = containers('acme/api:1.0.0', 'acme/api:1.0.2', 'acme/api:1.0.1', 'acme/api:nonono');
    const plan = planUpgrades(images, 'acme/api:1.0.1');
    const entry = (i: number, image: string) => ({
      workloadKey: `c1/default/Deployment/w${i}`,
      container: 'main',
      image,
      comparedTo: 'acme/api:1.0.1',
    });
    expect(plan).toEqual({
      upgrade: [{ ...entry(0, 'acme/api:1.0.0'), diff: 'UPGRADE', reason: null }],
      obsolete: [{ ...entry(1, 'acme/api:1.0.2'), diff: 'OBSOLETE', reason: null }],
      equal: [{ ...entry(2, 'acme/api:1.0.1'), diff: 'EQUAL', reason: null }],
      error: [{ ...entry(3, 'acme/api:nonono'), diff: 'ERROR', reason: 'invalid version - nonono' }],
    });
  });

  it('keeps the order containers came in within a list', () => {
    const plan = planUpgrades(containers('acme/api:0.3', 'acme/api:0.1', 'acme/api:0.2'), 'acme/api:1');
    expect(plan.upgrade.map((c) => c.image)).toEqual(['acme/api:0.3', 'acme/api:0.1', 'acme/api:0.2']);
  });

  it('copies only the container fields it knows', () => {
    const extra = { workloadKey: 'k', container: 'main', image: 'acme/api:1', secret: 'x' };
    expect(planUpgrades([extra], 'acme/api:2').upgrade[0]).not.toHaveProperty('secret');
  });

  interface Case {
    images: string[];
    posted: string;
    filter?: readonly ImageField[];
    /** the images each list should hold; lists left out are empty */
    expected: Partial<Record<keyof UpgradePlan, string[]>>;
  }
  describe.each<Case>([
    { images: ['acme/web:1', 'bitnami/api:1', 'acme/api:1'], posted: 'acme/api:2', expected: { upgrade: ['acme/api:1'] } },
    {
      images: ['quay.io/coreos/etcd:v3.3.2', 'bitnami/etcd:3.3.4'],
      posted: 'quay.io/coreos/etcd:v3.3.3',
      expected: { upgrade: ['quay.io/coreos/etcd:v3.3.2'] },
    },
    {
      // Any etcd, whoever builds it.
      images: ['quay.io/coreos/etcd:v3.3.2', 'bitnami/etcd:3.3.4'],
      posted: 'quay.io/coreos/etcd:v3.3.3',
      filter: ['IMAGE_NAME'],
      expected: { upgrade: ['quay.io/coreos/etcd:v3.3.2'], obsolete: ['bitnami/etcd:3.3.4'] },
    },
    {
      // An empty filter lets every container through; other names land in ERROR.
      images: ['acme/web:1', 'acme/api:1'],
      posted: 'acme/api:2',
      filter: [],
      expected: { upgrade: ['acme/api:1'], error: ['acme/web:1'] },
    },
    {
      images: ['acme/api:develop_1_1_a', 'acme/api:master_1_1_a'],
      posted: 'acme/api:develop_2_1_b',
      expected: { upgrade: ['acme/api:develop_1_1_a'] },
    },
    {
      images: ['nginx:1.13-alpine', 'docker.io/library/nginx:1.15', 'registry.example.com/nginx:1.13'],
      posted: 'nginx:1.14-alpine',
      expected: { upgrade: ['nginx:1.13-alpine'], obsolete: ['docker.io/library/nginx:1.15'] },
    },
    {
      // Unparsable: an ERROR when it looks like the posted image, else not a candidate.
      images: ['acme/api:1.0@sha256:bad', 'acme/API:1.0', 'acme/web:bad tag', 'Acme/Web', 'localhost:5000/api:-1'],
      posted: 'acme/api:2',
      expected: { error: ['acme/api:1.0@sha256:bad', 'acme/API:1.0', 'localhost:5000/api:-1'] },
    },
    { images: [], posted: 'acme/api:2', expected: {} },
  ])('$images against $posted by $filter', ({ images, posted, filter, expected }) => {
    it('lists the candidates', () => {
      expect(imagesByList(planUpgrades(containers(...images), posted, filter))).toEqual({ ...NONE, ...expected });
    });
  });

  it('gives an unparsable container the parse message as reason', () => {
    const [entry] = planUpgrades(containers('acme/API:1'), 'acme/api:2').error;
    expect(entry).toMatchObject({
      diff: 'ERROR',
      reason: 'invalid image reference "acme/API:1": repository path component "API" must be lowercase',
    });
  });

  it.each(['', 'acme/API:2', 'acme/api:'])('throws ImageParseError for the posted image %j', (posted) => {
    expect(() => planUpgrades(containers('acme/api:1'), posted)).toThrow(ImageParseError);
  });
});

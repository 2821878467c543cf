import { PatchError, type PatchType, applyPatch, patchTypeFromContentType } from '../../src/sim/patch.js';

const web = { name: 'web', image: 'nginx:1.25', ports: [{ containerPort: 80, protocol: 'TCP' }], env: [{ name: 'MODE', value: 'prod' }] };
const sidecar = { name: 'proxy', image: 'envoy:1.29' };

function deployment() {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', labels: { app: 'web' }, annotations: { 'deployment.kubernetes.io/revision': '2' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      template: {
        metadata: { labels: { app: 'web' }, annotations: { team: 'edge' } },
        spec: { containers: [web, sidecar], tolerations: [{ key: 'a', operator: 'Exists' }] },
      },
    },
  };
}

function node() {
  return { kind: 'Node', metadata: { name: 'n1' }, spec: { podCIDR: '10.0.0.0/24', taints: [{ key: 'gpu', effect: 'NoSchedule' }] } };
}

describe('patchTypeFromContentType', () => {
  it.each([
    ['application/json-patch+json', 'json'],
    ['application/merge-patch+json', 'merge'],
    ['application/strategic-merge-patch+json', 'strategic'],
    ['application/apply-patch+yaml', 'apply'],
    ['application/merge-patch+json; charset=utf-8', 'merge'],
    ['Application/JSON-Patch+JSON', 'json'],
    ['application/json', undefined],
    ['', undefined],
  ])('%j is %s', (contentType, type) => expect(patchTypeFromContentType(contentType)).toBe(type));
});

describe('what kubectl sends', () => {
  it('rollout restart: strategic patch adding a template annotation', () => {
    const patched = applyPatch(deployment(), 'strategic', {
      spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2024-05-01T10:00:00Z' } } } },
    });
    const expected = deployment();
    Object.assign(expected.spec.template.metadata.annotations, { 'kubectl.kubernetes.io/restartedAt': '2024-05-01T10:00:00Z' });
    expect(patched).toEqual(expected);
  });

  it('set image: strategic patch naming one container keeps its other fields and the other containers', () => {
    const patched = applyPatch(deployment(), 'strategic', { spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } } });
    const expected = deployment();
    expected.spec.template.spec.containers = [{ ...web, image: 'nginx:1.27' }, sidecar];
    expect(patched).toEqual(expected);
  });

  it('cordon: strategic patch setting spec.unschedulable', () => {
    const patched = applyPatch(node(), 'strategic', { spec: { unschedulable: true } });
    expect(patched).toEqual({ ...node(), spec: { ...node().spec, unschedulable: true } });
  });

  it('scale: merge patch on the scale subresource', () => {
    const scale = { kind: 'Scale', apiVersion: 'autoscaling/v1', metadata: { name: 'web' }, spec: { replicas: 2 }, status: { replicas: 2 } };
    expect(applyPatch(scale, 'merge', { spec: { replicas: 3 } })).toEqual({ ...scale, spec: { replicas: 3 } });
  });

  it('rollout undo: JSON patch replacing the template and the annotations', () => {
    const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.24' }] } };
    const annotations = { 'deployment.kubernetes.io/revision': '1' };
    const patched = applyPatch(deployment(), 'json', [
      { op: 'replace', path: '/spec/template', value: template },
      { op: 'replace', path: '/metadata/annotations', value: annotations },
    ]);
    const expected = deployment();
    expect(patched).toEqual({ ...expected, metadata: { ...expected.metadata, annotations }, spec: { ...expected.spec, template } });
  });

  it('rollout pause: strategic patch setting spec.paused', () => {
    const patched = applyPatch(deployment(), 'strategic', { spec: { paused: true } });
    expect(patched).toEqual({ ...deployment(), spec: { ...deployment().spec, paused: true } });
  });

  it('label / annotate: merge patch adding and removing (key-) metadata', () => {
    const patched = applyPatch(deployment(), 'merge', { metadata: { labels: { tier: 'frontend', app: null }, annotations: { note: 'hi' } } });
    const expected = deployment();
    expect(patched).toEqual({
      ...expected,
      metadata: { ...expected.metadata, labels: { tier: 'frontend' }, annotations: { ...expected.metadata.annotations, note: 'hi' } },
    });
  });
});

describe('applyPatch never touches its inputs', () => {
  // Patches that leave metadata alone: the result must still not share it with the target,
  // because the store stamps resourceVersions into the object it is given.
  describe.each<[PatchType, unknown]>([
    ['json', [{ op: 'replace', path: '/spec/replicas', value: 5 }]],
    ['merge', { spec: { replicas: 5 } }],
    ['apply', { spec: { replicas: 5 } }],
    ['strategic', { spec: { replicas: 5, template: { spec: { containers: [{ name: 'web', image: 'x' }] } } } }],
  ])('%s', (type, patch) => {
    it('returns a fresh object and leaves target and patch as they were', () => {
      const target = deepFreeze(deployment());
      const patched = applyPatch(target, type, deepFreeze(structuredClone(patch))) as ReturnType<typeof deployment>;
      expect(patched.spec.replicas).toBe(5);
      expect(target.spec.replicas).toBe(2);
      expect(patched.metadata).not.toBe(target.metadata);
      expect(patched.spec.template.spec.containers[1]).not.toBe(sidecar);
      expect(patched.spec.template.spec.containers[1]).toEqual(sidecar);
    });
  });
});

describe('JSON merge patch (RFC 7386)', () => {
  // target, patch, result
  describe.each([
    [{ a: 1, b: 2 }, { a: null }, { b: 2 }],
    [{ a: { b: 1, c: 2 } }, { a: { c: 3, d: 4 } }, { a: { b: 1, c: 3, d: 4 } }],
    [{ a: [1, 2, 3] }, { a: [4] }, { a: [4] }],
    [{ a: { b: 1 } }, { a: 'x' }, { a: 'x' }],
    [{ a: 'x' }, { a: { b: 1, c: null } }, { a: { b: 1 } }],
    [{ a: 1 }, { missing: null }, { a: 1 }],
    [{ a: 1 }, {}, { a: 1 }],
    [{ list: [{ name: 'x', v: 1 }] }, { list: [{ name: 'x', w: 2 }] }, { list: [{ name: 'x', w: 2 }] }],
  ])('%j + %j', (target, patch, result) => {
    it.each<PatchType>(['merge', 'apply'])(`as %s gives ${JSON.stringify(result)}`, (type) => {
      expect(applyPatch(target, type, patch)).toEqual(result);
    });
  });
});

describe('JSON patch (RFC 6902)', () => {
  const doc = { a: { b: 1 }, list: ['x', 'y'] };
  // operations, result
  describe.each([
    [[{ op: 'add', path: '/a/c', value: 2 }], { a: { b: 1, c: 2 }, list: ['x', 'y'] }],
    [[{ op: 'add', path: '/list/-', value: 'z' }], { a: { b: 1 }, list: ['x', 'y', 'z'] }],
    [[{ op: 'remove', path: '/list/0' }], { a: { b: 1 }, list: ['y'] }],
    [[{ op: 'replace', path: '/a/b', value: 9 }], { a: { b: 9 }, list: ['x', 'y'] }],
    [[{ op: 'move', from: '/a/b', path: '/c' }], { a: {}, list: ['x', 'y'], c: 1 }],
    [[{ op: 'copy', from: '/a', path: '/d' }], { a: { b: 1 }, list: ['x', 'y'], d: { b: 1 } }],
    [[{ op: 'test', path: '/a/b', value: 1 }, { op: 'remove', path: '/a' }], { list: ['x', 'y'] }],
    [[], doc],
  ])('%j', (operations, result) => {
    it('applies', () => expect(applyPatch(doc, 'json', operations)).toEqual(result));
  });

  // patch, reason, message fragment
  describe.each([
    [[{ op: 'test', path: '/a/b', value: 2 }], 'Invalid', 'json patch operation 0 (test /a/b): Test operation failed'],
    [[{ op: 'add', path: '/a/c', value: 1 }, { op: 'remove', path: '/nope' }], 'Invalid', 'json patch operation 1 (remove /nope)'],
    [[{ op: 'replace', path: '/nope', value: 1 }], 'Invalid', 'operation 0'],
    [[{ op: 'add', path: '/x/y', value: 1 }], 'Invalid', 'operation 0'],
    [[{ op: 'add', path: '/list/7', value: 'z' }], 'Invalid', 'operation 0'],
    [[{ op: 'remove', path: '' }], 'Invalid', 'must leave a JSON object'],
    [{ op: 'add', path: '/a', value: 1 }, 'BadRequest', 'must be an array'],
    [[{ op: 'frobnicate', path: '/a' }], 'BadRequest', 'op must be one of'],
    [[{ op: '_get', path: '/a', value: 1 }], 'BadRequest', 'op must be one of'],
    [['add'], 'BadRequest', 'op must be one of'],
    [[{ op: 'add', path: '/a/c' }], 'BadRequest', '`value` property is not present'],
    [[{ op: 'add', path: 'a', value: 1 }], 'BadRequest', 'must start with "/"'],
    [[{ op: 'move', path: '/a' }], 'BadRequest', '`from` property is not present'],
    [[{ op: 'add', path: '/__proto__/polluted', value: true }], 'BadRequest', 'banned'],
  ])('%j', (patch, reason, message) => {
    it(`fails with ${reason}`, () => expectPatchError(() => applyPatch(doc, 'json', patch), reason, message));
  });
});

describe('strategic merge patch', () => {
  const a = { name: 'a', image: 'a:1' };
  const b = { name: 'b', image: 'b:1' };
  const c = { name: 'c', image: 'c:1' };
  const podSpec = (spec: object) => ({ spec });

  // why, target, patch, result
  describe.each<[string, object, unknown, object]>([
    ['merges containers by name', podSpec({ containers: [a, b] }), podSpec({ containers: [{ name: 'b', image: 'b:2' }] }), podSpec({ containers: [a, { name: 'b', image: 'b:2' }] })],
    ['puts a new container first, as Kubernetes does', podSpec({ containers: [a, b] }), podSpec({ containers: [c] }), podSpec({ containers: [c, a, b] })],
    ['merges initContainers by name', podSpec({ initContainers: [a] }), podSpec({ initContainers: [{ name: 'a', args: ['x'] }] }), podSpec({ initContainers: [{ ...a, args: ['x'] }] })],
    [
      'merges env by name',
      podSpec({ containers: [{ name: 'a', env: [{ name: 'X', value: '1' }, { name: 'Y', value: '2' }] }] }),
      podSpec({ containers: [{ name: 'a', env: [{ name: 'Y', value: '3' }] }] }),
      podSpec({ containers: [{ name: 'a', env: [{ name: 'X', value: '1' }, { name: 'Y', value: '3' }] }] }),
    ],
    [
      'merges container ports by containerPort',
      podSpec({ containers: [{ name: 'a', ports: [{ containerPort: 80, name: 'http' }, { containerPort: 443 }] }] }),
      podSpec({ containers: [{ name: 'a', ports: [{ containerPort: 80, protocol: 'TCP' }] }] }),
      podSpec({ containers: [{ name: 'a', ports: [{ containerPort: 80, name: 'http', protocol: 'TCP' }, { containerPort: 443 }] }] }),
    ],
    [
      'merges Service ports by port',
      { spec: { ports: [{ port: 80, targetPort: 8080 }, { port: 443 }] } },
      { spec: { ports: [{ port: 80, targetPort: 9090 }] } },
      { spec: { ports: [{ port: 80, targetPort: 9090 }, { port: 443 }] } },
    ],
    [
      'merges volumes by name and volumeMounts by mountPath',
      podSpec({ volumes: [{ name: 'v', emptyDir: {} }], containers: [{ name: 'a', volumeMounts: [{ mountPath: '/d', name: 'v' }] }] }),
      podSpec({ volumes: [{ name: 'w', emptyDir: {} }], containers: [{ name: 'a', volumeMounts: [{ mountPath: '/d', readOnly: true }] }] }),
      podSpec({
        volumes: [{ name: 'w', emptyDir: {} }, { name: 'v', emptyDir: {} }],
        containers: [{ name: 'a', volumeMounts: [{ mountPath: '/d', name: 'v', readOnly: true }] }],
      }),
    ],
    [
      'merges imagePullSecrets by name',
      podSpec({ imagePullSecrets: [{ name: 'r1' }] }),
      podSpec({ imagePullSecrets: [{ name: 'r2' }] }),
      podSpec({ imagePullSecrets: [{ name: 'r2' }, { name: 'r1' }] }),
    ],
    [
      'replaces tolerations',
      podSpec({ tolerations: [{ key: 'a', operator: 'Exists' }] }),
      podSpec({ tolerations: [{ key: 'b', operator: 'Exists' }] }),
      podSpec({ tolerations: [{ key: 'b', operator: 'Exists' }] }),
    ],
    ['replaces lists it has no key for', podSpec({ containers: [{ name: 'a', args: ['1', '2'] }] }), podSpec({ containers: [{ name: 'a', args: ['3'] }] }), podSpec({ containers: [{ name: 'a', args: ['3'] }] })],
    [
      'merges ownerReferences by uid',
      { metadata: { ownerReferences: [{ uid: 'u1', kind: 'ReplicaSet', controller: true }] } },
      { metadata: { ownerReferences: [{ uid: 'u1', controller: false }] } },
      { metadata: { ownerReferences: [{ uid: 'u1', kind: 'ReplicaSet', controller: false }] } },
    ],
    [
      'merges conditions by type',
      { status: { conditions: [{ type: 'Ready', status: 'False' }, { type: 'Available', status: 'True' }] } },
      { status: { conditions: [{ type: 'Ready', status: 'True' }] } },
      { status: { conditions: [{ type: 'Ready', status: 'True' }, { type: 'Available', status: 'True' }] } },
    ],
    [
      'merges taints by key',
      { spec: { taints: [{ key: 'gpu', effect: 'NoSchedule' }] } },
      { spec: { taints: [{ key: 'gpu', effect: 'NoExecute' }, { key: 'spot', effect: 'NoSchedule' }] } },
      { spec: { taints: [{ key: 'gpu', effect: 'NoExecute' }, { key: 'spot', effect: 'NoSchedule' }] } },
    ],
    ['merges finalizers as a set', { metadata: { finalizers: ['a', 'b'] } }, { metadata: { finalizers: ['b', 'c'] } }, { metadata: { finalizers: ['a', 'b', 'c'] } }],
    ['puts a new finalizer first', { metadata: { finalizers: ['a', 'b'] } }, { metadata: { finalizers: ['c'] } }, { metadata: { finalizers: ['c', 'a', 'b'] } }],
    ['deletes on null', { metadata: { labels: { a: '1', b: '2' } } }, { metadata: { labels: { a: null } } }, { metadata: { labels: { b: '2' } } }],
    ['drops nulls inside a new map', { spec: {} }, { spec: { strategy: { type: 'Recreate', rollingUpdate: null } } }, { spec: { strategy: { type: 'Recreate' } } }],
    ['replaces a scalar with a map', { spec: { x: 1 } }, { spec: { x: { y: 1 } } }, { spec: { x: { y: 1 } } }],
  ])('%s', (_why, target, patch, result) => {
    it('applies', () => expect(applyPatch(target, 'strategic', patch)).toEqual(result));
  });

  // why, target, patch, result
  describe.each<[string, object, unknown, object]>([
    ['$patch: delete removes the keyed element', podSpec({ containers: [a, b] }), podSpec({ containers: [{ name: 'a', $patch: 'delete' }] }), podSpec({ containers: [b] })],
    [
      '$patch: delete and an update in one list',
      podSpec({ containers: [a, b] }),
      podSpec({ containers: [{ name: 'a', $patch: 'delete' }, { name: 'b', image: 'b:2' }] }),
      podSpec({ containers: [{ name: 'b', image: 'b:2' }] }),
    ],
    ['$patch: replace in a list makes it the whole list', podSpec({ containers: [a, b] }), podSpec({ containers: [{ $patch: 'replace' }, c] }), podSpec({ containers: [c] })],
    ['$patch: merge in a list states the default', podSpec({ containers: [a] }), podSpec({ containers: [{ $patch: 'merge' }, { name: 'a', tty: true }] }), podSpec({ containers: [{ ...a, tty: true }] })],
    [
      '$patch: replace on a map replaces it',
      { metadata: { labels: { a: '1', b: '2' } } },
      { metadata: { labels: { $patch: 'replace', c: '3' } } },
      { metadata: { labels: { c: '3' } } },
    ],
    ['$patch: delete on a map empties it', { spec: { selector: { matchLabels: { a: '1' } } } }, { spec: { selector: { $patch: 'delete' } } }, { spec: { selector: {} } }],
    ['$patch: merge on a map merges', { metadata: { labels: { a: '1' } } }, { metadata: { labels: { $patch: 'merge', b: '2' } } }, { metadata: { labels: { a: '1', b: '2' } } }],
    [
      '$deleteFromPrimitiveList removes values from a primitive list',
      { metadata: { finalizers: ['a', 'b', 'c'] } },
      { metadata: { '$deleteFromPrimitiveList/finalizers': ['b', 'x'] } },
      { metadata: { finalizers: ['a', 'c'] } },
    ],
    [
      '$deleteFromPrimitiveList alongside an addition',
      { metadata: { finalizers: ['a', 'b'] } },
      { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'], finalizers: ['c'] } },
      { metadata: { finalizers: ['c', 'b'] } },
    ],
    [
      '$setElementOrder reorders a keyed list',
      podSpec({ containers: [a, b, c] }),
      podSpec({ '$setElementOrder/containers': [{ name: 'c' }, { name: 'a' }, { name: 'b' }] }),
      podSpec({ containers: [c, a, b] }),
    ],
    [
      '$setElementOrder orders merged and added elements',
      podSpec({ containers: [a, b] }),
      podSpec({ '$setElementOrder/containers': [{ name: 'b' }, { name: 'c' }, { name: 'a' }], containers: [c, { name: 'a', image: 'a:2' }] }),
      podSpec({ containers: [b, c, { name: 'a', image: 'a:2' }] }),
    ],
    [
      '$setElementOrder keeps unlisted server elements where they stood',
      podSpec({ containers: [a, b, c] }),
      podSpec({ '$setElementOrder/containers': [{ name: 'c' }, { name: 'a' }] }),
      podSpec({ containers: [b, c, a] }),
    ],
    [
      '$setElementOrder on a primitive list',
      { metadata: { finalizers: ['a', 'b'] } },
      { metadata: { '$setElementOrder/finalizers': ['c', 'b', 'a'], finalizers: ['c'] } },
      { metadata: { finalizers: ['c', 'b', 'a'] } },
    ],
    [
      '$setElementOrder inside a merged element',
      podSpec({ containers: [{ name: 'a', env: [{ name: 'X' }, { name: 'Y' }] }] }),
      podSpec({ containers: [{ name: 'a', '$setElementOrder/env': [{ name: 'Y' }, { name: 'X' }] }] }),
      podSpec({ containers: [{ name: 'a', env: [{ name: 'Y' }, { name: 'X' }] }] }),
    ],
    [
      '$retainKeys drops keys not listed',
      { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } } },
      { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } },
      { spec: { strategy: { type: 'Recreate' } } },
    ],
    [
      '$retainKeys keeps listed keys the patch leaves alone',
      { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 }, other: true } } },
      { spec: { strategy: { $retainKeys: ['type', 'rollingUpdate'], rollingUpdate: { maxUnavailable: 0 } } } },
      { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } } },
    ],
  ])('%s', (_why, target, patch, result) => {
    it('applies', () => expect(applyPatch(target, 'strategic', patch)).toEqual(result));
  });

  // why, patch, message fragment
  describe.each<[string, unknown, string]>([
    ['an unknown $patch on a map', { spec: { $patch: 'frob' } }, 'unknown patch type "frob" in map spec'],
    ['an unknown $patch in a list', podSpec({ containers: [{ name: 'a', $patch: 'frob' }] }), 'unknown patch type "frob" in list containers'],
    ['a keyed element without its key', podSpec({ containers: [{ image: 'x' }] }), 'does not contain merge key name'],
    ['a $patch: delete without the key', podSpec({ containers: [{ $patch: 'delete' }] }), 'does not contain merge key name'],
    ['a keyed list of primitives', podSpec({ containers: ['a'] }), 'elements must be objects to merge by name'],
    ['a set of objects', { metadata: { finalizers: [{ a: 1 }] } }, 'must be a list of primitives'],
    ['$retainKeys that is not a list of names', { spec: { $retainKeys: 'type' } }, '$retainKeys must be a list of field names'],
    ['$retainKeys missing a key the patch sets', { spec: { $retainKeys: ['type'], other: 1 } }, '$retainKeys does not list other'],
    ['$setElementOrder that is not a list', podSpec({ '$setElementOrder/containers': 'a' }), '$setElementOrder/containers must be a list'],
    ['$setElementOrder missing a patched element', podSpec({ '$setElementOrder/containers': [{ name: 'a' }], containers: [c] }), 'does not list {"name":"c","image":"c:1"}'],
    ['$deleteFromPrimitiveList that is not a list', { metadata: { '$deleteFromPrimitiveList/finalizers': 'a' } }, 'must be a list'],
  ])('%s', (_why, patch, message) => {
    it('is a BadRequest', () => {
      const target = { spec: { containers: [a], strategy: {} }, metadata: { finalizers: ['a'] } };
      expectPatchError(() => applyPatch(target, 'strategic', patch), 'BadRequest', message);
    });
  });

  it('takes another table of list strategies', () => {
    const target = podSpec({ tolerations: [{ key: 'a', operator: 'Exists' }] });
    const patched = applyPatch(target, 'strategic', podSpec({ tolerations: [{ key: 'a', effect: 'NoSchedule' }] }), { lists: { tolerations: { by: 'key' } } });
    expect(patched).toEqual(podSpec({ tolerations: [{ key: 'a', operator: 'Exists', effect: 'NoSchedule' }] }));
  });
});

describe('bodies that are not patches', () => {
  describe.each<PatchType>(['merge', 'apply', 'strategic'])('%s', (type) => {
    it.each([[[]], ['x'], [null], [3]])('rejects %j as a BadRequest', (patch) => {
      expectPatchError(() => applyPatch({ a: 1 }, type, patch), 'BadRequest', 'must be a JSON object');
    });
  });

  it.each<PatchType>(['merge', 'apply', 'strategic'])('%s keeps __proto__ in a patch an ordinary key', (type) => {
    const patched = applyPatch({ a: {} }, type, JSON.parse('{"a":{"__proto__":{"polluted":true}}}')) as { a: Record<string, unknown> };
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(patched.a)).toBe(Object.prototype);
    expect(Object.keys(patched.a)).toEqual(['__proto__']);
  });
});

function expectPatchError(run: () => unknown, reason: string, message: string): void {
  let error: unknown;
  try {
    run();
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(PatchError);
  expect(error).toMatchObject({ reason });
  expect((error as Error).message).toContain(message);
  expect((error as Error).message).not.toContain('\n');
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

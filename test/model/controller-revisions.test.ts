import type { KubeObjects } from '../../src/kube/index.js';
import { currentRevisionNumber, ownedRevisions, previousRevisionNumber, revisionTemplate, runsRevision, updateRevisionOf } from '../../src/model/controller-revisions.js';

const template = (image: string) => ({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image, resources: {} }] } });
const revision = (name: string, number: number, image: string, owner = 'uid-web'): KubeObjects['ControllerRevision'] => ({
  metadata: { name, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: owner, controller: true }] },
  // As a cluster writes it: Go's creationTimestamp null, the replace directive, keys sorted.
  data: { spec: { template: { $patch: 'replace', metadata: { creationTimestamp: null, labels: { app: 'web' } }, spec: { containers: [{ image, name: 'app', resources: {} }] } } } },
  revision: number,
});
const sts = (image: string, updateRevision?: string): KubeObjects['StatefulSet'] => ({
  metadata: { name: 'web', uid: 'uid-web' },
  spec: { selector: {}, serviceName: 'web', template: template(image) },
  status: { replicas: 1, ...(updateRevision ? { updateRevision } : {}) },
});

const all = [revision('web-c', 3, 'a:3'), revision('other-a', 7, 'b:1', 'uid-other'), revision('web-a', 1, 'a:1'), revision('web-b', 2, 'a:2')];

describe('ControllerRevisions', () => {
  it('keeps the owner\'s, by number', () => {
    expect(ownedRevisions(sts('a:3'), all).map((r) => r.metadata!.name)).toEqual(['web-a', 'web-b', 'web-c']);
    expect(ownedRevisions({ metadata: {} }, all)).toEqual([]);
  });

  it.each<[string, string | undefined, number | null]>([
    ['the one status.updateRevision names', 'web-b', 2],
    ['the newest when status names none', undefined, 3],
    ['the newest when status names one that is gone', 'web-z', 3],
  ])('is at %s', (_title, named, expected) => {
    expect(currentRevisionNumber(ownedRevisions(sts('a:3'), all), updateRevisionOf(sts('a:3', named)))).toBe(expected);
  });

  it('has no current or previous revision without history, and kubectl\'s previous with it', () => {
    expect(currentRevisionNumber([], null)).toBeNull();
    expect(previousRevisionNumber(ownedRevisions(sts('a:3'), all.slice(0, 1)))).toBeNull();
    expect(previousRevisionNumber(ownedRevisions(sts('a:3'), all))).toBe(2);
  });

  it('reads the template a revision puts back, and whether a set runs it', () => {
    const [, , first] = all;
    expect(revisionTemplate(first!)).toEqual({ metadata: { creationTimestamp: null, labels: { app: 'web' } }, spec: { containers: [{ image: 'a:1', name: 'app', resources: {} }] } });
    expect(runsRevision(sts('a:1'), first!)).toBe(true);
    expect(runsRevision(sts('a:2'), first!)).toBe(false);
  });
});

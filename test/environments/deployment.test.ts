import { deploymentManifest } from '../../src/environments/deployment.js';
import { BadUserInputError } from '../../src/errors/index.js';

const spec = { containers: [{ name: 'web', image: 'nginx:1.27' }] };
const base = { name: 'web', namespace: 'acme-qa', replicas: 2, publicHosts: [], privateHosts: [] };

describe('deploymentManifest', () => {
  it('selects its pods by app=<name>, on top of the template labels', () => {
    const d = deploymentManifest({ ...base, template: { metadata: { labels: { tier: 'front' }, annotations: {} }, spec } });
    expect(d).toEqual({
      metadata: { name: 'web', namespace: 'acme-qa', labels: { tier: 'front', app: 'web' } },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { tier: 'front', app: 'web' }, annotations: {} }, spec },
      },
    });
  });

  it('keeps public and private hosts as space-separated pod-template annotations', () => {
    const d = deploymentManifest({ ...base, template: { metadata: { annotations: { note: 'x' } }, spec }, publicHosts: ['a.example', 'b.example'], privateHosts: ['10.0.0.1'] });
    expect(d.spec?.template.metadata?.annotations).toEqual({ note: 'x', 'fleetgraph.io/public-hosts': 'a.example b.example', 'fleetgraph.io/private-hosts': '10.0.0.1' });
  });

  it('accepts a template that already says app=<name>', () => {
    const d = deploymentManifest({ ...base, template: { metadata: { labels: { app: 'web' } }, spec } });
    expect(d.spec?.template.metadata?.labels).toEqual({ app: 'web' });
  });

  it('refuses a template whose app label would escape the selector', () => {
    const call = () => deploymentManifest({ ...base, template: { metadata: { labels: { app: 'other' } }, spec } });
    expect(call).toThrow(BadUserInputError);
    expect(call).toThrow('podTemplate.metadata.labels.app: is "other"');
  });
});

import { checkPodTemplate } from '../../src/environments/pod-template.js';
import { BadUserInputError } from '../../src/errors/index.js';

const strict = { allowPrivilegedContainers: false };
const open = { allowPrivilegedContainers: true };
const app = { name: 'web', image: 'nginx:1.27' };
const template = (spec: Record<string, unknown>, metadata?: unknown) => ({ ...(metadata === undefined ? {} : { metadata }), spec });

describe('checkPodTemplate', () => {
  it('keeps the spec and cuts the metadata to labels and annotations', () => {
    const checked = checkPodTemplate(
      template({ containers: [{ ...app, ports: [{ containerPort: 80 }] }], terminationGracePeriodSeconds: 5 }, { name: 'django', namespace: 'x', labels: { component: 'webapp' }, annotations: { note: 'hi' } }),
      strict,
    );
    expect(checked).toEqual({
      metadata: { labels: { component: 'webapp' }, annotations: { note: 'hi' } },
      spec: { containers: [{ ...app, ports: [{ containerPort: 80 }] }], terminationGracePeriodSeconds: 5 },
    });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['no spec', {}, 'podTemplate.spec: an object is required'],
    ['a spec that is a list', { spec: [] }, 'podTemplate.spec: an object is required'],
    ['no containers', template({}), 'podTemplate.spec.containers: one container is required'],
    ['an empty container list', template({ containers: [] }), 'podTemplate.spec.containers: one container is required'],
    ['containers not a list', template({ containers: app }), 'podTemplate.spec.containers: one container is required'],
    ['two containers', template({ containers: [app, { name: 'side', image: 'busybox' }] }), 'exactly one container is supported, got 2'],
    ['a container that is no object', template({ containers: ['nginx'] }), 'podTemplate.spec.containers[0]: an object is required'],
    ['a container without a name', template({ containers: [{ image: 'nginx' }] }), 'podTemplate.spec.containers[0].name: null is not a container name'],
    ['a container with an invalid name', template({ containers: [{ name: 'Web_1', image: 'nginx' }] }), 'podTemplate.spec.containers[0].name: "Web_1" is not a container name'],
    ['a container without an image', template({ containers: [{ name: 'web' }] }), 'podTemplate.spec.containers[0].image: container "web" has no image'],
    ['a container with a blank image', template({ containers: [{ name: 'web', image: ' ' }] }), 'container "web" has no image'],
    ['metadata that is no object', template({ containers: [app] }, 'x'), 'podTemplate.metadata: an object is required'],
    ['a label that is no string', template({ containers: [app] }, { labels: { tier: 1 } }), 'podTemplate.metadata.labels.tier: must be a string'],
    ['an invalid label key', template({ containers: [app] }, { labels: { 'bad key': 'x' } }), 'podTemplate.metadata.labels: key "bad key"'],
    ['an invalid label value', template({ containers: [app] }, { labels: { tier: 'front end' } }), 'podTemplate.metadata.labels.tier: value "front end"'],
  ])('refuses %s', (_title, input, message) => {
    const call = () => checkPodTemplate(input, strict);
    expect(call).toThrow(BadUserInputError);
    expect(call).toThrow(message);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['privileged', { containers: [{ ...app, securityContext: { privileged: true } }] }, 'podTemplate.spec.containers[0].securityContext.privileged: is true'],
    ['SYS_ADMIN', { containers: [{ ...app, securityContext: { capabilities: { add: ['NET_BIND_SERVICE', 'SYS_ADMIN'] } } }] }, 'capabilities.add[1]: "SYS_ADMIN" is beyond the baseline capabilities'],
    ['ALL capabilities', { containers: [{ ...app, securityContext: { capabilities: { add: ['all'] } } }] }, 'capabilities.add[0]: "all" is beyond the baseline capabilities'],
    ['a privileged init container', { containers: [app], initContainers: [{ name: 'init', image: 'busybox', securityContext: { privileged: true } }] }, 'podTemplate.spec.initContainers[0].securityContext.privileged'],
  ])('refuses a %s container unless allowed', (_title, spec, message) => {
    expect(() => checkPodTemplate(template(spec), strict)).toThrow(message);
    expect(() => checkPodTemplate(template(spec), strict)).toThrow('ALLOW_PRIVILEGED_CONTAINERS');
    expect(checkPodTemplate(template(spec), open).spec).toEqual(spec);
  });
});
